import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedSubjects } from '../../src/lineage/index.js';

const pseudonym = fc
  .uint8Array({ minLength: 32, maxLength: 32 })
  .map((b) => Buffer.from(b).toString('hex'));

describe('SortedSubjects', () => {
  it('answers membership exactly as a set of the sorted list would', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(pseudonym, { maxLength: 40 }),
        fc.array(pseudonym, { maxLength: 10 }),
        (list, others) => {
          const sorted = [...list].sort();
          const subjects = new SortedSubjects(Buffer.from(sorted.join(''), 'hex'));
          expect(subjects.size).toBe(list.length);
          for (const s of [...list, ...others]) expect(subjects.has(s)).toBe(list.includes(s));
        },
      ),
    );
  });

  it('rejects a list that is not whole pseudonyms, and answers no for a malformed one', () => {
    expect(() => new SortedSubjects(Buffer.alloc(33))).toThrow(RangeError);
    expect(new SortedSubjects(Buffer.alloc(32)).has('00')).toBe(false);
  });
});
