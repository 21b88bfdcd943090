import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { merkleTreeHash } from '../../src/merkle/index.js';
import { DEFAULT_POLICY } from '../../src/policy/index.js';
import {
  admittedLines,
  adult,
  datasetContents,
  objection,
  readJsonl,
  type Workspace,
  workspace,
} from '../support/fixtures.js';
import { expectSameFiles } from '../support/same-bytes.js';

describe('runBuild', () => {
  let ws: Workspace;
  beforeEach(async () => {
    ws = await workspace();
  });
  afterEach(async () => {
    await ws.close();
  });

  it('admits, excludes and rejects with reasons, and the manifest reconciles', async () => {
    await ws.importEvents([objection('2')]);
    const input = await ws.write('items.jsonl', [
      { id: 'ok', kind: 'text', text: 'Hallo', subject: adult('1') },
      { id: 'objector', kind: 'text', text: 'x', subject: adult('2') },
      {
        id: 'kid',
        kind: 'text',
        text: 'x',
        subject: { ...adult('3'), age: 'minor' },
        visibility: 'private',
      },
      '{"id": "broken", ',
      { id: 'ok', kind: 'text', text: 'again' },
      '',
      { id: 'tdm', kind: 'text', text: 'x', signals: { tdm_reserved: true } },
    ]);
    const { manifest, out } = await ws.build([input]);

    expect(manifest.counts).toEqual({
      input: 6,
      admitted: 1,
      excluded: 3,
      rejected: 2,
      blank_lines: 1,
    });
    expect(await readJsonl(path.join(out, 'excluded.jsonl'))).toEqual([
      { id: 'objector', reasons: ['objected'] },
      { id: 'kid', reasons: ['private', 'minor'] },
      { id: 'tdm', reasons: ['tdm_reserved'] },
    ]);
    const rejected = await readJsonl(path.join(out, 'rejected.jsonl'));
    expect(rejected.map((r) => [r.line, r.code])).toEqual([
      [4, 'RECORD_NOT_JSON'],
      [5, 'RECORD_DUPLICATE_ID'],
    ]);
    expect(manifest.excluded_by_reason).toMatchObject({
      objected: 1,
      private: 1,
      minor: 1,
      tdm_reserved: 1,
    });
    expect(manifest.consent.events_considered).toBe(1);
    expect(manifest.consent.subjects_objected).toBe(1);
  });

  it('passes admitted records through byte for byte and adds provenance', async () => {
    const original =
      '{"id":"p1", "kind":"text","text":"Grüße 🌍","n":1.50,"big":12345678901234567890,"nested":{"a":[1,2]}}  ';
    const input = await ws.write('items.jsonl', [original]);
    const { out } = await ws.build([input]);
    const [line] = await admittedLines(out);
    expect(line!.startsWith(original.trimEnd().slice(0, -1))).toBe(true);
    const parsed = JSON.parse(line!) as { _obhut: Record<string, unknown> };
    expect(parsed._obhut).toEqual({
      input: 0,
      line: 1,
      sha256: createHash('sha256').update(original).digest('hex'),
    });
  });

  it('computes items_root over the admitted lines as written, and output digests over the files', async () => {
    const lines = Array.from({ length: 37 }, (_, i) => ({
      id: `p${i}`,
      kind: 'text',
      text: `t${i}`,
    }));
    const input = await ws.write('items.jsonl', lines);
    const { manifest, out } = await ws.build([input], { shardRecords: 10 });
    const admitted = await admittedLines(out);
    expect(admitted).toHaveLength(37);
    expect(manifest.items_root).toBe(
      merkleTreeHash(admitted.map((l) => Buffer.from(l))).toString('hex'),
    );
    expect(manifest.outputs.map((o) => o.path)).toEqual([
      'excluded.jsonl',
      'items-00000.jsonl',
      'items-00001.jsonl',
      'items-00002.jsonl',
      'items-00003.jsonl',
      'rejected.jsonl',
      'subjects.bin',
    ]);
    for (const o of manifest.outputs) {
      const bytes = await readFile(path.join(out, o.path));
      expect(o.bytes).toBe(bytes.length);
      expect(o.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    const inputBytes = await readFile(input);
    expect(manifest.inputs[0]).toMatchObject({ bytes: inputBytes.length, records: 37 });
    expect(manifest.inputs[0]!.sha256).toBe(createHash('sha256').update(inputBytes).digest('hex'));
  });

  it('is byte-identical when repeated with the same inputs, register, time and checkpoint', async () => {
    await ws.importEvents([objection('2'), objection('3', '2025-01-01T00:00:00Z', 'consent')]);
    const input = await ws.write('items.jsonl', [
      { id: 'a', kind: 'text', text: 'x', subject: adult('1') },
      { id: 'b', kind: 'text', text: 'x', subject: adult('2') },
      'nope',
    ]);
    const first = await ws.build([input], { out: path.join(ws.dir, 'one') });
    // The first build's own log entry moved the log on; the second reads at the same checkpoint.
    const second = await ws.build([input], {
      out: path.join(ws.dir, 'two'),
      checkpointSize: first.manifest.consent.checkpoint.size,
    });
    expect(first.manifestSha256).toBe(second.manifestSha256);
    expectSameFiles(await datasetContents(first.out), await datasetContents(second.out));
    // Each build is logged on its own: same entry bytes, different positions.
    expect(second.receipt.entry).toBe(first.receipt.entry);
    expect(second.logIndex).toBe(first.logIndex + 1);
  });

  it('honours the register as of --at: a later objection does not apply, an earlier one does', async () => {
    await ws.importEvents([objection('1', '2025-06-01T00:00:00Z')]);
    const input = await ws.write('items.jsonl', [
      { id: 'a', kind: 'text', text: 'x', subject: adult('1') },
    ]);
    expect((await ws.build([input], { at: '2025-05-31T23:59:59Z' })).manifest.counts.admitted).toBe(
      1,
    );
    expect((await ws.build([input], { at: '2025-06-01T00:00:00Z' })).manifest.counts.excluded).toBe(
      1,
    );
  });

  it('needs consent in an opt-in region and lets a later withdrawal take it back', async () => {
    await ws.importEvents([
      objection('1', '2025-01-01T00:00:00Z', 'consent'),
      objection('1', '2025-03-01T00:00:00Z', 'withdraw_consent'),
    ]);
    const policy = { ...DEFAULT_POLICY, regions: { EU: { default: 'exclude' as const } } };
    const input = await ws.write('items.jsonl', [
      { id: 'a', kind: 'text', text: 'x', subject: adult('1', 'AT') },
      { id: 'b', kind: 'text', text: 'x', subject: adult('2', 'US') },
    ]);
    const before = await ws.build([input], { policy, at: '2025-02-01T00:00:00Z' });
    expect(before.manifest.counts.admitted).toBe(2);
    const after = await ws.build([input], { policy, at: '2025-04-01T00:00:00Z' });
    expect(await readJsonl(path.join(after.out, 'excluded.jsonl'))).toEqual([
      { id: 'a', reasons: ['no_consent'] },
    ]);
  });

  it('with strict, publishes nothing when a record is rejected', async () => {
    const input = await ws.write('items.jsonl', [{ id: 'a', kind: 'text', text: 'x' }, '{bad']);
    const out = path.join(ws.dir, 'strict-out');
    await expect(ws.build([input], { strict: true, out })).rejects.toMatchObject({
      code: 'RECORDS_REJECTED',
    });
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(ws.dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('leaves no partial folder when a build fails midway', async () => {
    const input = await ws.write('items.jsonl', [{ id: 'a', kind: 'text', text: 'x' }]);
    const out = path.join(ws.dir, 'failed');
    await expect(
      ws.build([input], {
        out,
        onProgress: () => {
          throw new Error('disk on fire');
        },
      }),
    ).rejects.toThrow('disk on fire');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(ws.dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('replaces only an earlier build output, and only when told to', async () => {
    const input = await ws.write('items.jsonl', [{ id: 'a', kind: 'text', text: 'x' }]);
    const out = path.join(ws.dir, 'exists');
    await mkdir(out);
    await writeFile(path.join(out, 'notes.txt'), 'keep me');
    await expect(ws.build([input], { out })).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
    await expect(ws.build([input], { out, overwrite: true })).rejects.toMatchObject({
      code: 'OUTPUT_EXISTS',
    });
    expect(await readFile(path.join(out, 'notes.txt'), 'utf8')).toBe('keep me');

    const earlier = path.join(ws.dir, 'earlier');
    await ws.build([input], { out: earlier });
    await expect(ws.build([input], { out: earlier })).rejects.toMatchObject({
      code: 'OUTPUT_EXISTS',
    });
    const replaced = await ws.build([input], { out: earlier, overwrite: true });
    expect(replaced.manifest.counts.admitted).toBe(1);
  });

  it('refuses an output folder that contains an input', async () => {
    const input = await ws.write('items.jsonl', [{ id: 'a', kind: 'text', text: 'x' }]);
    await expect(ws.build([input], { out: ws.dir, overwrite: true })).rejects.toMatchObject({
      code: 'USAGE',
    });
    expect(existsSync(input)).toBe(true);
  });

  it('rejects invalid UTF-8 and over-long lines by position and carries on', async () => {
    const file = path.join(ws.dir, 'items.jsonl');
    const huge = `{"id":"huge","kind":"text","text":"${'x'.repeat(16 * 1024 * 1024)}"}`;
    await writeFile(
      file,
      Buffer.concat([
        Buffer.from('{"id":"a","kind":"text","text":"\xff"}\n', 'latin1'),
        Buffer.from(`${huge}\n`),
        Buffer.from('{"id":"b","kind":"text","text":"fine"}\r\n'),
      ]),
    );
    const { manifest, out } = await ws.build([file]);
    const rejected = await readJsonl(path.join(out, 'rejected.jsonl'));
    expect(rejected.map((r) => [r.line, r.code])).toEqual([
      [1, 'RECORD_NOT_UTF8'],
      [2, 'RECORD_TOO_LARGE'],
    ]);
    expect(manifest.counts).toMatchObject({ input: 3, admitted: 1, rejected: 2 });
  });

  it('copies admitted media under content addresses and rejects paths that leave the input folder', async () => {
    await mkdir(path.join(ws.dir, 'images'));
    await writeFile(path.join(ws.dir, 'images', 'cat.PNG'), 'not really a png');
    await writeFile(path.join(ws.dir, 'images', 'dog.png'), 'private dog');
    const input = await ws.write('items.jsonl', [
      { id: 'cat', kind: 'image', text: 'a cat', media: 'images/cat.PNG' },
      { id: 'dog', kind: 'image', media: 'images/dog.png', visibility: 'private' },
      { id: 'escape', kind: 'image', media: '../../etc/passwd' },
      { id: 'missing', kind: 'image', media: 'images/none.png' },
    ]);
    const { manifest, out } = await ws.build([input]);
    const digest = createHash('sha256').update('not really a png').digest('hex');
    const [line] = await admittedLines(out);
    expect(JSON.parse(line!)._obhut.media).toEqual({
      path: `media/${digest}.png`,
      sha256: digest,
      bytes: 16,
    });
    expect(await readFile(path.join(out, 'media', `${digest}.png`), 'utf8')).toBe(
      'not really a png',
    );
    expect(readdirSync(path.join(out, 'media'))).toHaveLength(1);
    expect(manifest.media).toEqual({ files: 1, bytes: 16 });
    const rejected = await readJsonl(path.join(out, 'rejected.jsonl'));
    expect(rejected.map((r) => [r.id, r.code])).toEqual([
      ['escape', 'MEDIA_INVALID'],
      ['missing', 'MEDIA_INVALID'],
    ]);
  });

  it('reads several inputs as one build, ids unique across them', async () => {
    const a = await ws.write('a.jsonl', [{ id: 'x', kind: 'text', text: '1' }]);
    const b = await ws.write('b.jsonl', [
      { id: 'x', kind: 'text', text: '2' },
      { id: 'y', kind: 'text', text: '3' },
    ]);
    const { manifest, out } = await ws.build([a, b]);
    expect(manifest.counts).toMatchObject({ input: 3, admitted: 2, rejected: 1 });
    expect((await readJsonl(path.join(out, 'rejected.jsonl')))[0]).toMatchObject({
      input: b,
      line: 1,
    });
    expect((await admittedLines(out)).map((l) => JSON.parse(l)._obhut.input)).toEqual([0, 1]);
  });
});

describe('runBuild with worker threads', () => {
  it('writes exactly what a single-threaded build writes', async () => {
    const ws = await workspace();
    try {
      await ws.importEvents([objection('3'), objection('5', '2025-01-01T00:00:00Z', 'consent')]);
      await mkdir(path.join(ws.dir, 'images'));
      await writeFile(path.join(ws.dir, 'images', 'a.png'), 'pixels');
      const lines: (string | object)[] = [];
      for (let i = 0; i < 5000; i++) {
        if (i % 97 === 0) lines.push('{"broken":');
        else if (i % 89 === 0) lines.push({ id: `r${i - 1}`, kind: 'text', text: 'dup' });
        else if (i % 101 === 0)
          lines.push({
            id: `r${i}`,
            kind: 'image',
            media: 'images/a.png',
            subject: adult(String(i % 7)),
          });
        else
          lines.push({
            id: `r${i}`,
            kind: 'text',
            text: `t${i}`.repeat(20),
            subject: adult(String(i % 7)),
          });
      }
      const a = await ws.write('a.jsonl', lines);
      const b = await ws.write('b.jsonl', lines.slice(0, 300));
      const single = await ws.build([a, b], {
        workers: 0,
        out: path.join(ws.dir, 'single'),
        shardRecords: 700,
      });
      const parallel = await ws.build([a, b], {
        workers: 2,
        out: path.join(ws.dir, 'parallel'),
        shardRecords: 700,
        checkpointSize: single.manifest.consent.checkpoint.size,
      });
      expect(single.manifest.counts.admitted).toBeGreaterThan(3000);
      expect(single.manifest.counts.rejected).toBeGreaterThan(300);
      expect(single.manifest.subjects_count).toBe(6);
      expectSameFiles(await datasetContents(parallel.out), await datasetContents(single.out));
      // The provenance is written out by hand: it must be the text JSON.stringify gives.
      for (const line of await admittedLines(single.out)) {
        const provenance = (JSON.parse(line) as { _obhut: object })._obhut;
        expect(line.endsWith(`,"_obhut":${JSON.stringify(provenance)}}`)).toBe(true);
      }
    } finally {
      await ws.close();
    }
  });
});

describe('runBuild when a worker runs out of memory', () => {
  it('evaluates that worker’s lines on the main thread and writes what a single-threaded build writes', async () => {
    const ws = await workspace();
    try {
      const huge = JSON.stringify({
        id: 'huge',
        kind: 'text',
        text: 'x',
        parts: Array.from({ length: 400_000 }, () => ({})),
      });
      const lines = [
        ...Array.from({ length: 3000 }, (_, i) => ({ id: `a${i}`, kind: 'text', text: `t${i}` })),
        huge,
        ...Array.from({ length: 3000 }, (_, i) => ({ id: `b${i}`, kind: 'text', text: `t${i}` })),
      ];
      const input = await ws.write('items.jsonl', lines);
      const single = await ws.build([input], { workers: 0, out: path.join(ws.dir, 'single') });
      const starved = await ws.build([input], {
        workers: 1,
        workerHeapLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1 },
        out: path.join(ws.dir, 'starved'),
        checkpointSize: single.manifest.consent.checkpoint.size,
      });
      expect(single.manifest.counts.admitted).toBe(6001);
      expect(starved.workersRetired).toBe(1);
      expectSameFiles(await datasetContents(starved.out), await datasetContents(single.out));
    } finally {
      await ws.close();
    }
  });
});
