import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('obhut build verify', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'obhut-build-verify-'));
    expect((await runCli(['init'], { cwd })).code).toBe(0);
    await writeFile(
      path.join(cwd, 'items.jsonl'),
      '{"id":"a","kind":"text","text":"hi","subject":{"platform":"ig","account":"7"}}\n',
    );
    expect((await runCli(['build', '--input', 'items.jsonl', '--out', 'out'], { cwd })).code).toBe(
      0,
    );
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('needs no home: run elsewhere, with none, it says what holds', async () => {
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'obhut-no-home-'));
    try {
      const r = await runCli(['build', 'verify', path.join(cwd, 'out')], {
        cwd: elsewhere,
        env: { OBHUT_HOME: path.join(elsewhere, 'nowhere') },
      });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^ok {3}items_root: /m);
      expect(r.stdout).toContain('Holds: The folder is the build its manifest');
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('exits 2 with VERIFY_FAILED and names the failed checks when a row changed', async () => {
    const shard = path.join(cwd, 'out', 'items-00000.jsonl');
    const original = await readFile(shard, 'utf8');
    await writeFile(shard, original.replace('"hi"', '"ho"'));
    try {
      const r = await runCli(['build', 'verify', 'out', '--json'], { cwd });
      expect(r.code).toBe(2);
      const result = JSON.parse(r.stdout);
      expect(result.ok).toBe(false);
      expect(
        result.checks.filter((c: { ok: boolean }) => !c.ok).map((c: { check: string }) => c.check),
      ).toEqual(['file items-00000.jsonl', 'items_root']);
      expect(r.stderr).toContain('VERIFY_FAILED');
    } finally {
      await writeFile(shard, original);
    }
  });

  it('a folder without a manifest is NOT_FOUND', async () => {
    const r = await runCli(['build', 'verify', '.'], { cwd });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('NOT_FOUND');
  });
});
