import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importConsentFile } from '../../src/consent/import-events.js';
import { objection, type Workspace, workspace } from '../support/fixtures.js';

/** A field as a consent tool's CSV export writes it: quoted when it must be. */
const cell = (value: string) =>
  /[",\r\n]/.test(value) || value === '' ? `"${value.replaceAll('"', '""')}"` : value;

describe('consent import from CSV', () => {
  let ws: Workspace;
  beforeEach(async () => {
    ws = await workspace();
  });
  afterEach(async () => {
    await ws.close();
  });

  it('imports the same events as the JSONL file, and re-importing either adds nothing', async () => {
    const events = [
      objection('1'),
      { ...objection('2'), action: 'consent', reference: 'form 7, "signed", line one\nline two' },
    ];
    const jsonl = await ws.write('events.jsonl', events);
    const csv = path.join(ws.dir, 'events.csv');
    // Columns in another order than the record's, a quoted reference with comma, quotes and a line break.
    const header = ['reference', 'at', 'platform', 'account', 'purpose', 'action', 'channel'];
    await writeFile(
      csv,
      `\uFEFF${header.join(',')}\r\n${events
        .map((e) => header.map((h) => cell((e as Record<string, string>)[h] ?? '')).join(','))
        .join('\r\n')}\r\n`,
    );
    const fromCsv = await importConsentFile(csv, ws.log, ws.secret);
    expect(fromCsv).toMatchObject({ lines: 2, inserted: 2, rejected: [] });
    const fromJsonl = await importConsentFile(jsonl, ws.log, ws.secret);
    expect(fromJsonl).toMatchObject({ inserted: 0, alreadyPresent: 2 });
    expect(await importConsentFile(csv, ws.log, ws.secret)).toMatchObject({
      inserted: 0,
      alreadyPresent: 2,
    });
  });

  it('rejects bad records by the line they start on and imports the rest', async () => {
    const csv = path.join(ws.dir, 'tool-export.csv');
    await writeFile(
      csv,
      [
        'platform,account,purpose,action,at,channel,reference',
        'ig,1,ai_training,object,2025-05-20T08:00:00Z,portal,',
        'ig,2,ai_training,object,2025-05-20T08:00:00Z,portal',
        '',
        'ig,3,ai_training,sell,2025-05-20T08:00:00Z,portal,',
        'ig,4,ai_training,object,2025-05-20T08:00:00Z,portal,"multi',
        'line"',
        'ig,5,ai_training,object,2025-05-20T08:00:00Z,portal,bad"quote',
        'ig,6,ai_training,object,2025-05-20T08:00:00Z,portal,"open',
      ].join('\n'),
    );
    const r = await importConsentFile(csv, ws.log, ws.secret);
    expect(r.inserted).toBe(2);
    expect(r.rejected).toEqual([
      { line: 3, error: '6 fields where the header has 7' },
      { line: 5, error: expect.stringContaining('action') },
      { line: 8, error: expect.stringContaining('quote') },
      { line: 9, error: 'a quoted field is not closed' },
    ]);
  });

  it('refuses a header with an unknown, repeated or missing column, naming it', async () => {
    for (const [header, problem] of [
      ['platform,account,purpose,action,at,channel,email', 'unknown column "email"'],
      ['platform,account,purpose,action,at,channel,at', 'column "at" appears twice'],
      ['platform,account,purpose,action,at', 'missing column(s) channel'],
    ] as const) {
      const csv = path.join(ws.dir, 'h.csv');
      await writeFile(csv, `${header}\nig,1,ai_training,object,2025-05-20T08:00:00Z,portal,x\n`);
      await expect(importConsentFile(csv, ws.log, ws.secret)).rejects.toMatchObject({
        code: 'INPUT_UNREADABLE',
        message: expect.stringContaining(problem),
      });
    }
  });

  it('any reference text survives the CSV quoting round trip', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({
          unit: fc.constantFrom('a', 'ü', ' ', ',', '"', '\n', ';'),
          minLength: 1,
          maxLength: 40,
        }),
        async (reference) => {
          const csv = path.join(ws.dir, 'p.csv');
          await writeFile(
            csv,
            `platform,account,purpose,action,at,channel,reference\nig,p,ai_training,object,2025-05-20T08:00:00Z,portal,${cell(reference)}\n`,
          );
          const jsonl = await ws.write('p.jsonl', [{ ...objection('p'), reference }]);
          const first = await importConsentFile(csv, ws.log, ws.secret);
          const second = await importConsentFile(jsonl, ws.log, ws.secret);
          // The same event from either file: whichever came second is already present.
          expect(first.rejected).toEqual([]);
          expect(second.inserted).toBe(0);
        },
      ),
      { numRuns: 25 },
    );
  });
});
