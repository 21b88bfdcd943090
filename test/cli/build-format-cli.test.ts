import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { runCliInProcess } from '../support/cli-in-process.js';

// Commands run in this process (test/support/cli-in-process.ts, issue 13) but for `init` and one
// usage error, which go through a real `obhut` process.
describe('obhut build: the items files follow the inputs', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'obhut-cli-format-'));
    expect((await runCli(['init'], { cwd })).code).toBe(0);
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(
      `COPY (SELECT 'r' || i AS id, 'text' AS kind, 'text ' || i AS text FROM range(3) t(i))
       TO '${path.join(cwd, 'train.parquet')}' (FORMAT parquet)`,
    );
    c.closeSync();
    db.closeSync();
    await writeFile(path.join(cwd, 'more.jsonl'), '{"id":"j","kind":"text","text":"t"}\n');
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('Parquet in gives Parquet out and build verify holds; a mix needs --format; --queue refuses Parquet out', async () => {
    const built = await runCliInProcess(
      ['build', '--input', 'train.parquet', '--out', 'out', '--json'],
      {
        cwd,
      },
    );
    expect(built.code).toBe(0);
    expect((await readdir(path.join(cwd, 'out'))).filter((f) => f.startsWith('items-'))).toEqual([
      'items-00000.parquet',
    ]);
    expect((await runCliInProcess(['build', 'verify', 'out'], { cwd })).code).toBe(0);

    const mixed = await runCli(
      ['build', '--input', 'train.parquet', '--input', 'more.jsonl', '--out', 'mixed'],
      { cwd },
    );
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toMatch(/\[USAGE\].*--format jsonl/);
    expect(await readdir(cwd)).not.toContain('mixed');
    const asJsonl = await runCliInProcess(
      [
        'build',
        '--input',
        'train.parquet',
        '--input',
        'more.jsonl',
        '--out',
        'mixed',
        '--format',
        'jsonl',
        '--json',
      ],
      { cwd },
    );
    expect(asJsonl.code).toBe(0);
    expect(JSON.parse(asJsonl.stdout).counts).toMatchObject({ input: 4, admitted: 4 });

    const queued = await runCliInProcess(
      [
        'build',
        '--queue',
        '--shards',
        '2',
        '--input',
        'train.parquet',
        '--out',
        'q',
        '--format',
        'parquet',
      ],
      { cwd },
    );
    expect(queued.code).toBe(1);
    expect(queued.stderr).toMatch(/\[USAGE\].*--format parquet cannot be used with --queue/);
  });
});
