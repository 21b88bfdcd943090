import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
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
    // Without a quality anywhere the export keeps its two columns.
    expect(formatBankList([{ hash: b, labels: ['a,b'] }])).toBe(`hash,labels\n${b},"a,b"`);
  });

  it('round-trips a bank where only some entries have a quality: the others read `unknown`', () => {
    const mixed = [
      { hash: 'a'.repeat(64), labels: ['x'], quality: 80 },
      { hash: b, labels: ['y'] },
    ];
    const text = formatBankList(mixed);
    expect(text).toBe(`hash,quality,labels\n${'a'.repeat(64)},80,x\n${b},unknown,y`);
    expect(parseBankList('pdq', text)).toEqual({ entries: mixed, errors: [] });
  });

  it.each([
    ['80', { quality: 80 }],
    ['unknown', {}],
    ['UNKNOWN', {}],
    ['', 'quality is not a number 0..100 or "unknown": ""'],
    ['n/a', 'quality is not a number 0..100 or "unknown": "n/a"'],
    ['101', 'quality is not a number 0..100 or "unknown": "101"'],
    ['49', 'PDQ quality 49 is below the minimum of 50'],
  ])('reads the quality cell %j', (cell, expected) => {
    const parsed = parseBankList('pdq', `hash,quality,labels\n${b},${cell},y\n`);
    if (typeof expected === 'string') {
      expect(parsed.entries).toEqual([]);
      expect(parsed.errors).toEqual([{ line: 2, error: expect.stringContaining(expected) }]);
    } else {
      expect(parsed).toEqual({ entries: [{ hash: b, labels: ['y'], ...expected }], errors: [] });
    }
  });

  it('refuses a hash given a known quality and `unknown`', () => {
    const parsed = parseBankList('pdq', `hash,quality,labels\n${b},unknown,y\n${b},70,z\n`);
    expect(parsed.errors).toEqual([
      { line: 3, error: expect.stringMatching(/quality unknown, here with 70/) },
    ]);
  });

  it("round-trips every entry's quality through export and import (property)", () => {
    const hex = fc
      .uint8Array({ minLength: 32, maxLength: 32 })
      .map((bytes) => Buffer.from(bytes).toString('hex'));
    // Labels as the import leaves them: trimmed, without `;` or line breaks, sorted, distinct.
    const label = fc
      .string({ minLength: 1, maxLength: 12 })
      .map((t) => t.replace(/[;\r\n]/g, '').trim())
      .filter((t) => t !== '');
    const entry = fc.record(
      {
        hash: hex,
        labels: fc.uniqueArray(label, { maxLength: 3 }).map((l) => [...l].sort()),
        quality: fc.integer({ min: 0, max: 100 }),
      },
      { requiredKeys: ['hash', 'labels'] },
    );
    fc.assert(
      fc.property(fc.uniqueArray(entry, { maxLength: 8, selector: (e) => e.hash }), (entries) => {
        const parsed = parseBankList('pdq', formatBankList(entries), 0);
        expect(parsed).toEqual({ entries, errors: [] });
      }),
    );
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
