import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importConsentFile } from '../../src/consent/import-events.js';
import { objection, type Workspace, workspace } from '../support/fixtures.js';

describe('consent import', () => {
  let ws: Workspace;
  beforeEach(async () => {
    ws = await workspace();
  });
  afterEach(async () => {
    await ws.close();
  });

  it('rejects repeated keys, deep nesting and accounts that are not valid Unicode, by line', async () => {
    const file = await ws.write('events.jsonl', [
      '{"platform":"ig","account":"OBJ-1","account":"clean","purpose":"ai_training","action":"object","at":"2025-05-20T08:00:00Z","channel":"portal"}',
      `{"platform":"ig","account":"a","purpose":"ai_training","action":"object","at":"2025-05-20T08:00:00Z","channel":"portal","x":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      '{"platform":"ig","account":"acct\\ud800","purpose":"ai_training","action":"object","at":"2025-05-20T08:00:00Z","channel":"portal"}',
      objection('fine'),
    ]);
    const result = await importConsentFile(file, ws.log, ws.secret);
    expect(result.lines).toBe(4);
    expect(result.inserted).toBe(1);
    expect(result.rejected.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(result.rejected[0]!.error).toBe('key account appears more than once');
    expect(result.rejected[1]!.error).toContain('nested deeper than 64 levels');
    expect(result.rejected[2]!.error).toContain('Unicode');
  });
});
