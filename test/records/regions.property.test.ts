import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseRegion, regionCode } from '../../src/records/regions.js';

// Region-like values: mostly two letters of either case, some longer, some whose upper case
// is longer than they are ('ß' → 'SS').
const value = fc.oneof(
  fc.stringMatching(/^[a-zA-Z]{2}$/),
  fc.string({ unit: fc.constantFrom('d', 'E', 'ß', 'ı', 'x', '-', '1'), maxLength: 12 }),
);

describe('normaliseRegion', () => {
  it('gives what regionCode gives, asked again and again, past the values it keeps (property)', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3000 }), (values) => {
        for (const v of values) expect(normaliseRegion(v)).toBe(regionCode(v));
        for (const v of values) expect(normaliseRegion(v)).toBe(regionCode(v));
      }),
      { numRuns: 40 },
    );
  });

  it('reads codes in either case and refuses unassigned ones', () => {
    expect(normaliseRegion('de')).toBe('DE');
    expect(normaliseRegion('De')).toBe('DE');
    expect(normaliseRegion('XX')).toBeUndefined();
    expect(normaliseRegion('XX')).toBeUndefined();
    expect(normaliseRegion('DEU')).toBeUndefined();
  });
});
