import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBankList, parseBankList } from '../../src/safety/bank.js';
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
  it('reads quoted CSV fields as one label each, not split at their commas', () => {
    const parsed = parseBankList(
      'pdq',
      `hash,labels\n"${a}","x, with comma;y"\n${b},"say ""hi"""\n`,
    );
    expect(parsed.entries).toEqual([
      { hash: 'a'.repeat(64), labels: ['x, with comma', 'y'] },
      { hash: b, labels: ['say "hi"'] },
    ]);
    expect(parseBankList('pdq', `${a},x"y\n${b},"open\n`).errors.map((e) => e.line)).toEqual([
      1, 2,
    ]);
  });

  it("keeps each entry's quality, refuses a repeated hash given another one, and round-trips the export", () => {
    const text = `hash,quality,labels\n${a},80,x\n${b},,y\n${a},80,z\n${a},81,w\n${b},90,y\n`;
    const parsed = parseBankList('pdq', text);
    expect(parsed.entries).toEqual([
      { hash: 'a'.repeat(64), labels: ['x', 'z'], quality: 80 },
      { hash: b, labels: ['y'], quality: 90 },
    ]);
    // An empty quality cell would let a flat hash past the minimum: refused.
    expect(parsed.errors).toEqual([
      { line: 3, error: expect.stringMatching(/quality is not a number/) },
      { line: 5, error: expect.stringMatching(/quality 80, here with 81/) },
    ]);
    const again = parseBankList('pdq', formatBankList(parsed.entries));
    expect(again).toEqual({ entries: parsed.entries, errors: [] });
    // Without a quality on every entry the export keeps its two columns.
    expect(formatBankList([{ hash: b, labels: ['a,b'] }])).toBe(`hash,labels\n${b},"a,b"`);
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
