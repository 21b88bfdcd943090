import { WARCRecord, WARCSerializer } from 'warcio';
import type { SignalType } from '../policy/index.js';
import { encodePngRgb } from './png.js';

/** What the default policy should decide for one generated item. */
export interface ExpectedDecision {
  readonly url: string;
  readonly reserved: boolean;
  /** The signal types that reserve it, in the evaluator's order. */
  readonly signals: readonly SignalType[];
}

export interface WarcCorpus {
  /** The crawl: items, captures and other records, as one WARC (gzip per record unless `gzip: false`). */
  readonly warc: Uint8Array;
  /** Only the robots.txt and tdmrep.json captures, for `--signals`. */
  readonly signals: Uint8Array;
  /** By WARC-Record-ID, for every record that should become an item. */
  readonly expected: ReadonlyMap<string, ExpectedDecision>;
  /** Records that are not items: request, metadata, revisit, non-200, unsupported type. */
  readonly others: number;
  /** Records generated broken on purpose (truncated at the end of the file). */
  readonly invalid: number;
}

export interface WarcCorpusOptions {
  readonly gzip?: boolean;
  /** Repeat the plain pages of each host this many times (for benchmarks). */
  readonly repeat?: number;
  /** Words of filler text per generated page. */
  readonly words?: number;
  /** Leave out the truncated record at the end. */
  readonly whole?: boolean;
  /** Distinguishes the ids and URLs of corpora written one after another into one file. */
  readonly chunk?: number;
}

type Page = {
  readonly url: string;
  readonly type: string;
  readonly body: Uint8Array | string;
  readonly headers?: Record<string, string>;
  readonly status?: number;
  readonly expect?: readonly SignalType[];
};

const DATE = '2026-11-02T10:00:00Z';
const ROBOTS_DATE = '2026-11-02T09:00:00Z';

const page = (title: string, extraHead = '', words = 40) =>
  `<!doctype html><html><head><title>${title}</title>${extraHead}<script>var x = "not text";</script></head><body><h1>${title}</h1><p>${filler(words)}</p></body></html>`;

function filler(words: number): string {
  const vocabulary = [
    'river',
    'stone',
    'garden',
    'harbour',
    'lantern',
    'meadow',
    'window',
    'orchard',
  ];
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(vocabulary[(i * 7 + words) % vocabulary.length]!);
  return out.join(' ');
}

const png = (seed: number) => {
  const rgb = new Uint8Array(8 * 8 * 3);
  for (let i = 0; i < rgb.length; i++) rgb[i] = (i * 31 + seed * 17) & 0xff;
  return encodePngRgb(8, 8, rgb);
};

/**
 * A small crawl with every opt-out signal alone and combined, on several hosts: disallowing
 * robots.txt groups, AIPREF headers and robots.txt lines (agreeing and conflicting), TDMRep in
 * headers, meta and tdmrep.json, noai and noimageai, Content-Signal, a host without robots.txt,
 * a robots.txt answered 503, a tdmrep.json that is not JSON, non-items and a truncated record.
 * The expected decisions are those of the default policy (DEFAULT_OPTOUT).
 */
export async function generateWarcCorpus(options: WarcCorpusOptions = {}): Promise<WarcCorpus> {
  const words = options.words ?? 40;
  const repeat = options.repeat ?? 1;
  const captures: Page[] = [
    {
      url: 'https://plain.example/robots.txt',
      type: 'text/plain',
      body: 'User-agent: *\nAllow: /\n',
    },
    {
      url: 'https://robots.example/robots.txt',
      type: 'text/plain',
      body: 'User-agent: *\nAllow: /\n\nUser-agent: GPTBot\nDisallow: /private/\n',
    },
    {
      url: 'https://aipref.example/robots.txt',
      type: 'text/plain',
      body: 'User-agent: *\nContent-Usage: /news/ train-ai=n\nContent-Usage: /news/open/ train-ai=y\nAllow: /\n',
    },
    {
      url: 'https://tdm.example/.well-known/tdmrep.json',
      type: 'application/json',
      body: JSON.stringify([
        {
          location: '/images/*',
          'tdm-reservation': 1,
          'tdm-policy': 'https://tdm.example/policy.json',
        },
        { location: '/*', 'tdm-reservation': 0 },
      ]),
    },
    {
      url: 'https://tdm.example/robots.txt',
      type: 'text/plain',
      body: 'User-agent: *\nDisallow:\n',
    },
    { url: 'https://noai.example/robots.txt', type: 'text/plain', body: '' },
    {
      url: 'https://signal.example/robots.txt',
      type: 'text/plain',
      body: 'User-agent: *\nContent-Signal: search=yes, ai-train=no\nAllow: /\n',
    },
    {
      url: 'https://combined.example/robots.txt',
      type: 'text/plain',
      body: 'User-agent: *\nDisallow: /all/\nContent-Usage: train-ai=n\nContent-Signal: ai-train=no\n',
    },
    {
      url: 'https://combined.example/.well-known/tdmrep.json',
      type: 'application/json',
      body: '[{"location": "/all/*", "tdm-reservation": 1}]',
    },
    { url: 'https://down.example/robots.txt', type: 'text/plain', body: 'busy', status: 503 },
    {
      url: 'https://broken.example/robots.txt',
      type: 'text/plain',
      body: 'User-agent: *\nAllow: /\n',
    },
    {
      url: 'https://broken.example/.well-known/tdmrep.json',
      type: 'application/json',
      body: '[{"location": ',
    },
    { url: 'https://gone.example/robots.txt', type: 'text/plain', body: 'Not found', status: 404 },
  ];
  const items: Page[] = [];
  for (let r = 0; r < repeat; r++) {
    const q = repeat > 1 || options.chunk !== undefined ? `?c=${options.chunk ?? 0}&r=${r}` : '';
    items.push(
      {
        url: `https://plain.example/a.html${q}`,
        type: 'text/html; charset=utf-8',
        body: page('Plain', '', words),
        expect: [],
      },
      {
        url: `https://plain.example/b.txt${q}`,
        type: 'text/plain',
        body: filler(words),
        expect: [],
      },
    );
  }
  items.push(
    { url: 'https://plain.example/cat.png', type: 'image/png', body: png(1), expect: [] },
    {
      url: 'https://plain.example/sound.wav',
      type: 'audio/wav',
      body: 'RIFF....WAVEfmt ',
      expect: [],
    },
    {
      url: 'https://robots.example/private/a.html',
      type: 'text/html',
      body: page('Private'),
      expect: ['robots'],
    },
    {
      url: 'https://robots.example/public/a.html',
      type: 'text/html',
      body: page('Public'),
      expect: [],
    },
    {
      url: 'https://aipref.example/header.html',
      type: 'text/html',
      body: page('Header'),
      headers: { 'Content-Usage': 'train-ai=n' },
      expect: ['aipref'],
    },
    {
      url: 'https://aipref.example/news/a.html',
      type: 'text/html',
      body: page('News'),
      expect: ['aipref'],
    },
    {
      url: 'https://aipref.example/news/open/a.html',
      type: 'text/html',
      body: page('Open'),
      expect: [],
    },
    {
      // Conflicting: the header says y, the robots.txt line for /news/ says n; n wins.
      url: 'https://aipref.example/news/conflict.html',
      type: 'text/html',
      body: page('Conflict'),
      headers: { 'content-usage': 'train-ai=y, train-genai=n' },
      expect: ['aipref'],
    },
    {
      url: 'https://aipref.example/yes.html',
      type: 'text/html',
      body: page('Yes'),
      headers: { 'Content-Usage': 'train-ai=y, train-genai=n' },
      expect: [],
    },
    {
      url: 'https://tdm.example/images/dog.png',
      type: 'image/png',
      body: png(2),
      expect: ['tdmrep'],
    },
    {
      url: 'https://tdm.example/meta.html',
      type: 'text/html',
      body: page(
        'Meta',
        '<meta name="tdm-reservation" content="1"><meta name="tdm-policy" content="https://tdm.example/p.json">',
      ),
      expect: ['tdmrep'],
    },
    {
      url: 'https://tdm.example/header.html',
      type: 'text/html',
      body: page('TDM header'),
      headers: { 'TDM-Reservation': '1' },
      expect: ['tdmrep'],
    },
    { url: 'https://tdm.example/free.html', type: 'text/html', body: page('Free'), expect: [] },
    {
      url: 'https://noai.example/page.html',
      type: 'text/html',
      body: page('Noai'),
      headers: { 'X-Robots-Tag': 'noai' },
      expect: ['noai'],
    },
    {
      url: 'https://noai.example/meta.html',
      type: 'text/html',
      body: page('Noai meta', '<meta name="robots" content="noindex, noai">'),
      expect: ['noai'],
    },
    {
      url: 'https://noai.example/bird.png',
      type: 'image/png',
      body: png(3),
      headers: { 'X-Robots-Tag': 'noimageai' },
      expect: ['noai'],
    },
    {
      // noimageai says nothing about text.
      url: 'https://noai.example/text.html',
      type: 'text/html',
      body: page('Text only'),
      headers: { 'X-Robots-Tag': 'noimageai' },
      expect: [],
    },
    {
      url: 'https://signal.example/a.html',
      type: 'text/html',
      body: page('Signal'),
      expect: ['content_signal'],
    },
    {
      url: 'https://combined.example/all/a.html',
      type: 'text/html',
      body: page('All', '<meta name="robots" content="noai">'),
      headers: { 'TDM-Reservation': '1' },
      expect: ['robots', 'aipref', 'tdmrep', 'noai', 'content_signal'],
    },
    {
      url: 'https://missing.example/a.html',
      type: 'text/html',
      body: page('No robots'),
      expect: [],
    },
    {
      url: 'https://down.example/a.html',
      type: 'text/html',
      body: page('Down'),
      expect: ['robots'],
    },
    {
      url: 'https://broken.example/a.html',
      type: 'text/html',
      body: page('Broken'),
      expect: ['tdmrep'],
    },
    { url: 'https://gone.example/a.html', type: 'text/html', body: page('Gone'), expect: [] },
  );

  const records: Uint8Array[] = [];
  const signalRecords: Uint8Array[] = [];
  const expected = new Map<string, ExpectedDecision>();
  let serial = 0;
  const chunk = (options.chunk ?? 0).toString(16).padStart(8, '0');
  const id = () =>
    `<urn:uuid:${chunk}-0000-4000-8000-${(++serial).toString(16).padStart(12, '0')}>`;
  const gzip = options.gzip ?? true;
  const serialize = (r: WARCRecord) => WARCSerializer.serialize(r, { gzip });

  records.push(
    await serialize(
      WARCRecord.createWARCInfo(
        { filename: 'crawl.warc.gz', warcVersion: 'WARC/1.1' },
        { software: 'obhut warc-corpus' },
      ),
    ),
  );
  for (const c of captures) {
    const rec = response(c, id(), ROBOTS_DATE);
    const bytes = await serialize(rec);
    records.push(bytes);
    signalRecords.push(
      await serialize(
        response(
          c,
          `<urn:uuid:10000000-0000-4000-8000-${serial.toString(16).padStart(12, '0')}>`,
          ROBOTS_DATE,
        ),
      ),
    );
  }
  let others = 0;
  for (const p of items) {
    const recordId = id();
    records.push(await serialize(request(p.url, id())));
    others++;
    records.push(await serialize(response(p, recordId, DATE)));
    expected.set(recordId, {
      url: p.url,
      reserved: (p.expect ?? []).length > 0,
      signals: p.expect ?? [],
    });
  }
  // Not items: a redirect, a PDF, metadata and a revisit.
  records.push(
    await serialize(
      response(
        { url: 'https://plain.example/old', type: 'text/html', body: '', status: 301 },
        id(),
        DATE,
      ),
    ),
  );
  records.push(
    await serialize(
      response(
        { url: 'https://plain.example/doc.pdf', type: 'application/pdf', body: '%PDF-1.7' },
        id(),
        DATE,
      ),
    ),
  );
  records.push(
    await serialize(
      WARCRecord.create(
        {
          url: 'https://plain.example/a.html',
          date: DATE,
          type: 'metadata',
          warcVersion: 'WARC/1.1',
          warcHeaders: { 'WARC-Record-ID': id(), 'Content-Type': 'application/warc-fields' },
        },
        body('via: https://plain.example/\r\n'),
      ),
    ),
  );
  records.push(
    await serialize(
      WARCRecord.create(
        {
          url: 'https://plain.example/a.html',
          date: DATE,
          type: 'revisit',
          warcVersion: 'WARC/1.1',
          warcHeaders: {
            'WARC-Record-ID': id(),
            'WARC-Profile': 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest',
          },
          refersToUrl: 'https://plain.example/a.html',
          refersToDate: DATE,
        },
        body(''),
      ),
    ),
  );
  others += 4;
  let invalid = 0;
  if (!options.whole) {
    const last = await serialize(
      response(
        { url: 'https://plain.example/cut.html', type: 'text/html', body: page('Cut') },
        id(),
        DATE,
      ),
    );
    records.push(last.subarray(0, Math.floor(last.length / 2)));
    invalid = 1;
  }
  return { warc: concat(records), signals: concat(signalRecords), expected, others, invalid };
}

function response(p: Page, recordId: string, date: string): WARCRecord {
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

function request(url: string, recordId: string): WARCRecord {
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

function* body(content: Uint8Array | string): Iterable<Uint8Array> {
  yield typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}
