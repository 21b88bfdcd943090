import { AsyncIterReader, StatusAndHeadersParser, WARCParser, type WARCRecord } from 'warcio';
import type { HttpHeader } from '../optout/index.js';

/** A `response` record with its HTTP message read, payload decoded (chunked, gzip, deflate). */
export interface WarcResponse {
  readonly kind: 'response';
  /** Byte offset of the record in the file (of its gzip member, for .warc.gz). */
  readonly offset: number;
  readonly recordId: string;
  readonly targetUri: string;
  readonly date: string;
  readonly status: number;
  /** Response header names in lower case, in order; repeated headers joined with ", ". */
  readonly headers: readonly HttpHeader[];
  readonly payload: Uint8Array;
  /** WARC-Payload-Digest as written by the crawler, if any. */
  readonly payloadDigest?: string;
}

/** Any other record (warcinfo, request, metadata, revisit, resource …), counted by type. */
export interface WarcOther {
  readonly kind: 'other';
  readonly offset: number;
  readonly type: string;
}

/** A record (or trailing bytes) that cannot be read, with where it starts. */
export interface WarcInvalid {
  readonly kind: 'invalid';
  readonly offset: number;
  readonly error: string;
  readonly recordId?: string;
}

export type WarcEntry = WarcResponse | WarcOther | WarcInvalid;

export interface ReadWarcOptions {
  /** Payloads larger than this are reported invalid instead of being held in memory. */
  readonly maxPayloadBytes: number;
}

// A gzip member ends exactly where the next begins; an uncompressed record is followed by
// CRLF CRLF, which warcio counts in neither record.
const RECORD_TRAILER = 4;

/**
 * Reads a WARC 1.0/1.1 stream, plain or gzip (one member per record or one for the whole file),
 * with warcio. Every record is yielded in file order; a record whose block is shorter than its
 * Content-Length, or whose HTTP message cannot be read, is yielded as invalid with its offset,
 * and bytes after the last whole record (a truncated gzip member) are reported the same way.
 */
export async function* readWarc(
  source: AsyncIterable<Uint8Array>,
  options: ReadWarcOptions,
): AsyncGenerator<WarcEntry> {
  let size = 0;
  const counted = (async function* () {
    for await (const chunk of source) {
      size += chunk.length;
      yield chunk;
    }
  })();
  const parser = new WARCParser(counted, { parseHttp: false });
  let end = 0;
  for (;;) {
    let record: WARCRecord | null;
    try {
      record = await parser.parse();
    } catch (err) {
      yield {
        kind: 'invalid',
        offset: end,
        error: `WARC record not readable: ${(err as Error).message}`,
      };
      return;
    }
    if (!record) break;
    const offset = parser.offset;
    yield await entryOf(record, offset, options);
    end = offset + parser.recordLength;
  }
  if (size - end > RECORD_TRAILER) {
    yield {
      kind: 'invalid',
      offset: end,
      error: `truncated or malformed record: ${size - end} bytes after the last whole record`,
    };
  }
}

async function entryOf(
  record: WARCRecord,
  offset: number,
  options: ReadWarcOptions,
): Promise<WarcEntry> {
  const type = record.warcType ?? '';
  const recordId = record.warcHeader('WARC-Record-ID') ?? undefined;
  const invalid = (error: string): WarcInvalid => ({
    kind: 'invalid',
    offset,
    error,
    ...(recordId ? { recordId } : {}),
  });
  const length = record.warcContentLength;
  if (!Number.isSafeInteger(length) || length < 0) {
    return invalid('WARC Content-Length is missing or not a number');
  }
  if (type !== 'response') {
    await record.skipFully();
    return { kind: 'other', offset, type: type || '(none)' };
  }
  if (length > options.maxPayloadBytes) {
    await record.skipFully();
    return invalid(`record is larger than ${options.maxPayloadBytes} bytes`);
  }
  const block = await record.readFully(false);
  if (block.length < length) {
    return invalid(`record truncated: block has ${block.length} of ${length} bytes`);
  }
  if (!recordId) return invalid('WARC-Record-ID is missing');
  const targetUri = record.warcTargetURI;
  if (!targetUri) return invalid('WARC-Target-URI is missing');
  const date = record.warcDate;
  if (!date) return invalid('WARC-Date is missing');

  let http: Awaited<ReturnType<StatusAndHeadersParser['parse']>>;
  const reader = new AsyncIterReader([block]);
  try {
    http = await new StatusAndHeadersParser().parse(reader, { headersClass: Headers });
  } catch (err) {
    return invalid(`HTTP response not readable: ${(err as Error).message}`);
  }
  const status = Number(http?.statusCode);
  if (!http || !Number.isInteger(status) || !http.statusline.startsWith('HTTP/')) {
    return invalid('HTTP status line missing or not a number');
  }
  const headers: HttpHeader[] = [...(http.headers as Headers).entries()];
  const body = await reader.readFully();
  let payload: Uint8Array;
  try {
    payload = await decode(body, http.headers as Headers);
  } catch (err) {
    return invalid(`HTTP payload not decodable: ${(err as Error).message}`);
  }
  const payloadDigest = record.warcPayloadDigest ?? undefined;
  return {
    kind: 'response',
    offset,
    recordId,
    targetUri: targetUri.replace(/^<(.*)>$/, '$1'),
    date,
    status,
    headers,
    payload,
    ...(payloadDigest ? { payloadDigest } : {}),
  };
}

/** Undoes chunked transfer coding and gzip/deflate content coding, as warcio does for its own reads. */
async function decode(body: Uint8Array, headers: Headers): Promise<Uint8Array> {
  const chunked = headers.get('transfer-encoding')?.toLowerCase() === 'chunked';
  const encoding = headers.get('content-encoding')?.toLowerCase() ?? null;
  if (!chunked && (encoding === null || encoding === 'identity')) return body;
  return new AsyncIterReader([body], encoding, chunked).readFully();
}
