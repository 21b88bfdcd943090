import { createHash, hash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CaptureSet } from '../optout/index.js';
import { WARC_ERROR_FIELD } from '../records/error-fields.js';
import { readWarc, type WarcResponse } from './read-warc.js';
import { responseItem } from './response-item.js';

export { WARC_ERROR_FIELD };

/** What a WARC file held, for the manifest. */
export interface WarcCounts {
  /** Every record read, whole or not. */
  records: number;
  /** `response` records with status 200 and a supported Content-Type: one item each. */
  items: number;
  /** robots.txt and tdmrep.json captures (any status), read as signals, not items. */
  captures: number;
  /** `response` records with another status. */
  not_200: number;
  /** 200 responses of a Content-Type that is neither text, HTML, image nor audio. */
  unsupported_content_type: number;
  /** Records (or trailing bytes) that could not be read; each is a rejected line. */
  invalid: number;
  /** Records other than `response`, by WARC-Type. */
  other_by_type: Record<string, number>;
}

export interface ConvertedWarc {
  /** The items as JSONL, one line per item or invalid record, in file order. */
  readonly records: string;
  /** The folder the records' `media` paths are relative to. */
  readonly dir: string;
  readonly counts: WarcCounts;
  /** The WARC itself, as the manifest describes inputs. */
  readonly bytes: number;
  readonly sha256: string;
}

export interface WarcLimits {
  readonly maxPayloadBytes: number;
}

export function isWarcPath(file: string): boolean {
  const lower = file.toLowerCase();
  return lower.endsWith('.warc') || lower.endsWith('.warc.gz');
}

/**
 * Converts a WARC file into item records (JSONL) and their media, in `dir`; robots.txt and
 * tdmrep.json captures go into `captures` instead. The WARC is only read.
 */
export async function convertWarc(
  file: string,
  dir: string,
  captures: CaptureSet,
  limits: WarcLimits,
): Promise<ConvertedWarc> {
  await mkdir(path.join(dir, 'media'), { recursive: true, mode: 0o700 });
  const recordsPath = path.join(dir, 'records.jsonl');
  const out = createWriteStream(recordsPath);
  let failure: Error | undefined;
  // One listener for the whole file: an error is reported once the stream is ended.
  out.on('error', (err) => {
    failure ??= err;
  });
  const written = new Set<string>();
  const counts = emptyCounts();
  const tap = hashingReader(file);
  try {
    for await (const entry of readWarc(tap.chunks(), limits)) {
      counts.records++;
      if (entry.kind === 'other') {
        counts.other_by_type[entry.type] = (counts.other_by_type[entry.type] ?? 0) + 1;
        continue;
      }
      if (entry.kind === 'invalid') {
        counts.invalid++;
        const line = {
          ...(entry.recordId ? { id: entry.recordId } : {}),
          [WARC_ERROR_FIELD]: `${entry.error} (record at byte offset ${entry.offset})`,
        };
        await writeLine(out, JSON.stringify(line));
        continue;
      }
      if (addCapture(entry, captures)) {
        counts.captures++;
        continue;
      }
      const item = responseItem(entry);
      if (item.kind === 'skipped') {
        if (item.reason === 'not_200') counts.not_200++;
        else counts.unsupported_content_type++;
        continue;
      }
      counts.items++;
      let record = item.record;
      if (item.media) {
        const name = `media/${item.media.sha256}.${item.media.ext}`;
        if (!written.has(name)) {
          await writeFile(path.join(dir, name), item.media.bytes, { mode: 0o600 });
          written.add(name);
        }
        record = { ...record, media: name };
      }
      await writeLine(out, JSON.stringify(record));
    }
  } finally {
    await new Promise<void>((resolve, reject) =>
      out.end(() => (failure ? reject(failure) : resolve())),
    );
  }
  return { records: recordsPath, dir, counts, bytes: tap.bytes, sha256: tap.digest() };
}

/** Reads only the captures of a WARC (`--signals`): every other record is counted and skipped. */
export async function readCaptures(
  file: string,
  captures: CaptureSet,
  limits: WarcLimits,
): Promise<{ counts: WarcCounts; bytes: number; sha256: string; invalid: string[] }> {
  const counts = emptyCounts();
  const invalid: string[] = [];
  const tap = hashingReader(file);
  for await (const entry of readWarc(tap.chunks(), limits)) {
    counts.records++;
    if (entry.kind === 'other') {
      counts.other_by_type[entry.type] = (counts.other_by_type[entry.type] ?? 0) + 1;
    } else if (entry.kind === 'invalid') {
      counts.invalid++;
      invalid.push(`${entry.error} (record at byte offset ${entry.offset})`);
    } else if (addCapture(entry, captures)) {
      counts.captures++;
    }
  }
  return { counts, bytes: tap.bytes, sha256: tap.digest(), invalid };
}

function addCapture(response: WarcResponse, captures: CaptureSet): boolean {
  const kind = CaptureSet.kindOf(response.targetUri);
  if (!kind) return false;
  captures.add(kind, {
    url: response.targetUri,
    status: response.status,
    text: new TextDecoder('utf-8').decode(response.payload),
    sha256: hash('sha256', response.payload, 'hex'),
    date: response.date,
  });
  return true;
}

function emptyCounts(): WarcCounts {
  return {
    records: 0,
    items: 0,
    captures: 0,
    not_200: 0,
    unsupported_content_type: 0,
    invalid: 0,
    other_by_type: {},
  };
}

/** The file's chunks as warcio reads them, hashed and counted on the way. */
function hashingReader(file: string) {
  const digest = createHash('sha256');
  let bytes = 0;
  return {
    async *chunks(): AsyncGenerator<Uint8Array> {
      for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
        digest.update(chunk as Buffer);
        bytes += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
    },
    get bytes() {
      return bytes;
    },
    digest: () => digest.digest('hex'),
  };
}

function writeLine(stream: WriteStream, line: string): Promise<void> {
  // After an error the stream never drains: resolve on close too, and let convertWarc report it.
  if (stream.write(`${line}\n`)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
