import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWarcCorpus, type WarcCorpus } from '../../src/demo/warc-corpus.js';
import {
  CaptureSet,
  evaluateOptout,
  type OptoutDecision,
  optoutInputOf,
} from '../../src/optout/index.js';
import { DEFAULT_OPTOUT } from '../../src/policy/index.js';
import { validateItem } from '../../src/records/index.js';
import { convertWarc, readCaptures, WARC_ERROR_FIELD } from '../../src/warc/index.js';

const LIMITS = { maxPayloadBytes: 16 * 1024 * 1024 };
let dir: string;
let corpus: WarcCorpus;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'obhut-warc-'));
  corpus = await generateWarcCorpus();
  writeFileSync(path.join(dir, 'crawl.warc.gz'), corpus.warc);
  writeFileSync(path.join(dir, 'signals.warc.gz'), corpus.signals);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function decideAll(recordsFile: string, captures: CaptureSet) {
  const decisions = new Map<string, OptoutDecision>();
  const invalid: string[] = [];
  for (const line of readFileSync(recordsFile, 'utf8').split('\n')) {
    if (line === '') continue;
    const value = JSON.parse(line) as Record<string, unknown>;
    if (typeof value[WARC_ERROR_FIELD] === 'string') {
      invalid.push(value[WARC_ERROR_FIELD] as string);
      continue;
    }
    const facts = validateItem(value);
    if (!facts.ok) throw new Error(facts.error);
    const input = optoutInputOf(value, facts.value.kind, facts.value.tdmReserved, captures);
    decisions.set(facts.value.id, evaluateOptout(input, DEFAULT_OPTOUT));
  }
  return { decisions, invalid };
}

describe('a generated crawl, converted and evaluated', () => {
  it('gives exactly the expected decision for every item, and rejects the truncated record', async () => {
    const captures = new CaptureSet();
    const converted = await convertWarc(
      path.join(dir, 'crawl.warc.gz'),
      path.join(dir, 'out'),
      captures,
      LIMITS,
    );
    expect(converted.counts).toMatchObject({
      items: corpus.expected.size,
      captures: 13,
      not_200: 1,
      unsupported_content_type: 1,
      invalid: 1,
      other_by_type: { warcinfo: 1, request: corpus.expected.size, metadata: 1, revisit: 1 },
    });
    const { decisions, invalid } = decideAll(converted.records, captures);
    expect(invalid).toHaveLength(1);
    expect(invalid[0]).toMatch(/at byte offset \d+/);
    for (const [id, want] of corpus.expected) {
      const got = decisions.get(id);
      expect(got, want.url).toBeDefined();
      expect({
        url: want.url,
        reserved: got!.reserved,
        signals: [...new Set(got!.signals.map((s) => s.type))],
      }).toEqual({
        url: want.url,
        reserved: want.reserved,
        signals: want.signals,
      });
    }
    expect(decisions.size).toBe(corpus.expected.size);
  });

  it('admitted items name the captures consulted, with their digests', async () => {
    const captures = new CaptureSet();
    const converted = await convertWarc(
      path.join(dir, 'crawl.warc.gz'),
      path.join(dir, 'out2'),
      captures,
      LIMITS,
    );
    const { decisions } = decideAll(converted.records, captures);
    const plainId = [...corpus.expected].find(
      ([, e]) => e.url === 'https://plain.example/cat.png',
    )![0];
    const consulted = decisions.get(plainId)!.consulted;
    expect(consulted).toContainEqual(
      expect.objectContaining({
        type: 'robots',
        url: 'https://plain.example/robots.txt',
        status: 200,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    );
  });

  it('the same items as JSONL with source.url plus --signals captures give the same decisions', async () => {
    const fromWarc = new CaptureSet();
    const converted = await convertWarc(
      path.join(dir, 'crawl.warc.gz'),
      path.join(dir, 'out3'),
      fromWarc,
      LIMITS,
    );
    const fromSignals = new CaptureSet();
    const read = await readCaptures(path.join(dir, 'signals.warc.gz'), fromSignals, LIMITS);
    expect(read.counts.captures).toBe(13);
    const a = decideAll(converted.records, fromWarc).decisions;
    const b = decideAll(converted.records, fromSignals).decisions;
    const view = (m: Map<string, OptoutDecision>) =>
      [...m].map(([id, d]) => [id, d.reserved, d.signals]);
    expect(view(b)).toEqual(view(a));
  });

  it('writes text items with the readable text and images as media files', async () => {
    const captures = new CaptureSet();
    const out = path.join(dir, 'out4');
    const converted = await convertWarc(path.join(dir, 'crawl.warc.gz'), out, captures, LIMITS);
    const lines = readFileSync(converted.records, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const html = lines.find((l) => l.source?.url === 'https://tdm.example/meta.html');
    expect(html).toMatchObject({ kind: 'text', source: { collected_at: '2026-11-02T10:00:00Z' } });
    expect(html.text.split('\n')[0]).toBe('Meta');
    expect(html.text).not.toContain('not text');
    expect(html.web.meta).toContainEqual({ name: 'tdm-reservation', content: '1' });
    const image = lines.find((l) => l.source?.url === 'https://plain.example/cat.png');
    expect(image).toMatchObject({
      kind: 'image',
      media: expect.stringMatching(/^media\/[0-9a-f]{64}\.png$/),
    });
    expect(existsSync(path.join(out, image.media))).toBe(true);
    const audio = lines.find((l) => l.source?.url === 'https://plain.example/sound.wav');
    expect(audio).toMatchObject({ kind: 'audio', media: expect.stringMatching(/\.wav$/) });
  });

  it('reads an uncompressed WARC the same way', async () => {
    const plain = await generateWarcCorpus({ gzip: false });
    writeFileSync(path.join(dir, 'plain.warc'), plain.warc);
    const captures = new CaptureSet();
    const converted = await convertWarc(
      path.join(dir, 'plain.warc'),
      path.join(dir, 'out5'),
      captures,
      LIMITS,
    );
    expect(converted.counts.items).toBe(plain.expected.size);
    expect(converted.counts.invalid).toBe(1);
    const { decisions } = decideAll(converted.records, captures);
    for (const [id, want] of plain.expected)
      expect(decisions.get(id)!.reserved, want.url).toBe(want.reserved);
  });
});
