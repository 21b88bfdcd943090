import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyBuildFolder } from '../../../src/gate/verify-build-folder.js';
import { DEFAULT_POLICY } from '../../../src/policy/index.js';
import { parseMapping } from '../../../src/records/index.js';
import {
  admittedLines,
  objection,
  readJsonl,
  type Workspace,
  workspace,
} from '../../support/fixtures.js';

const socialMapping = (() => {
  const parsed = parseMapping({
    id: 'post_id',
    kind: { const: 'text' },
    text: 'body',
    'subject.platform': { const: 'ig' },
    'subject.account': 'author.id',
    'subject.age': { from: 'author.is_minor', values: { true: 'minor', false: 'adult' } },
    'subject.region': 'author.country',
    visibility: { from: 'audience', values: { public: 'public', friends: 'private' } },
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.mapping;
})();

const rows = [
  {
    post_id: 'p1',
    body: 'one',
    author: { id: 'a', is_minor: false, country: 'DE' },
    audience: 'public',
  },
  {
    post_id: 'p2',
    body: 'two',
    author: { id: 'b', is_minor: true, country: 'DE' },
    audience: 'public',
  },
  {
    post_id: 'p3',
    body: 'three',
    author: { id: 'objector', is_minor: false, country: 'DE' },
    audience: 'public',
  },
  {
    post_id: 'p4',
    body: 'four',
    author: { id: 'a', is_minor: false, country: 'DE' },
    audience: 'circle',
  },
  {
    post_id: 'p5',
    body: 'five',
    author: { id: 'a', is_minor: false, country: 'DE' },
    audience: 'friends',
  },
];

/** The same rows written by hand as item records; p4 has no valid visibility to give. */
const items = [
  {
    id: 'p1',
    kind: 'text',
    text: 'one',
    subject: { platform: 'ig', account: 'a', age: 'adult', region: 'DE' },
    visibility: 'public',
  },
  {
    id: 'p2',
    kind: 'text',
    text: 'two',
    subject: { platform: 'ig', account: 'b', age: 'minor', region: 'DE' },
    visibility: 'public',
  },
  {
    id: 'p3',
    kind: 'text',
    text: 'three',
    subject: { platform: 'ig', account: 'objector', age: 'adult', region: 'DE' },
    visibility: 'public',
  },
  {
    id: 'p4',
    kind: 'text',
    text: 'four',
    subject: { platform: 'ig', account: 'a', age: 'adult', region: 'DE' },
    visibility: 'circle',
  },
  {
    id: 'p5',
    kind: 'text',
    text: 'five',
    subject: { platform: 'ig', account: 'a', age: 'adult', region: 'DE' },
    visibility: 'private',
  },
];

describe('--map over JSON lines', () => {
  let ws: Workspace | undefined;
  afterEach(async () => {
    await ws?.close();
    ws = undefined;
  });

  it('a mapped export gives the same decisions as the same data written as item records', async () => {
    ws = await workspace();
    await ws.importEvents([objection('objector')]);
    const exported = path.join(ws.dir, 'export.jsonl.gz');
    await writeFile(exported, gzipSync(`${rows.map((r) => JSON.stringify(r)).join('\n')}\n`));
    const plain = await ws.write('items.jsonl', items);
    const mapped = await ws.build([exported], {
      mapping: socialMapping,
      out: path.join(ws.dir, 'm'),
    });
    const direct = await ws.build([plain], { out: path.join(ws.dir, 'd') });
    const excluded = async (out: string) =>
      (await readJsonl<{ id: string; reasons: string[] }>(path.join(out, 'excluded.jsonl'))).map(
        (e) => [e.id, e.reasons],
      );
    expect(await excluded(mapped.out)).toEqual(await excluded(direct.out));
    expect(await excluded(mapped.out)).toEqual([
      ['p2', ['minor']],
      ['p3', ['objected']],
      ['p5', ['private']],
    ]);
    // Admitted: the same records, each written as it came, with the same provenance but for
    // the digest, which names the line as read.
    const [fromMapped] = await admittedLines(mapped.out);
    const [fromItems] = await admittedLines(direct.out);
    const source = JSON.stringify(rows[0]);
    expect(fromMapped!.startsWith(source.slice(0, -1))).toBe(true);
    expect(JSON.parse(fromMapped!)).toEqual({
      ...rows[0],
      _obhut: {
        ...JSON.parse(fromItems!)._obhut,
        sha256: createHash('sha256').update(source).digest('hex'),
      },
    });
    expect((await verifyBuildFolder(mapped.out)).ok).toBe(true);
    expect(mapped.manifest.counts).toEqual(direct.manifest.counts);
    expect(mapped.manifest.subjects_root).toEqual(direct.manifest.subjects_root);
    // p4's audience is not in the value map: the row is rejected with its number, naming both.
    const rejected = await readJsonl(path.join(mapped.out, 'rejected.jsonl'));
    expect(rejected).toEqual([
      {
        input: exported,
        line: 4,
        code: 'RECORD_UNMAPPED',
        error: 'field visibility: value "circle" of audience is not in the mapping\'s values',
      },
    ]);
  });

  it('lines that are not JSON objects are rejected as without a mapping, with their numbers', async () => {
    ws = await workspace();
    const file = await ws.write('export.jsonl', [JSON.stringify(rows[0]), '', 'broken', '[1]']);
    const result = await ws.build([file], { mapping: socialMapping });
    const rejected = await readJsonl<{ line: number; code: string }>(
      path.join(result.out, 'rejected.jsonl'),
    );
    expect(rejected.map((r) => [r.line, r.code])).toEqual([
      [3, 'RECORD_NOT_JSON'],
      [4, 'RECORD_INVALID'],
    ]);
    expect(result.manifest.counts).toMatchObject({ admitted: 1, blank_lines: 1 });
  });

  it('a row that already has _obhut is rejected, and a mapped build refuses to redact', async () => {
    ws = await workspace();
    const file = await ws.write('export.jsonl', [
      JSON.stringify(rows[0]),
      JSON.stringify({ ...rows[1], _obhut: { input: 9 } }),
      '{"post_id":"p9","post_id":"p10","body":"twice"}',
    ]);
    const result = await ws.build([file], { mapping: socialMapping });
    const rejected = await readJsonl(path.join(result.out, 'rejected.jsonl'));
    expect(rejected).toMatchObject([
      { line: 2, code: 'RECORD_UNMAPPED', error: expect.stringContaining('"_obhut"') },
      { line: 3, code: 'RECORD_DUPLICATE_KEY' },
    ]);
    await expect(
      ws.build([file], {
        mapping: socialMapping,
        policy: {
          ...DEFAULT_POLICY,
          redact: {
            enabled: true,
            operators: {},
            default: 'placeholder',
            min_score: 0.5,
            key_env: 'OBHUT_PII_KEY',
          },
        },
      }),
    ).rejects.toMatchObject({ code: 'USAGE' });
  });
});
