import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('obhut build --map with a folder of compressed exports', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'obhut-cli-map-'));
    expect((await runCli(['init'], { cwd })).code).toBe(0);
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('builds mapped rows from every file in the folder, and refuses a malformed mapping', async () => {
    const folder = path.join(cwd, 'export');
    await mkdir(folder);
    const row = (id: string, audience: string) =>
      JSON.stringify({ post_id: id, body: `post ${id}`, author: { id: 'u1' }, audience });
    await writeFile(path.join(folder, 'part-0.jsonl.gz'), gzipSync(`${row('1', 'public')}\n`));
    await writeFile(
      path.join(folder, 'part-1.jsonl.gz'),
      gzipSync(`${row('2', 'friends')}\n${row('3', 'circle')}\n`),
    );
    await writeFile(
      path.join(cwd, 'map.yaml'),
      [
        'id: post_id',
        'kind: { const: text }',
        'text: body',
        'subject.platform: { const: ig }',
        'subject.account: author.id',
        'visibility: { from: audience, values: { public: public, friends: private } }',
      ].join('\n'),
    );
    const built = await runCli(
      ['build', '--input', 'export', '--map', 'map.yaml', '--out', 'out', '--json'],
      { cwd },
    );
    expect(built.code).toBe(0);
    const summary = JSON.parse(built.stdout);
    expect(summary.counts).toMatchObject({ input: 3, rejected: 1 });
    expect(summary.counts.admitted + summary.counts.excluded).toBe(2);

    await writeFile(path.join(cwd, 'bad.yaml'), 'id: { const: 1, from: x }\n');
    const bad = await runCli(['build', '--input', 'export', '--map', 'bad.yaml', '--out', 'b'], {
      cwd,
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/\[MAPPING_INVALID\].*bad\.yaml/);
  });
});
