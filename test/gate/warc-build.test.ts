import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateWarcCorpus } from '../../src/demo/warc-corpus.js';
import { CaptureSet, OPTOUT_EVALUATOR_VERSION } from '../../src/optout/index.js';
import { DEFAULT_POLICY } from '../../src/policy/index.js';
import { convertWarc } from '../../src/warc/index.js';
import { admittedLines, readJsonl, type Workspace, workspace } from '../support/fixtures.js';

describe('a crawl (WARC) as build input', () => {
  let ws: Workspace | undefined;
  afterEach(async () => {
    await ws?.close();
    ws = undefined;
  });

  it.each([0, 1])(
    'excludes exactly the reserved items, with their signals, and admits the rest with evidence (%i workers)',
    async (workers) => {
      ws = await workspace();
      const corpus = await generateWarcCorpus();
      const warc = path.join(ws.dir, 'crawl.warc.gz');
      writeFileSync(warc, corpus.warc);
      const result = await ws.build([warc], { workers });
      const reserved = [...corpus.expected].filter(([, e]) => e.reserved);
      expect(result.manifest.counts).toMatchObject({
        input: corpus.expected.size + corpus.invalid,
        admitted: corpus.expected.size - reserved.length,
        excluded: reserved.length,
        rejected: corpus.invalid,
      });
      expect(result.manifest.rejected_by_code).toEqual({ WARC_INVALID: 1 });
      const excluded = await readJsonl<{
        id: string;
        reasons: string[];
        signals: { type: string }[];
      }>(path.join(result.out, 'excluded.jsonl'));
      const byId = new Map(excluded.map((e) => [e.id, e]));
      for (const [id, want] of reserved) {
        const got = byId.get(id);
        expect(got?.reasons, want.url).toEqual(['tdm_reserved']);
        expect([...new Set(got!.signals.map((s) => s.type))], want.url).toEqual(want.signals);
      }
      const optout = result.manifest.optout!;
      expect(optout.evaluator).toBe(OPTOUT_EVALUATOR_VERSION);
      expect(optout.reserved_by_signal.robots).toBe(
        reserved.filter(([, e]) => e.signals.includes('robots')).length,
      );
      expect(optout.captures).toHaveLength(13);
      expect(optout.warc[0]).toMatchObject({ input: 0, items: corpus.expected.size, invalid: 1 });
      expect(result.manifest.inputs[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);

      const admitted = (await admittedLines(result.out)).map((l) => JSON.parse(l));
      const cat = admitted.find((a) => a.source.url === 'https://plain.example/cat.png');
      expect(cat._obhut.optout.captures).toContainEqual(
        expect.objectContaining({ url: 'https://plain.example/robots.txt', status: 200 }),
      );
      expect(cat._obhut.media).toBeDefined();
    },
  );

  it('the same items as JSONL with --signals give the same decisions', async () => {
    ws = await workspace();
    const corpus = await generateWarcCorpus({ whole: true });
    const warc = path.join(ws.dir, 'crawl.warc.gz');
    const signals = path.join(ws.dir, 'signals.warc.gz');
    writeFileSync(warc, corpus.warc);
    writeFileSync(signals, corpus.signals);
    const fromWarc = await ws.build([warc], { workers: 0 });
    // The JSONL: the WARC's items as the reader writes them (media files beside them).
    const converted = await convertWarc(warc, path.join(ws.dir, 'as-jsonl'), new CaptureSet(), {
      maxPayloadBytes: 1 << 24,
    });
    const fromJsonl = await ws.build([converted.records], { workers: 0, signals: [signals] });
    const decisions = async (out: string) =>
      (await readJsonl<{ id: string; signals: unknown }>(path.join(out, 'excluded.jsonl'))).map(
        (e) => [e.id, e.signals],
      );
    expect(await decisions(fromJsonl.out)).toEqual(await decisions(fromWarc.out));
    expect(fromJsonl.manifest.counts).toEqual(fromWarc.manifest.counts);
    expect(fromJsonl.manifest.optout!.reserved_by_signal).toEqual(
      fromWarc.manifest.optout!.reserved_by_signal,
    );
    expect(fromJsonl.manifest.optout!.signals[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('JSONL items with web headers and --signals are reserved as in the crawl', async () => {
    ws = await workspace();
    const corpus = await generateWarcCorpus({ whole: true });
    const signals = path.join(ws.dir, 'signals.warc.gz');
    writeFileSync(signals, corpus.signals);
    const jsonl = path.join(ws.dir, 'items.jsonl');
    const items = [
      {
        id: 'a',
        kind: 'text',
        text: 'x',
        source: { url: 'https://robots.example/private/a.html' },
      },
      { id: 'b', kind: 'text', text: 'x', source: { url: 'https://robots.example/public/a.html' } },
      { id: 'c', kind: 'text', text: 'x', source: { url: 'https://signal.example/a.html' } },
      {
        id: 'd',
        kind: 'text',
        text: 'x',
        source: { url: 'https://plain.example/x' },
        web: { headers: [['X-Robots-Tag', 'noai']] },
      },
      { id: 'e', kind: 'text', text: 'x', signals: { tdm_reserved: true } },
    ];
    writeFileSync(jsonl, items.map((r) => JSON.stringify(r)).join('\n'));
    const result = await ws.build([jsonl], { workers: 0, signals: [signals] });
    const excluded = await readJsonl<{ id: string; signals: { type: string }[] }>(
      path.join(result.out, 'excluded.jsonl'),
    );
    expect(excluded.map((e) => [e.id, e.signals.map((s) => s.type)])).toEqual([
      ['a', ['robots']],
      ['c', ['content_signal']],
      ['d', ['noai']],
      ['e', ['record']],
    ]);
  });

  it('builds without a crawl, --signals or an optout policy are unchanged', async () => {
    ws = await workspace();
    const jsonl = path.join(ws.dir, 'items.jsonl');
    writeFileSync(
      jsonl,
      `${JSON.stringify({ id: 'a', kind: 'text', text: 'x', web: { headers: [['X-Robots-Tag', 'noai']] } })}\n${JSON.stringify({ id: 'b', kind: 'text', text: 'x', signals: { tdm_reserved: true } })}\n`,
    );
    const result = await ws.build([jsonl], { workers: 0, policy: DEFAULT_POLICY });
    expect(result.manifest.optout).toBeUndefined();
    expect(readFileSync(path.join(result.out, 'excluded.jsonl'), 'utf8')).toBe(
      '{"id":"b","reasons":["tdm_reserved"]}\n',
    );
    const [line] = await admittedLines(result.out);
    expect(JSON.parse(line!)._obhut.optout).toBeUndefined();
  });
});
