import { WARCRecord } from 'warcio';
import type { SignalType } from '../policy/index.js';

/** One captured URL of the generated crawl, and the signals that should reserve it when it is an item. */
export type WarcPage = {
  readonly url: string;
  readonly type: string;
  readonly body: Uint8Array | string;
  readonly headers?: Record<string, string>;
  readonly status?: number;
  readonly expect?: readonly SignalType[];
};

export const DATE = '2026-11-02T10:00:00Z';
export const ROBOTS_DATE = '2026-11-02T09:00:00Z';

export function response(p: WarcPage, recordId: string, date: string): WARCRecord {
  const status = p.status ?? 200;
  return WARCRecord.create(
    {
      url: p.url,
      date,
      type: 'response',
      warcVersion: 'WARC/1.1',
      warcHeaders: { 'WARC-Record-ID': recordId },
      statusline: `HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Other'}`,
      httpHeaders: { 'Content-Type': p.type, ...(p.headers ?? {}) },
    },
    body(p.body),
  );
}

export function request(url: string, recordId: string): WARCRecord {
  return WARCRecord.create(
    {
      url,
      date: DATE,
      type: 'request',
      warcVersion: 'WARC/1.1',
      warcHeaders: { 'WARC-Record-ID': recordId },
      statusline: `GET ${new URL(url).pathname} HTTP/1.1`,
      httpHeaders: { 'User-Agent': 'CCBot/2.0', Host: new URL(url).host },
    },
    body(''),
  );
}

export function* body(content: Uint8Array | string): Iterable<Uint8Array> {
  yield typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}
