import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  BAD_LINE_KINDS,
  benchmarkCorpusOptions,
  type CorpusOptions,
  demoCorpusOptions,
  generateConsentLines,
  generateItemLines,
  type LinePlan,
  linePlans,
  mediaFiles,
} from '../../src/demo/corpus.js';
import { iso } from '../../src/demo/items.js';
import { crc32 } from '../../src/demo/png.js';

// The contract the lines must meet, written out independently of the generator and of the
// project's own validator, so a change on either side shows up here.

const KINDS = ['text', 'image', 'audio'];
const PLATFORMS = ['instagram', 'facebook', 'x', 'voice-assistant'];
const AGES = ['adult', 'minor', 'unknown'];
const LEGAL_BASES = ['consent', 'legitimate_interest', 'contract'];
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const EU = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(
  ' ',
);
const EEA_ONLY = ['IS', 'LI', 'NO'];
const END_OF_2025 = Date.UTC(2025, 11, 31, 23, 59, 59);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTimestamp(value: unknown): boolean {
  return typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

/** Why a parsed item breaks the item record v1 contract, or undefined when it does not. */
function itemError(r: unknown): string | undefined {
  if (!isObject(r)) return 'not an object';
  if (typeof r.id !== 'string' || r.id === '') return 'id';
  if (typeof r.kind !== 'string' || !KINDS.includes(r.kind)) return 'kind';
  if (typeof r.text !== 'string' || r.text === '') return 'text';
  if (
    r.kind === 'image'
      ? typeof r.media !== 'string' || !/^images\/[\w-]+\.png$/.test(r.media)
      : 'media' in r
  ) {
    return 'media';
  }
  const s = r.subject;
  if (!isObject(s)) return 'subject';
  if (typeof s.platform !== 'string' || !PLATFORMS.includes(s.platform)) return 'subject.platform';
  if (typeof s.account !== 'string' || s.account === '') return 'subject.account';
  if (s.age !== undefined && !AGES.includes(s.age as string)) return 'subject.age';
  if (typeof s.region !== 'string' || !/^[A-Za-z]{2}$/.test(s.region)) return 'subject.region';
  if (r.visibility !== 'public' && r.visibility !== 'private') return 'visibility';
  if (!isTimestamp(r.created_at)) return 'created_at';
  if (r.source !== undefined) {
    const src = r.source;
    if (!isObject(src)) return 'source';
    if (src.url !== undefined && (typeof src.url !== 'string' || !URL.canParse(src.url)))
      return 'source.url';
    if (src.collected_at !== undefined && !isTimestamp(src.collected_at))
      return 'source.collected_at';
    if (src.collector !== undefined && typeof src.collector !== 'string') return 'source.collector';
    if (typeof src.dataset !== 'string' || !/^[\w.-]+@[\w.-]+$/.test(src.dataset))
      return 'source.dataset';
    if (src.license !== undefined && typeof src.license !== 'string') return 'source.license';
    if (src.legal_basis !== undefined && !LEGAL_BASES.includes(src.legal_basis as string)) {
      return 'source.legal_basis';
    }
  }
  if (r.signals !== undefined) {
    if (!isObject(r.signals) || typeof r.signals.tdm_reserved !== 'boolean') return 'signals';
  }
  return undefined;
}

function parse(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** Subjects per final ai_training state, replaying as the contract says. */
function replay(lines: readonly string[], asOfMs: number): { objected: number; consented: number } {
  const events = lines.map((line) => JSON.parse(line) as Json);
  // Stable sort: equal `at` keeps line order, so the later line wins.
  events.sort((a, b) => Date.parse(a.at as string) - Date.parse(b.at as string));
  const state = new Map<string, unknown>();
  for (const e of events) {
    if (e.purpose !== 'ai_training' || Date.parse(e.at as string) > asOfMs) continue;
    state.set(`${e.platform}\u0000${e.account}`, e.action);
  }
  const values = [...state.values()];
  return {
    objected: values.filter((a) => a === 'object').length,
    consented: values.filter((a) => a === 'consent').length,
  };
}

const DEMO = demoCorpusOptions(11);
const demoItems = [...generateItemLines(DEMO)];
const demoPlans = [...linePlans(DEMO)];
// With images, unlike the build benchmark, so the kind mix can be checked.
const BENCH = { ...benchmarkCorpusOptions(20_000, 5), imageRate: 0.05 };
const benchItems = [...generateItemLines(BENCH)];
// Only the lines planned good: the distribution checks must not count deliberate mistakes.
const benchRecords = [...linePlans(BENCH)]
  .filter((p) => !p.bad)
  .map((p) => parse(benchItems[p.index]!) as Json);

describe('determinism', () => {
  it('gives byte-identical items, consent events and media for the same options', () => {
    expect([...generateItemLines(DEMO)]).toEqual(demoItems);
    expect([...generateConsentLines(DEMO)]).toEqual([...generateConsentLines({ ...DEMO })]);
    const a = [...mediaFiles(DEMO)];
    const b = [...mediaFiles(DEMO)];
    expect(a.length).toBeGreaterThan(0);
    expect(b.map((f) => f.path)).toEqual(a.map((f) => f.path));
    b.forEach((f, i) => {
      expect(Buffer.from(f.bytes).equals(Buffer.from(a[i]!.bytes))).toBe(true);
    });
  });

  it('gives different corpora for different seeds, including seeds differing above 32 bits', () => {
    const other = [...generateItemLines({ ...DEMO, seed: 12 })];
    expect(other).toHaveLength(demoItems.length);
    expect(other.filter((line, i) => line === demoItems[i]).length).toBe(0);
    const high = [...generateItemLines({ ...DEMO, seed: 11 + 2 ** 32, items: 50 })];
    expect(high).not.toEqual(demoItems.slice(0, 50));
    expect([...generateConsentLines({ ...DEMO, seed: 12 })]).not.toEqual([
      ...generateConsentLines(DEMO),
    ]);
  });

  it('makes the first lines independent of how many lines follow', () => {
    expect([...generateItemLines({ ...DEMO, items: 100 })]).toEqual(demoItems.slice(0, 100));
  });
});

describe('item lines', () => {
  it('emits exactly `items` single-line strings', () => {
    expect(demoItems).toHaveLength(DEMO.items);
    for (const line of [...demoItems, ...benchItems]) expect(line).not.toMatch(/[\r\n]/);
  });

  it('makes every planned-good line a valid item record matching its plan, with unique ids', () => {
    const ids = new Set<string>();
    let good = 0;
    demoPlans.forEach((plan, i) => {
      if (plan.bad) return;
      good++;
      const record = parse(demoItems[i]!);
      expect(itemError(record), demoItems[i]).toBeUndefined();
      const r = record as Json;
      expect(r.id).toBe(plan.id);
      expect(r.kind).toBe(plan.kind);
      expect(r.media).toBe(plan.media);
      expect(ids.has(plan.id)).toBe(false);
      ids.add(plan.id);
    });
    expect(good).toBeGreaterThan(DEMO.items * 0.95);
    for (const r of benchRecords) expect(itemError(r)).toBeUndefined();
  });

  it('makes every planned-bad line actually invalid, in every kind', () => {
    const seen = new Set<string>();
    const kinds = new Set<string>();
    const options: CorpusOptions = { seed: 3, items: 20_000, badLineRate: 0.05, imageRate: 0.1 };
    const plans = [...linePlans(options)];
    [...generateItemLines(options)].forEach((line, i) => {
      const plan = plans[i] as LinePlan;
      const record = parse(line);
      if (!plan.bad) {
        expect(itemError(record)).toBeUndefined();
        seen.add((record as Json).id as string);
        return;
      }
      kinds.add(plan.bad);
      if (plan.bad === 'duplicate-id') {
        // The record itself is well-formed; what makes it bad is that its id was used already.
        expect(itemError(record)).toBeUndefined();
        expect(seen.has((record as Json).id as string)).toBe(true);
      } else if (plan.bad === 'truncated-json') {
        expect(record).toBeUndefined();
        expect(line.startsWith('{"id":')).toBe(true);
      } else {
        expect(itemError(record), line).toBeDefined();
      }
    });
    expect([...kinds].sort()).toEqual([...BAD_LINE_KINDS].sort());
  });

  it('makes about badLineRate of the lines bad, and none without a rate', () => {
    const bad = (o: CorpusOptions) => [...linePlans(o)].filter((p) => p.bad).length;
    // Binomial(20000, 0.02): mean 400, sd 20; 25% slack is five standard deviations.
    const n = bad({ seed: 8, items: 20_000, badLineRate: 0.02 });
    expect(n).toBeGreaterThan(300);
    expect(n).toBeLessThan(500);
    expect(bad({ seed: 8, items: 5_000 })).toBe(0);
    expect(benchItems.filter((l) => itemError(parse(l)) !== undefined).length).toBeLessThan(60);
  });

  it('mixes kinds by imageRate, with audio only from voice-assistant subjects', () => {
    const counts = { text: 0, image: 0, audio: 0 } as Record<string, number>;
    for (const r of benchRecords) {
      counts[r.kind as string] = (counts[r.kind as string] ?? 0) + 1;
      const platform = (r.subject as Json | undefined)?.platform;
      if (r.kind === 'audio') expect(platform).toBe('voice-assistant');
      if (r.kind === 'text' || r.kind === 'image') expect(platform).not.toBe('voice-assistant');
    }
    const share = (k: string) => (counts[k] ?? 0) / benchRecords.length;
    expect(share('image')).toBeGreaterThan(0.04);
    expect(share('image')).toBeLessThan(0.06);
    expect(share('audio')).toBeGreaterThan(0.2);
    expect(share('text')).toBeGreaterThan(0.65);
    expect(
      [...linePlans({ seed: 1, items: 1000, imageRate: 0 })].every((p) => p.kind !== 'image'),
    ).toBe(true);
  });

  it('has the realistic mix a privacy review needs', () => {
    const n = benchRecords.length;
    const share = (f: (r: Json) => boolean) => benchRecords.filter(f).length / n;
    const subject = (r: Json) => (isObject(r.subject) ? r.subject : {});
    const region = (r: Json) => String(subject(r).region ?? '').toUpperCase();
    expect(share((r) => subject(r).age === 'minor')).toBeGreaterThan(0.015);
    expect(share((r) => subject(r).age === 'minor')).toBeLessThan(0.05);
    const unknownAge = share((r) => subject(r).age === undefined || subject(r).age === 'unknown');
    expect(unknownAge).toBeGreaterThan(0.03);
    expect(unknownAge).toBeLessThan(0.08);
    expect(share((r) => subject(r).age === undefined)).toBeGreaterThan(0.005);
    expect(share((r) => r.visibility === 'private')).toBeGreaterThan(0.065);
    expect(share((r) => r.visibility === 'private')).toBeLessThan(0.095);
    const tdm = share((r) => isObject(r.signals) && r.signals.tdm_reserved === true);
    expect(tdm).toBeGreaterThan(0.012);
    expect(tdm).toBeLessThan(0.03);
    expect(share((r) => EU.includes(region(r)))).toBeGreaterThan(0.5);
    expect(share((r) => EEA_ONLY.includes(region(r)))).toBeGreaterThan(0.01);
    expect(share((r) => !EU.includes(region(r)) && !EEA_ONLY.includes(region(r)))).toBeGreaterThan(
      0.2,
    );
    for (const r of [
      'DE',
      'AT',
      'FR',
      'NL',
      'IT',
      'ES',
      'PL',
      'NO',
      'IS',
      'US',
      'GB',
      'CH',
      'BR',
      'IN',
      'JP',
    ]) {
      expect(benchRecords.some((rec) => region(rec) === r)).toBe(true);
    }
    // Unknown extra fields for the consumer to pass through.
    expect(share((r) => r.lang === 'de' || r.lang === 'en')).toBeGreaterThan(0.3);
    expect(share((r) => typeof r.likes === 'number')).toBeGreaterThan(0.1);
    // Provenance: mostly complete, sometimes partial, rarely absent.
    const fields = ['url', 'collected_at', 'collector', 'dataset', 'license', 'legal_basis'];
    const complete = share(
      (r) => isObject(r.source) && fields.every((f) => f in (r.source as Json)),
    );
    expect(complete).toBeGreaterThan(0.85);
    expect(complete).toBeLessThan(0.95);
    expect(share((r) => r.source === undefined)).toBeGreaterThan(0.01);
    expect(
      share((r) => (r.source as Json | undefined)?.dataset === 'social-crawl@2025.05'),
    ).toBeGreaterThan(0.6);
  });

  it('writes German and English posts that rarely repeat', () => {
    const texts = benchRecords.filter((r) => r.kind === 'text').map((r) => r.text as string);
    expect(new Set(texts).size / texts.length).toBeGreaterThan(0.95);
    expect(
      texts.filter((t) => /\b(und|ich|der|die|das)\b/.test(t)).length / texts.length,
    ).toBeGreaterThan(0.2);
    expect(texts.filter((t) => /\b(and|the|I|my)\b/.test(t)).length / texts.length).toBeGreaterThan(
      0.2,
    );
  });

  it('writes transcripts lower-case and unpunctuated, in both languages', () => {
    const transcripts = benchRecords.filter((r) => r.kind === 'audio').map((r) => r.text as string);
    expect(transcripts.length).toBeGreaterThan(1000);
    for (const t of transcripts) expect(t).toMatch(/^[\p{Ll}' ]+$/u);
    expect(transcripts.some((t) => t.includes('wetter'))).toBe(true);
    expect(transcripts.some((t) => t.includes('weather'))).toBe(true);
  });

  it('averages 450 to 550 bytes per line in the benchmark shape', () => {
    const bytes = benchItems.reduce((n, line) => n + Buffer.byteLength(line) + 1, 0);
    const average = bytes / benchItems.length;
    expect(average).toBeGreaterThan(450);
    expect(average).toBeLessThan(550);
  });

  it('formats timestamps as RFC 3339 without fractions, like toISOString', () => {
    for (let i = 0; i < 2000; i++) {
      const ms = Date.UTC(2019, 0, 1) + Math.floor(i * 86_399_001.7) * 1000;
      expect(iso(ms)).toBe(`${new Date(ms).toISOString().slice(0, 19)}Z`);
    }
  });
});

describe('consent lines', () => {
  const shapes: CorpusOptions[] = [
    DEMO,
    { seed: 1, items: 1000, subjects: 300, objections: 120, consents: 80 },
    { seed: 2, items: 100, subjects: 40, objections: 40 },
    { seed: 3, items: 100, subjects: 40, consents: 40 },
    { seed: 4, items: 100, subjects: 10, objections: 4, consents: 6 },
    { seed: 5, items: 10, subjects: 1, objections: 1 },
  ];

  it.each(shapes)(
    'ends 2025 with exactly `objections` objected and `consents` consented (%o)',
    (o) => {
      const lines = [...generateConsentLines(o)];
      expect(replay(lines, END_OF_2025)).toEqual({
        objected: o.objections ?? 0,
        consented: o.consents ?? 0,
      });
      // Every decision is dated 2025, so nothing has been decided yet at the start of the year.
      expect(replay(lines, Date.UTC(2024, 11, 31, 23, 59, 59))).toEqual({
        objected: 0,
        consented: 0,
      });
    },
  );

  it('writes valid v1 events with history, human review and references', () => {
    const options: CorpusOptions = { seed: 9, items: 5000, objections: 200, consents: 100 };
    const events = [...generateConsentLines(options)].map((line) => {
      expect(line).not.toMatch(/[\r\n]/);
      return JSON.parse(line) as Json;
    });
    const allowed = ['platform', 'account', 'purpose', 'action', 'at', 'channel', 'reference'];
    let previous = '';
    for (const e of events) {
      expect(Object.keys(e).every((k) => allowed.includes(k))).toBe(true);
      expect(PLATFORMS).toContain(e.platform);
      expect(typeof e.account).toBe('string');
      expect(['ai_training', 'human_review']).toContain(e.purpose);
      expect(['object', 'revoke_objection', 'consent', 'withdraw_consent']).toContain(e.action);
      expect(['portal', 'email', 'import']).toContain(e.channel);
      expect(isTimestamp(e.at)).toBe(true);
      expect((e.at as string).startsWith('2025-')).toBe(true);
      expect((e.at as string) >= previous).toBe(true); // written in time order
      previous = e.at as string;
      if (e.reference !== undefined) expect(typeof e.reference).toBe('string');
    }
    const has = (f: (e: Json) => boolean) => events.some(f);
    expect(has((e) => e.action === 'revoke_objection')).toBe(true);
    expect(has((e) => e.action === 'withdraw_consent')).toBe(true);
    expect(has((e) => e.purpose === 'human_review')).toBe(true);
    expect(has((e) => e.reference !== undefined)).toBe(true);
    expect(has((e) => e.reference === undefined)).toBe(true);
    // Per subject and purpose, `at` strictly increases, so the replay never depends on line order.
    const last = new Map<string, string>();
    for (const e of events) {
      const key = `${e.platform}/${e.account}/${e.purpose}`;
      const before = last.get(key);
      if (before !== undefined && e.purpose === 'ai_training')
        expect((e.at as string) > before).toBe(true);
      last.set(key, e.at as string);
    }
  });

  it('names subjects that also appear in the items', () => {
    const accounts = new Set(
      demoItems
        .map(parse)
        .filter(isObject)
        .map((r) => (isObject(r.subject) ? `${r.subject.platform}/${r.subject.account}` : '')),
    );
    const objectors = [...generateConsentLines(DEMO)]
      .map((l) => JSON.parse(l) as Json)
      .filter((e) => e.action === 'object' && e.purpose === 'ai_training');
    const known = objectors.filter((e) => accounts.has(`${e.platform}/${e.account}`)).length;
    expect(known / objectors.length).toBeGreaterThan(0.8);
  });

  it('is empty without objections or consents, and refuses more than the pool holds', () => {
    expect([...generateConsentLines({ seed: 1, items: 100 })]).toEqual([]);
    expect(() => [
      ...generateConsentLines({ seed: 1, items: 100, subjects: 5, objections: 4, consents: 2 }),
    ]).toThrow(RangeError);
  });
});

describe('media files', () => {
  const files = [...mediaFiles(DEMO)];

  it('has one distinct file per image line, at the path the line names', () => {
    const imagePlans = demoPlans.filter((p) => p.kind === 'image');
    expect(files.map((f) => f.path)).toEqual(imagePlans.map((p) => p.media));
    const paths = new Set(files.map((f) => f.path));
    demoPlans.forEach((plan, i) => {
      const record = parse(demoItems[i]!);
      if (!plan.bad && isObject(record) && record.kind === 'image')
        expect(paths.has(record.media as string)).toBe(true);
    });
    expect(new Set(files.map((f) => Buffer.from(f.bytes).toString('base64'))).size).toBe(
      files.length,
    );
  });

  it('writes valid 32x32 RGB PNGs', () => {
    for (const { bytes } of files) {
      const buf = Buffer.from(bytes);
      expect(
        buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
      ).toBe(true);
      const chunks: { type: string; data: Buffer }[] = [];
      for (let at = 8; at < buf.length; ) {
        const length = buf.readUInt32BE(at);
        const type = buf.toString('latin1', at + 4, at + 8);
        const data = buf.subarray(at + 8, at + 8 + length);
        expect(buf.readUInt32BE(at + 8 + length)).toBe(
          crc32(buf.subarray(at + 4, at + 8 + length)),
        );
        chunks.push({ type, data });
        at += 12 + length;
      }
      expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
      const ihdr = chunks[0]!.data;
      expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([
        32, 32, 8, 2,
      ]);
      expect(inflateSync(chunks[1]!.data).length).toBe(32 * (1 + 32 * 3));
    }
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('options', () => {
  it('rejects impossible values', () => {
    const bad: CorpusOptions[] = [
      { seed: 1.5, items: 10 },
      { seed: 1, items: -1 },
      { seed: 1, items: 10, subjects: 0 },
      { seed: 1, items: 10, badLineRate: 1.5 },
      { seed: 1, items: 10, imageRate: Number.NaN },
    ];
    for (const o of bad) expect(() => generateItemLines(o).next()).toThrow(RangeError);
  });
});
