import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NAME_FRAME_PATTERN, nameFrameBefore } from '../../src/pii/person-ordinary.js';

// nameFrameBefore skips the frame pattern where the last word rules every frame out; it must
// answer exactly as the pattern does (second read of session 13: the pattern alone cost a text
// full of names ten times the detector's own work).
const pieces = [
  'Mr',
  'mrs',
  'DR',
  'Frau',
  'herrn',
  'name is',
  "name's",
  'Name ist',
  'heiße',
  'call me',
  'nennt mich',
  'Surname',
  'vorname bitte',
  'first name please',
  'ring',
  'Tell',
  'leave it with',
  'klingeln bei',
  'Owner:',
  'Kunde):',
  'Library',
  'Assistant',
  'with',
  'is',
  's',
  'ſ',
  'mſ',
  'o',
  'é',
  '𝐀',
  '(',
  "'",
  '.',
  ':',
  ',',
  ' ',
  '  ',
  '\t',
  '\n',
  'x',
  '3',
];
const before = fc
  .array(fc.constantFrom(...pieces), { maxLength: 8 })
  .map((p) => p.join(''))
  .map((s) => s.slice(-24));

describe('nameFrameBefore', () => {
  it('answers as the frame pattern does (property)', () => {
    fc.assert(
      fc.property(before, (b) => {
        expect(nameFrameBefore(b)).toBe(NAME_FRAME_PATTERN.test(b));
      }),
      { numRuns: 20000 },
    );
  });

  it('finds the frames by their last word or colon', () => {
    for (const b of [
      'Dear Mr ',
      'Dr. ',
      "my name's ",
      'Owner: ',
      'nachname bitte ',
      'leave it with ',
    ])
      expect(nameFrameBefore(b)).toBe(true);
    for (const b of ['Library ', 'the post of ', 'Mrx ', 'dinner with.x ', ''])
      expect(nameFrameBefore(b)).toBe(false);
  });
});
