import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StagingLines } from '../../src/io/staging-lines.js';

const dir = mkdtempSync(path.join(tmpdir(), 'obhut-staging-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('StagingLines', () => {
  it('writes each line with its newline, and abort after close is harmless (a build failing after its writer finished reports its own error)', () => {
    const file = path.join(dir, 'a');
    const lines = new StagingLines(file);
    lines.writeLine('one');
    lines.writeLine(Buffer.from('two'));
    lines.close();
    expect(() => lines.abort()).not.toThrow();
    expect(() => lines.close()).not.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('one\ntwo\n');
  });
});
