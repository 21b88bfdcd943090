import { describe, expect, it } from 'vitest';
import { WARCRecord, WARCSerializer } from 'warcio';
import { readWarc, type WarcEntry } from '../../src/warc/index.js';

const LIMITS = { maxPayloadBytes: 1024 * 1024 };

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

async function entries(bytes: Uint8Array, limits = LIMITS): Promise<WarcEntry[]> {
  const out: WarcEntry[] = [];
  for await (const e of readWarc(once(bytes), limits)) out.push(e);
  return out;
}

function* body(text: string): Iterable<Uint8Array> {
  yield new TextEncoder().encode(text);
}

async function responseBytes(
  url: string,
  content: string,
  opts: { gzip?: boolean; headers?: Record<string, string>; id?: string } = {},
): Promise<Uint8Array> {
  const record = WARCRecord.create(
    {
      url,
      date: '2026-11-02T10:00:00Z',
      type: 'response',
      warcVersion: 'WARC/1.1',
      warcHeaders: { 'WARC-Record-ID': opts.id ?? '<urn:uuid:1>' },
      statusline: 'HTTP/1.1 200 OK',
      httpHeaders: { 'Content-Type': 'text/plain', ...(opts.headers ?? {}) },
    },
    body(content),
  );
  return WARCSerializer.serialize(record, { gzip: opts.gzip ?? false });
}

describe('readWarc', () => {
  it('reads a response: id, URI, date, status, lower-case headers, payload', async () => {
    const [e] = await entries(
      await responseBytes('https://a.example/x', 'hello', { headers: { 'X-Robots-Tag': 'noai' } }),
    );
    expect(e).toMatchObject({
      kind: 'response',
      offset: 0,
      recordId: '<urn:uuid:1>',
      targetUri: 'https://a.example/x',
      date: '2026-11-02T10:00:00Z',
      status: 200,
    });
    if (e?.kind !== 'response') throw new Error('not a response');
    expect(e.headers).toContainEqual(['x-robots-tag', 'noai']);
    expect(Buffer.from(e.payload).toString()).toBe('hello');
  });

  it('a record cut short is invalid, with its byte offset', async () => {
    const first = await responseBytes('https://a.example/1', 'one');
    const second = await responseBytes('https://a.example/2', 'two two two two', {
      id: '<urn:uuid:2>',
    });
    const cut = Buffer.concat([first, second.subarray(0, second.length - 12)]);
    const all = await entries(cut);
    expect(all[0]!.kind).toBe('response');
    expect(all[1]).toMatchObject({
      kind: 'invalid',
      offset: first.length + 0,
      recordId: '<urn:uuid:2>',
    });
    expect((all[1] as { error: string }).error).toMatch(/truncated/);
  });

  it('a gzip member cut short is reported at its offset', async () => {
    const first = await responseBytes('https://a.example/1', 'one', { gzip: true });
    const second = await responseBytes('https://a.example/2', 'two', { gzip: true });
    const all = await entries(Buffer.concat([first, second.subarray(0, 20)]));
    expect(all.map((e) => e.kind)).toEqual(['response', 'invalid']);
    expect(all[1]!.offset).toBe(first.length);
  });

  it('a response whose block is not an HTTP message is invalid', async () => {
    const block = 'this is not http\r\n\r\n';
    const bytes = Buffer.from(
      `WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:3>\r\nWARC-Date: 2026-11-02T10:00:00Z\r\nWARC-Target-URI: https://a.example/x\r\nContent-Length: ${block.length}\r\n\r\n${block}\r\n\r\n`,
    );
    const [e] = await entries(bytes);
    expect(e).toMatchObject({ kind: 'invalid', offset: 0, recordId: '<urn:uuid:3>' });
  });

  it('undoes chunked transfer coding', async () => {
    const bytes = await responseBytes(
      'https://a.example/x',
      '5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n',
      {
        headers: { 'Transfer-Encoding': 'chunked' },
      },
    );
    const [e] = await entries(bytes);
    if (e?.kind !== 'response') throw new Error('not a response');
    expect(Buffer.from(e.payload).toString()).toBe('hello world');
  });

  it('a payload over the limit is invalid and not held in memory', async () => {
    const bytes = await responseBytes('https://a.example/x', 'x'.repeat(2000));
    const [e] = await entries(bytes, { maxPayloadBytes: 100 });
    expect(e).toMatchObject({
      kind: 'invalid',
      error: expect.stringMatching(/larger than 100 bytes/),
    });
  });

  it('counts other record types', async () => {
    const info = await WARCSerializer.serialize(
      WARCRecord.createWARCInfo({ filename: 'x.warc' }, { software: 't' }),
    );
    const [e] = await entries(info);
    expect(e).toMatchObject({ kind: 'other', type: 'warcinfo' });
  });
});
