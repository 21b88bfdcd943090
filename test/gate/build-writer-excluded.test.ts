import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BatchResult, PackedOutcome } from '../../src/evaluation/evaluate-batch.js';
import { BuildWriter } from '../../src/gate/build-writer.js';
import { REASONS, type Reason } from '../../src/policy/index.js';

/**
 * excluded.jsonl as the writer writes it from cached parts (the id's JSON between `{"id":` and
 * the reasons list's end) against JSON.stringify of the line's object, and the per-reason
 * counts against a count of the outcomes.
 */
describe('BuildWriter, excluded lines', () => {
  it('writes JSON.stringify({ id, reasons }) and counts each reason (property)', () => {
    const lists = [
      ['private'],
      ['objected'],
      ['minor', 'objected'],
      ['age_unknown', 'no_consent', 'tdm_reserved'],
      ['safety_match'],
    ] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.oneof(
              fc.string(),
              fc.string({ unit: 'binary' }),
              fc.constantFrom('"', '\\', '\n', '\u2028', '\ud800'),
            ),
            list: fc.nat(lists.length - 1),
            shared: fc.boolean(),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        (items) => {
          const dir = mkdtempSync(path.join(tmpdir(), 'build-writer-'));
          try {
            const writer = new BuildWriter(dir, ['in.jsonl'], 100);
            const expected = Object.fromEntries(REASONS.map((r) => [r, 0])) as Record<
              Reason,
              number
            >;
            const outcomes: PackedOutcome[] = items.map(({ id, list, shared }, k) => {
              const reasons = lists[list]!;
              for (const r of reasons) expected[r]++;
              return {
                kind: 'excluded',
                id,
                fingerprint: { hi: k, lo: k + 1 },
                // A worker's batch brings lists of its own: equal lists, not the same object.
                reasons: (shared ? reasons : [...reasons]) as never,
              };
            });
            const result: BatchResult = {
              seq: 0,
              inputIndex: 0,
              numbers: Uint32Array.from(outcomes, (_, k) => k + 1),
              outcomes,
              admitted: new Uint8Array(0),
              leafHashes: new Uint8Array(0),
              subjects: new Uint8Array(0),
            } as BatchResult;
            writer.apply(result);
            writer.finish();
            const lines = readFileSync(path.join(dir, 'excluded.jsonl'), 'utf8');
            expect(lines).toBe(
              items
                .map(({ id, list }) => `${JSON.stringify({ id, reasons: lists[list] })}\n`)
                .join(''),
            );
            expect(writer.byReason).toEqual(expected);
            expect(Object.keys(writer.byReason)).toEqual([...REASONS]);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
