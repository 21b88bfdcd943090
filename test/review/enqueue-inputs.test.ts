import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConsentSnapshot } from '../../src/consent/index.js';
import { DEFAULT_POLICY, type Policy } from '../../src/policy/index.js';
import { type Mapping, parseMapping } from '../../src/records/index.js';
import { type EnqueueResult, enqueueForReview } from '../../src/review/enqueue.js';
import { DEFAULT_LABELS } from '../../src/review/model.js';
import { adult, type Workspace, workspace } from '../support/fixtures.js';

const REVIEW_POLICY: Policy = { ...DEFAULT_POLICY, purpose: 'human_review' };
const NOW = new Date('2026-03-02T10:00:00Z');

const items = [
  { id: 'p1', kind: 'text', text: 'first', subject: adult('a') },
  { id: 'p2', kind: 'text', text: 'private one', subject: adult('b'), visibility: 'private' },
  { id: 'p3', kind: 'text', text: 'minor', subject: { ...adult('c'), age: 'minor' } },
  { id: 'p4', kind: 'text', text: 'last', subject: adult('d') },
];

// The same posts as a platform exports them, in its own schema.
const exported = [
  { post_id: 'p1', body: 'first', author: { id: 'a', minor: false }, audience: 'public' },
  { post_id: 'p2', body: 'private one', author: { id: 'b', minor: false }, audience: 'friends' },
  { post_id: 'p3', body: 'minor', author: { id: 'c', minor: true }, audience: 'public' },
  { post_id: 'p4', body: 'last', author: { id: 'd', minor: false }, audience: 'public' },
];

function mapping(): Mapping {
  const parsed = parseMapping({
    id: 'post_id',
    kind: { const: 'text' },
    text: 'body',
    'subject.platform': { const: 'instagram' },
    'subject.account': 'author.id',
    'subject.age': { from: 'author.minor', values: { true: 'minor', false: 'adult' } },
    'subject.region': { const: 'DE' },
    visibility: { from: 'audience', values: { public: 'public', friends: 'private' } },
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.mapping;
}

/** What enqueue decided, without the input paths and positions' units. */
function decisions(result: EnqueueResult) {
  return {
    counts: result.counts,
    excluded: result.excluded.map((e) => [e.id, e.reasons]),
    rejected: result.rejected.map((r) => [r.code, r.id]),
    kinds: result.queued.map((q) => q.kind),
  };
}

describe('review enqueue reads what a build reads', () => {
  let ws: Workspace;
  beforeEach(async () => {
    ws = await workspace();
  });
  afterEach(async () => {
    await ws.close();
  });

  async function enqueue(inputs: string[], map?: Mapping, home = 'home') {
    const consent = await loadConsentSnapshot(
      ws.store,
      'human_review',
      NOW.toISOString(),
      NOW.getTime(),
    );
    return enqueueForReview({
      inputs,
      ...(map ? { mapping: map } : {}),
      policy: REVIEW_POLICY,
      consent,
      store: ws.store,
      secret: ws.secret,
      home: path.join(ws.dir, home),
      k: 1,
      labels: DEFAULT_LABELS,
      prepareAudio: () => Buffer.alloc(0),
      now: NOW,
    });
  }

  it('a mapped .jsonl.gz export and a mapped Parquet export decide as the item records do', async () => {
    const plain = await enqueue([await ws.write('items.jsonl', items)]);
    expect(plain.counts).toMatchObject({ read: 4, queued: 2, excluded: 2 });
    // Each record can be queued once per store, so each run uses a workspace of its own.
    await ws.close();
    ws = await workspace();
    const gz = path.join(ws.dir, 'export.jsonl.gz');
    await writeFile(gz, gzipSync(`${exported.map((r) => JSON.stringify(r)).join('\n')}\n`));
    const fromGz = await enqueue([gz], mapping());
    expect(decisions(fromGz)).toEqual(decisions(plain));
    expect(fromGz.excluded.map((e) => e.line)).toEqual([2, 3]);

    await ws.close();
    ws = await workspace();
    const parquet = path.join(ws.dir, 'export.parquet');
    const json = path.join(ws.dir, 'export.json');
    await writeFile(json, exported.map((r) => JSON.stringify(r)).join('\n'));
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(
      `COPY (SELECT * FROM read_json('${json}', format = 'newline_delimited')) TO '${parquet}' (FORMAT parquet)`,
    );
    c.closeSync();
    db.closeSync();
    const fromParquet = await enqueue([parquet], mapping());
    expect(decisions(fromParquet)).toEqual(decisions(plain));
    // Positions in a Parquet file are rows, as in a build's rejected.jsonl.
    expect(fromParquet.excluded.map((e) => [e.row, e.line])).toEqual([
      [2, undefined],
      [3, undefined],
    ]);
  });

  it('rejects an unmappable row by its number, and reads a folder file by file', async () => {
    const folder = path.join(ws.dir, 'corpus');
    await mkdir(folder);
    await writeFile(
      path.join(folder, 'a.jsonl.gz'),
      gzipSync(
        `${JSON.stringify(exported[0])}\n${JSON.stringify({ ...exported[3], audience: 'circle' })}\n`,
      ),
    );
    await writeFile(path.join(folder, 'b.jsonl'), `${JSON.stringify(exported[1])}\n`);
    const result = await enqueue([folder], mapping());
    expect(result.counts).toMatchObject({ read: 3, queued: 1, excluded: 1, rejected: 1 });
    expect(result.rejected).toEqual([
      {
        input: path.join(folder, 'a.jsonl.gz'),
        line: 2,
        code: 'RECORD_UNMAPPED',
        error: expect.stringContaining('circle'),
      },
    ]);
    expect(result.excluded).toEqual([
      { input: path.join(folder, 'b.jsonl'), line: 1, id: 'p2', reasons: ['private'] },
    ]);
  });
});
