import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBankList } from '../../src/safety/bank.js';
import { runCli } from '../support/cli.js';

const a = 'A'.repeat(64);
const b = 'b'.repeat(64);

describe('parseBankList', () => {
  it('reads plain lists and labelled CSV, reporting bad lines by number', () => {
    const parsed = parseBankList('pdq', `hash,labels\n${a},x;y\n\nnot-a-hash\n${b}\n${a},z\n`);
    expect(parsed.entries).toEqual([
      { hash: 'a'.repeat(64), labels: ['x', 'y', 'z'] },
      { hash: b, labels: [] },
    ]);
    expect(parsed.errors.map((e) => e.line)).toEqual([4]);
    expect(parseBankList('md5', b).errors).toHaveLength(1);
  });
});

describe('obhut bank', () => {
  it('imports, lists and exports a bank; bad lines are reported and exit 2', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'obhut-bank-'));
    const env = { OBHUT_HOME: join(cwd, 'home') };
    expect((await runCli(['init'], { cwd, env })).code).toBe(0);
    writeFileSync(join(cwd, 'list.csv'), `${a},test-label\nzz\n${b}\n`);
    const imported = await runCli(
      ['bank', 'import', 'demo', '--type', 'pdq', join(cwd, 'list.csv'), '--list-version', '3'],
      { cwd, env },
    );
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain('list.csv:2:');
    expect(imported.stdout).toContain('2 new, 0 already present, 1 rejected');
    const list = await runCli(['bank', 'list', '--json'], { cwd, env });
    expect(JSON.parse(list.stdout)).toMatchObject([
      { name: 'demo', signal_type: 'pdq', list_version: '3', threshold: 31, entries: 2 },
    ]);
    const exported = await runCli(['bank', 'export', 'demo'], { cwd, env });
    expect(exported.stdout).toBe(`hash,labels\n${'a'.repeat(64)},test-label\n${b},\n`);
  });
});
