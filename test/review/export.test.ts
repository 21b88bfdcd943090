import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NominalAlpha } from '../../src/review/agreement.js';
import { collectExport, type ExportItem } from '../../src/review/export.js';
import { type ExportHeader, writeExportFile } from '../../src/review/export-file.js';
import type { LabelsSchema, StoredAnswer } from '../../src/review/model.js';
import type { ExportedTask, ExportQuery, ReviewExport } from '../../src/review/review-store.js';

const SECRET = Buffer.alloc(32, 7);
const QUESTIONS: LabelsSchema = [
  {
    name: 'intent',
    text: { en: 'What does the speaker want?', de: 'Was möchte die sprechende Person?' },
    options: ['weather', 'music', 'call'],
    optionTexts: { weather: { en: 'Weather', de: 'Wetter' } },
  },
  { name: 'topics', options: ['a', 'b', 'c'], multiple: true },
];

function answer(
  task: string,
  reviewer: string,
  labels: StoredAnswer['answer']['labels'],
  extra: Partial<StoredAnswer> = {},
): StoredAnswer {
  return { task, reviewer, answer: { labels }, answeredAt: '2026-03-02T10:00:00.000Z', ...extra };
}

function task(n: number, answers: (id: string) => StoredAnswer[], status = 'done'): ExportedTask {
  const id = `rt_${n.toString(16).padStart(32, '0')}`;
  return {
    task: {
      id,
      item: `ri_${n.toString(16).padStart(32, '0')}`,
      status: status as 'done',
      k: 2,
      createdAt: '2026-03-01T00:00:00.000Z',
    },
    updatedAt: '2026-03-02T10:00:00.000Z',
    recordId: `rec-${n}`,
    kind: 'audio',
    labels: QUESTIONS,
    answers: answers(id),
  };
}

/** The port over an array, as the contract tests pin the real one down. */
function fakeStore(tasks: ExportedTask[]): ReviewExport & { queries: ExportQuery[] } {
  const sorted = [...tasks].sort((a, b) => (a.task.id < b.task.id ? -1 : 1));
  const queries: ExportQuery[] = [];
  return {
    queries,
    async exportPage(q) {
      queries.push(q);
      return sorted
        .filter((t) => q.statuses.includes(t.task.status))
        .filter((t) => q.after === undefined || t.task.id > q.after)
        .filter((t) => q.since === undefined || t.answers.some((a) => a.answeredAt >= q.since!))
        .slice(0, q.limit);
    },
  };
}

describe('review export', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'obhut-export-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names reviewers by a keyed pseudonym, redacts what they typed, and gives majority and agreement', async () => {
    const store = fakeStore([
      task(1, (id) => [
        answer(
          id,
          'st_alice',
          { intent: 'weather', topics: ['b', 'a'] },
          {
            comment: 'Anna Schmidt said her number is +49 170 1234567',
          },
        ),
        answer(id, 'st_bob', { intent: 'weather', topics: ['a'] }),
      ]),
      task(2, (id) => [
        answer(id, 'st_alice', { intent: 'music', topics: ['c'] }),
        answer(id, 'st_bob', { intent: 'call', topics: ['c'] }),
      ]),
      task(3, (id) => [answer(id, 'st_alice', { intent: 'call', topics: [] })], 'open'),
    ]);
    const items: ExportItem[] = [];
    const summary = await collectExport(store, { status: 'done', secret: SECRET }, (i) => {
      items.push(i);
    });
    expect(items.map((i) => i.record_id)).toEqual(['rec-1', 'rec-2']);
    const [first, second] = items;
    const pseudonym = `rv_${createHmac('sha256', SECRET).update('obhut/review-export-reviewer\0').update('st_alice').digest('hex').slice(0, 32)}`;
    expect(first!.answers[0]!.reviewer).toBe(pseudonym);
    expect(JSON.stringify(items)).not.toContain('st_alice');
    expect(first!.answers[0]!.comment).not.toContain('Anna');
    expect(first!.answers[0]!.comment).not.toContain('1234567');
    expect(first!.answers[0]!.comment).toContain('[');
    expect(first!.majority).toEqual({ intent: 'weather', topics: ['a'] });
    expect(first!.agreement).toEqual({ intent: 1, topics: 0 });
    expect(second!.majority).toEqual({ intent: null, topics: ['c'] });
    expect(second!.agreement).toEqual({ intent: 0, topics: 1 });

    const intent = new NominalAlpha();
    intent.add(['weather', 'weather']);
    intent.add(['music', 'call']);
    expect(summary.agreement.intent).toEqual(intent.result());
    expect(summary).toMatchObject({ items: 2, answers: 4 });
    expect(summary.questions[0]).toEqual({
      name: 'intent',
      multiple: false,
      text: QUESTIONS[0]!.text,
      options: [
        { value: 'weather', text: { en: 'Weather', de: 'Wetter' } },
        { value: 'music' },
        { value: 'call' },
      ],
    });

    const all: ExportItem[] = [];
    await collectExport(store, { status: 'all', secret: SECRET }, (i) => {
      all.push(i);
    });
    expect(all.map((i) => i.record_id)).toEqual(['rec-1', 'rec-2', 'rec-3']);
    expect(store.queries.at(-1)!.statuses).toEqual(['open', 'done']);
  });

  it('pages through any number of tasks, each once', async () => {
    const tasks = Array.from({ length: 450 }, (_, n) =>
      task(n, (id) => [answer(id, 'st_a', { intent: 'call', topics: ['a'] })]),
    );
    const store = fakeStore(tasks);
    const seen: string[] = [];
    const summary = await collectExport(store, { status: 'done', secret: SECRET }, (i) => {
      seen.push(i.task_id);
    });
    expect(summary.items).toBe(450);
    expect(new Set(seen).size).toBe(450);
    expect(summary.agreement.intent).toEqual({ alpha: null, items: 0, answers: 0 });
  });

  it('writes the header first and replaces the file atomically, leaving no scratch files', async () => {
    const out = path.join(dir, 'labels.jsonl');
    await writeFile(out, 'old\n');
    const store = fakeStore([
      task(1, (id) => [
        answer(id, 'st_a', { intent: 'call', topics: ['a'] }),
        answer(id, 'st_b', { intent: 'call', topics: ['a'] }),
      ]),
    ]);
    const header = await writeExportFile(
      store,
      { status: 'done', since: '2026-03-02T00:00:00.000Z', secret: SECRET },
      out,
      new Date('2026-03-03T00:00:00Z'),
    );
    const lines = (await readFile(out, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual(JSON.parse(JSON.stringify(header)));
    expect(lines[0] as ExportHeader).toMatchObject({
      type: 'header',
      format: 'obhut-review-export',
      exported_at: '2026-03-03T00:00:00.000Z',
      since: '2026-03-02T00:00:00.000Z',
      items: 1,
    });
    expect(lines[1]).toMatchObject({ type: 'item', record_id: 'rec-1' });
    expect(await readdir(dir)).toEqual(['labels.jsonl']);

    // A failure part-way leaves the old file in place, and no scratch files.
    const failing: ReviewExport = {
      async exportPage() {
        throw new Error('the database went away');
      },
    };
    await expect(writeExportFile(failing, { status: 'done', secret: SECRET }, out)).rejects.toThrow(
      /database went away/,
    );
    expect(lines[1].record_id).toBe('rec-1');
    expect(await readdir(dir)).toEqual(['labels.jsonl']);
    expect(existsSync(out)).toBe(true);
    expect((await readFile(out, 'utf8')).split('\n')[0]).toContain('"type":"header"');
  });

  it('writes the same tasks as Parquet: typed columns, JSON answers, the header as metadata', async () => {
    const store = fakeStore([
      task(1, (id) => [
        answer(id, 'st_a', { intent: 'call', topics: ['a', 'b'] }),
        answer(id, 'st_b', { intent: 'music', topics: ['a'] }),
      ]),
      task(2, (id) => [
        answer(id, 'st_a', { intent: 'weather', topics: [] }),
        answer(id, 'st_b', { intent: 'weather', topics: ['c'] }),
      ]),
    ]);
    const jsonl = path.join(dir, 'labels.jsonl');
    const parquet = path.join(dir, 'labels.parquet');
    const at = new Date('2026-03-03T00:00:00Z');
    const header = await writeExportFile(store, { status: 'done', secret: SECRET }, jsonl, at);
    expect(
      await writeExportFile(store, { status: 'done', secret: SECRET }, parquet, at, 'parquet'),
    ).toEqual(header);
    const items = (await readFile(jsonl, 'utf8'))
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => JSON.parse(l) as ExportItem);

    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    try {
      const rows = (
        await c.runAndReadAll(
          'SELECT task_id, record_id, k, questions, answers::VARCHAR, majority::VARCHAR, agreement::VARCHAR FROM read_parquet($f) ORDER BY task_id',
          { f: parquet },
        )
      ).getRowsJS();
      expect(rows).toEqual(
        items.map((i) => [
          i.task_id,
          i.record_id,
          i.k,
          i.questions,
          JSON.stringify(i.answers),
          JSON.stringify(i.majority),
          JSON.stringify(i.agreement),
        ]),
      );
      const meta = (
        await c.runAndReadAll(
          "SELECT decode(value) FROM parquet_kv_metadata($f) WHERE decode(key) = 'obhut_review_export'",
          { f: parquet },
        )
      ).getRowsJS();
      expect(JSON.parse(String(meta[0]![0]))).toEqual(JSON.parse(JSON.stringify(header)));
    } finally {
      c.closeSync();
      db.closeSync();
    }
    expect((await readdir(dir)).sort()).toEqual(['labels.jsonl', 'labels.parquet']);
  });
});
