import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PackedOutcome } from '../../src/evaluation/evaluate-batch.js';
import { packOutcomes, unpackOutcomes } from '../../src/evaluation/outcome-wire.js';
import { ITEM_KINDS } from '../../src/records/index.js';

const fingerprint = fc.record({
  hi: fc.nat(0xffffffff),
  lo: fc.integer({ min: 1, max: 0xffffffff }),
});
// Ids of any UTF-16, lone surrogates included: the column of ids is one string sliced again.
const id = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 });
const reasons = fc.subarray(['private', 'minor', 'objected', 'tdm_reserved'] as const, {
  minLength: 1,
});

const outcome: fc.Arbitrary<PackedOutcome> = fc.oneof(
  fc.record({ kind: fc.constant('excluded' as const), id, fingerprint, reasons }),
  fc.record({
    kind: fc.constant('admitted' as const),
    id,
    itemKind: fc.constantFrom(...ITEM_KINDS),
    fingerprint,
    length: fc.nat(0xffffffff),
    hasSubject: fc.boolean(),
  }),
  // Shapes that travel as themselves.
  fc.record({ kind: fc.constant('blank' as const) }),
  fc.record({
    kind: fc.constant('rejected' as const),
    code: fc.constant('RECORD_INVALID' as const),
    error: fc.string(),
  }),
  fc.record({
    kind: fc.constant('excluded' as const),
    id,
    fingerprint,
    reasons,
    signals: fc.constant([{ type: 'robots' as const, detail: 'x' }]),
  }),
  fc.record({
    kind: fc.constant('admitted' as const),
    id,
    itemKind: fc.constantFrom(...ITEM_KINDS),
    fingerprint,
    length: fc.nat(1000),
    hasSubject: fc.boolean(),
    pii: fc.constant({ EMAIL: 2 }),
  }),
) as fc.Arbitrary<PackedOutcome>;

describe('outcome columns between threads', () => {
  it('unpack(pack(outcomes)) gives the outcomes back, in order', () => {
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 200 }), (outcomes) => {
        // What crosses the thread is a structured clone of the columns.
        expect(unpackOutcomes(structuredClone(packOutcomes(outcomes)))).toEqual(outcomes);
      }),
    );
  });
});
