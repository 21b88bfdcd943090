import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldConsent, pseudonymise, stateAfter } from '../../src/consent/index.js';
import { CONSENT_ACTIONS, type ConsentAction } from '../../src/records/index.js';

interface Ev {
  subject: string;
  action: ConsentAction;
  atMs: number;
  order: number;
}

describe('foldConsent', () => {
  const arbEvents = fc.array(
    fc.record({
      subject: fc.constantFrom('s1', 's2', 's3'),
      action: fc.constantFrom(...CONSENT_ACTIONS),
      atMs: fc.integer({ min: 0, max: 20 }),
    }),
    { maxLength: 60 },
  );

  it('picks, per subject, the latest event at or before T, the later import winning ties', () => {
    fc.assert(
      fc.property(arbEvents, fc.integer({ min: -1, max: 21 }), (raw, asOf) => {
        const events: Ev[] = raw.map((e, order) => ({ ...e, order }));
        // The store hands events over sorted by (at, import order).
        const sorted = [...events].sort((a, b) => a.atMs - b.atMs || a.order - b.order);
        const folded = foldConsent(sorted, asOf);
        for (const subject of ['s1', 's2', 's3']) {
          const candidates = events.filter((e) => e.subject === subject && e.atMs <= asOf);
          const expected = candidates.reduce<Ev | undefined>(
            (best, e) =>
              !best || e.atMs > best.atMs || (e.atMs === best.atMs && e.order > best.order)
                ? e
                : best,
            undefined,
          );
          expect(folded.get(subject)).toBe(expected);
        }
      }),
    );
  });

  it('maps actions to states as the contract says', () => {
    expect(stateAfter('object')).toBe('objected');
    expect(stateAfter('consent')).toBe('consented');
    expect(stateAfter('revoke_objection')).toBe('none');
    expect(stateAfter('withdraw_consent')).toBe('none');
  });
});

describe('pseudonymise', () => {
  const key = Buffer.alloc(32, 7);

  it('is stable for one key and differs between keys', () => {
    const s = { platform: 'instagram', account: '123' };
    expect(pseudonymise(key, s)).toBe(pseudonymise(key, { ...s }));
    expect(pseudonymise(Buffer.alloc(32, 8), s)).not.toBe(pseudonymise(key, s));
    expect(pseudonymise(key, s)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps platform and account apart', () => {
    expect(pseudonymise(key, { platform: 'ab', account: 'c' })).not.toBe(
      pseudonymise(key, { platform: 'a', account: 'bc' }),
    );
  });
});
