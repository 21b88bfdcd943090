import { WARCRecord, WARCSerializer } from 'warcio';
import type { SignalType } from '../policy/index.js';
import { htmlPage, itemPages } from './warc-item-pages.js';
import { body, concat, DATE, ROBOTS_DATE, request, response } from './warc-records.js';
import { SIGNAL_CAPTURES } from './warc-signal-captures.js';

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
  const items = itemPages(words, repeat, options.chunk);

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
  for (const c of SIGNAL_CAPTURES) {
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
        { url: 'https://plain.example/cut.html', type: 'text/html', body: htmlPage('Cut') },
        id(),
        DATE,
      ),
    );
    records.push(last.subarray(0, Math.floor(last.length / 2)));
    invalid = 1;
  }
  return { warc: concat(records), signals: concat(signalRecords), expected, others, invalid };
}
