import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { runCliInProcess } from '../support/cli-in-process.js';

// Commands run in this process (test/support/cli-in-process.ts, issue 13) but for one with exit
// code 2 and the one that reads standard input, which go through a real `obhut` process.
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

    const redact = await runCliInProcess(['pii', 'redact', '--operator', 'PHONE=mask', file], {
      cwd: dir,
    });
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
    const redact = await runCliInProcess(['pii', 'redact', file], { cwd: dir });
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

  it('reads what a build reads: .jsonl.gz and Parquet with --map give the output of JSON lines, rows named by number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'obhut-pii-'));
    const texts = [
      { post: 'a', body: 'Ich heiße Anna Schmidt, Tel. 0171 2345678' },
      { post: 'b', body: 'nothing here' },
    ];
    const plain = join(dir, 'plain.jsonl');
    writeFileSync(plain, texts.map((t) => JSON.stringify({ id: t.post, text: t.body })).join('\n'));
    const expected = await runCliInProcess(['pii', 'redact', plain], { cwd: dir });
    expect(expected.code).toBe(0);
    expect(expected.stdout).toContain('[PERSON_1]');
    // The same texts in a platform's schema, gzip-compressed and as Parquet, with a mapping.
    const map = join(dir, 'map.yaml');
    writeFileSync(map, 'id: post\ntext: body\n');
    const gz = join(dir, 'export.jsonl.gz');
    writeFileSync(gz, gzipSync(texts.map((t) => JSON.stringify(t)).join('\n')));
    const fromGz = await runCliInProcess(['pii', 'redact', '--map', map, gz], { cwd: dir });
    expect(fromGz).toMatchObject({ code: 0, stdout: expected.stdout });
    const parquet = join(dir, 'export.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(
      `COPY (SELECT * FROM (VALUES ('a', 'Ich heiße Anna Schmidt, Tel. 0171 2345678'), ('b', 'nothing here'), (NULL, 'no id')) t(post, body))
       TO '${parquet}' (FORMAT parquet)`,
    );
    c.closeSync();
    db.closeSync();
    const fromParquet = await runCliInProcess(['pii', 'redact', '--map', map, parquet], {
      cwd: dir,
    });
    expect(fromParquet.code).toBe(2);
    expect(fromParquet.stdout).toBe(expected.stdout);
    // A row without an id is rejected by its row number, as a build names Parquet positions.
    expect(fromParquet.stderr).toContain(`${parquet} row 3: [RECORD_INVALID]`);
    // --map needs a file: standard input is JSON lines.
    const piped = await runCli(['pii', 'redact', '--map', map], { cwd: dir, input: '' });
    expect(piped.code).toBe(1);
    expect(piped.stderr).toContain('[USAGE]');
  });
});
