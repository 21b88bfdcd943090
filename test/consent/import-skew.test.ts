import { describe, expect, it } from 'vitest';
import { importConsentFile } from '../../src/consent/index.js';
import { objection, workspace } from '../support/fixtures.js';

describe('consent import and the clock', () => {
  it('rejects events dated further after the import than the allowed skew, with their line', async () => {
    const ws = await workspace();
    try {
      const now = Date.parse('2026-03-01T12:00:00Z');
      const file = await ws.write('events.jsonl', [
        objection('1', '2026-03-01T11:00:00Z'),
        objection('2', '2026-03-01T12:04:59Z'),
        objection('3', '2026-03-01T12:05:01Z'),
        objection('4', '2099-01-01T00:00:00Z'),
      ]);
      const result = await importConsentFile(file, ws.log, ws.secret, undefined, {
        now,
        clockSkewS: 300,
      });
      expect(result.inserted).toBe(2);
      expect(result.rejected.map((r) => r.line)).toEqual([3, 4]);
      expect(result.rejected[0]!.error).toContain('"at"');

      // With no skew allowed, only events up to the import's time pass.
      const strict = await importConsentFile(file, ws.log, ws.secret, undefined, {
        now,
        clockSkewS: 0,
      });
      expect(strict.rejected.map((r) => r.line)).toEqual([2, 3, 4]);
    } finally {
      await ws.close();
    }
  });
});
