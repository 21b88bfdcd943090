import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConsentState } from '../../src/consent/index.js';
import {
  canonicalPolicyJson,
  compilePolicy,
  DEFAULT_POLICY,
  decide,
  type Policy,
  parsePolicy,
} from '../../src/policy/index.js';
import type { ItemFacts } from '../../src/records/index.js';

const item = (over: Partial<ItemFacts> = {}): ItemFacts => ({
  id: 'x',
  kind: 'text',
  media: undefined,
  account: { platform: 'ig', account: '1' },
  region: 'DE',
  age: 'adult',
  visibility: 'public',
  tdmReserved: false,
  ...over,
});

const policy = (over: Partial<Policy> = {}) => compilePolicy({ ...DEFAULT_POLICY, ...over });

// decide() as it was written before its decisions were shared: one reason pushed per rule.
function reference(facts: ItemFacts, consent: ConsentState, p: Policy): string[] {
  const reasons: string[] = [];
  if (p.exclude_private && facts.visibility === 'private') reasons.push('private');
  if (p.exclude_minors && facts.age === 'minor') reasons.push('minor');
  if (p.unknown_age === 'exclude' && facts.age === 'unknown') reasons.push('age_unknown');
  if (consent === 'objected') reasons.push('objected');
  const region = facts.region === undefined ? undefined : p.regions[facts.region]?.default;
  if (consent !== 'consented' && (region ?? p.default) === 'exclude') reasons.push('no_consent');
  if (p.honor_tdm_reservation && facts.tdmReserved) reasons.push('tdm_reserved');
  return reasons;
}

describe('decide', () => {
  it('reports every rule that excludes, in their order, for any item and policy (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          visibility: fc.constantFrom('public' as const, 'private' as const),
          age: fc.constantFrom('adult' as const, 'minor' as const, 'unknown' as const),
          region: fc.constantFrom('DE', 'US', undefined),
          tdmReserved: fc.boolean(),
        }),
        fc.constantFrom<ConsentState>('none', 'objected', 'consented'),
        fc.record({
          default: fc.constantFrom('include' as const, 'exclude' as const),
          exclude_private: fc.boolean(),
          exclude_minors: fc.boolean(),
          unknown_age: fc.constantFrom('include' as const, 'exclude' as const),
          honor_tdm_reservation: fc.boolean(),
          us: fc.constantFrom('include' as const, 'exclude' as const, undefined),
        }),
        (facts, consent, { us, ...rules }) => {
          const p: Policy = {
            ...DEFAULT_POLICY,
            ...rules,
            regions: us === undefined ? {} : { US: { default: us } },
          };
          const expected = reference(item(facts), consent, p);
          const d = decide(item(facts), consent, compilePolicy(p));
          // Twice: a decision given again (shared between items) must not have changed.
          const again = decide(item(facts), consent, compilePolicy(p));
          for (const got of [d, again]) {
            expect(got).toEqual(
              expected.length === 0 ? { admit: true } : { admit: false, reasons: expected },
            );
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('admits an adult public item with no decision under the default opt-out policy', () => {
    expect(decide(item(), 'none', policy())).toEqual({ admit: true });
  });

  it('reports every applicable reason in a fixed order', () => {
    const d = decide(
      item({ visibility: 'private', age: 'minor', tdmReserved: true }),
      'objected',
      policy({ default: 'exclude' }),
    );
    expect(d).toEqual({
      admit: false,
      reasons: ['private', 'minor', 'objected', 'no_consent', 'tdm_reserved'],
    });
  });

  it('excludes unknown ages only when the policy says so', () => {
    expect(decide(item({ age: 'unknown' }), 'none', policy()).admit).toBe(true);
    expect(decide(item({ age: 'unknown' }), 'none', policy({ unknown_age: 'exclude' }))).toEqual({
      admit: false,
      reasons: ['age_unknown'],
    });
  });

  describe('when a region overrides the default', () => {
    const optInEu = policy({ regions: { EU: { default: 'exclude' } } });

    it('needs consent inside the region and not outside it', () => {
      expect(decide(item({ region: 'FR' }), 'none', optInEu)).toEqual({
        admit: false,
        reasons: ['no_consent'],
      });
      expect(decide(item({ region: 'FR' }), 'consented', optInEu)).toEqual({ admit: true });
      expect(decide(item({ region: 'US' }), 'none', optInEu)).toEqual({ admit: true });
      expect(decide(item({ region: undefined }), 'none', optInEu)).toEqual({ admit: true });
    });

    it('lets a country key win over EU, and EU over EEA', () => {
      const p = policy({
        default: 'exclude',
        regions: {
          EEA: { default: 'exclude' },
          EU: { default: 'include' },
          DE: { default: 'exclude' },
        },
      });
      expect(decide(item({ region: 'DE' }), 'none', p).admit).toBe(false);
      expect(decide(item({ region: 'FR' }), 'none', p).admit).toBe(true);
      expect(decide(item({ region: 'NO' }), 'none', p).admit).toBe(false);
    });
  });

  const arbFacts = fc.record({
    visibility: fc.constantFrom('public' as const, 'private' as const),
    age: fc.constantFrom('adult' as const, 'minor' as const, 'unknown' as const),
    region: fc.constantFrom(undefined, 'DE', 'US', 'NO', 'FR'),
    tdmReserved: fc.boolean(),
  });
  const arbPolicy = fc.record({
    default: fc.constantFrom('include' as const, 'exclude' as const),
    regions: fc.constantFrom<Policy['regions']>(
      {},
      { EU: { default: 'exclude' } },
      { US: { default: 'exclude' } },
    ),
    exclude_private: fc.boolean(),
    exclude_minors: fc.boolean(),
    unknown_age: fc.constantFrom('include' as const, 'exclude' as const),
    honor_tdm_reservation: fc.boolean(),
  });
  const arbState = fc.constantFrom<ConsentState>('none', 'objected', 'consented');

  it('never admits an objected subject, whatever the policy', () => {
    fc.assert(
      fc.property(arbFacts, arbPolicy, (facts, p) => {
        expect(decide(item(facts), 'objected', policy(p)).admit).toBe(false);
      }),
    );
  });

  it('never lets consent override private, minor or a TDM reservation', () => {
    fc.assert(
      fc.property(arbFacts, arbPolicy, (facts, p) => {
        const d = decide(item(facts), 'consented', policy(p));
        const blocked =
          (p.exclude_private && facts.visibility === 'private') ||
          (p.exclude_minors && facts.age === 'minor') ||
          (p.unknown_age === 'exclude' && facts.age === 'unknown') ||
          (p.honor_tdm_reservation && facts.tdmReserved);
        expect(d.admit).toBe(!blocked);
      }),
    );
  });

  it('admits exactly when no reason applies, and reasons are never duplicated', () => {
    fc.assert(
      fc.property(arbFacts, arbPolicy, arbState, (facts, p, state) => {
        const d = decide(item(facts), state, policy(p));
        if (!d.admit) {
          expect(d.reasons.length).toBeGreaterThan(0);
          expect(new Set(d.reasons).size).toBe(d.reasons.length);
        }
      }),
    );
  });
});

describe('parsePolicy', () => {
  it('fills in the defaults for an empty policy', () => {
    expect(parsePolicy('{}')).toEqual({ ok: true, value: DEFAULT_POLICY });
  });

  it('reads YAML as well as JSON', () => {
    const yaml = 'purpose: ai_training\ndefault: exclude\nregions:\n  EU:\n    default: exclude\n';
    const parsed = parsePolicy(yaml);
    expect(parsed.ok && parsed.value.default).toBe('exclude');
    expect(parsed.ok && parsed.value.regions).toEqual({ EU: { default: 'exclude' } });
  });

  it.each([
    ['{"exclude_minor": true}', 'exclude_minor'],
    ['{"purpose": "marketing"}', 'purpose'],
    ['{"regions": {"Germany": {"default": "exclude"}}}', 'region keys'],
    ['{"regions": {"de": {"default": "exclude"}}}', 'region keys'],
    ['{"default": "maybe"}', 'default'],
    ['{"unknown_age": true}', 'unknown_age'],
    ['[1, 2', 'not valid JSON or YAML'],
  ])('rejects %s naming the problem', (text, needle) => {
    const parsed = parsePolicy(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(needle);
  });

  it('gives equal canonical JSON for equal policies written in different key orders', () => {
    const a = parsePolicy(
      '{"default":"exclude","regions":{"US":{"default":"include"},"EU":{"default":"exclude"}}}',
    );
    const b = parsePolicy(
      'regions:\n  EU: {default: exclude}\n  US: {default: include}\ndefault: exclude\n',
    );
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(canonicalPolicyJson(a.value)).toBe(canonicalPolicyJson(b.value));
  });
});
