import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('obhut pii', () => {
  it('detects and redacts line by line, in input order, and reports bad lines with exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'obhut-pii-'));
    const file = join(dir, 'in.jsonl');
    writeFileSync(
      file,
      [
        '{"id":"a","text":"Ich heiße Anna Schmidt, Tel. 0171 2345678"}',
        'not json',
        '',
        '{"id":"b","lang":"en","text":"nothing here"}',
        '{"text":"no id"}',
        '{"id":"c","transcript":{"words":[{"text":"call","start":0,"end":0.4},{"text":"john","start":0.4,"end":0.8},{"text":"smith","start":0.8,"end":1.2}]}}',
      ].join('\n'),
    );
    const detect = await runCli(['pii', 'detect', file], { cwd: dir });
    expect(detect.code).toBe(2);
    const rows = detect.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(rows[0].spans.map((s: { type: string; text: string }) => [s.type, s.text])).toEqual([
      ['PERSON', 'Anna Schmidt'],
      ['PHONE', '0171 2345678'],
    ]);
    expect(rows[2].times).toEqual([{ start: 0.4, end: 1.2, type: 'PERSON' }]);
    expect(detect.stderr).toContain(`${file}:2: [RECORD_NOT_JSON]`);
    expect(detect.stderr).toContain(`${file}:5: [RECORD_INVALID]`);
    expect(detect.stderr).toContain('[PII_LINES_REJECTED]');

    const redact = await runCli(['pii', 'redact', '--operator', 'PHONE=mask', file], { cwd: dir });
    expect(redact.code).toBe(2);
    expect(JSON.parse(redact.stdout.split('\n')[0]!)).toEqual({
      id: 'a',
      text: 'Ich heiße [PERSON_1], Tel. **** *******',
    });
  });

  it('rejects repeated keys and deep nesting with their codes, and escapes what it prints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'obhut-pii-'));
    const file = join(dir, 'in.jsonl');
    writeFileSync(
      file,
      [
        '{"id":"a","text":"Anna Schmidt","text":"nothing"}',
        `{"id":"b","text":"x","deep":${'['.repeat(5000)}${']'.repeat(5000)}}`,
        '{"id":"c","text":"x","x\\u001b[2J":1,"x\\u001b[2J":2}',
        '{"id":"d","text":"nothing here"}',
      ].join('\n'),
    );
    const redact = await runCli(['pii', 'redact', file], { cwd: dir });
    expect(redact.code).toBe(2);
    expect(
      redact.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(['d']);
    expect(redact.stderr).toContain(
      `${file}:1: [RECORD_DUPLICATE_KEY] key text appears more than once`,
    );
    expect(redact.stderr).toContain(`${file}:2: [RECORD_TOO_DEEP]`);
    expect(redact.stderr).toContain(`${file}:3: [RECORD_DUPLICATE_KEY] key ["x\\u001b[2J"]`);
    expect(redact.stderr).not.toContain('\u001b');
  });
});
