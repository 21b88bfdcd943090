// Long texts detected in pieces (src/pii/text-pieces.ts, issue 17, session 11): the pieces tile
// the text, none is longer than the bound, cuts fall at line breaks where the piece's second half
// has one and never inside a surrogate pair, and findings in later pieces come back at their
// place in the whole text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPii } from '../../src/pii/index.js';
import { PIECE_CHARS, textPieces } from '../../src/pii/text-pieces.js';

const chars = fc.constantFrom('a', 'B', ' ', '\n', '\t', '😀', 'ß', '.', '\u00a0');
const texts = fc.array(chars, { maxLength: 400 }).map((a) => a.join(''));

describe('text pieces', () => {
  it('tile the text, each at most the bound and cut at a line break where the second half has one', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 4, max: 64 }), (text, size) => {
        const pieces = textPieces(text, size);
        expect(pieces[0]![0]).toBe(0);
        expect(pieces[pieces.length - 1]![1]).toBe(text.length);
        for (let k = 0; k < pieces.length; k++) {
          const [a, b] = pieces[k]!;
          if (k > 0) expect(a).toBe(pieces[k - 1]![1]);
          expect(b - a).toBeLessThanOrEqual(size);
          if (k === pieces.length - 1) continue;
          expect(b).toBeGreaterThan(a);
          // Never between the two halves of a surrogate pair.
          const c = text.charCodeAt(b);
          expect(c >= 0xdc00 && c <= 0xdfff).toBe(false);
          const half = a + Math.ceil(size / 2);
          if (text.lastIndexOf('\n', a + size - 1) >= half) expect(text[b - 1]).toBe('\n');
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('leave a text up to the bound whole', () => {
    expect(textPieces('x'.repeat(PIECE_CHARS))).toEqual([[0, PIECE_CHARS]]);
  });

  it('give the findings of each line at their place in a long text', () => {
    const lines = [
      'Bitte ruf Marta Kowalczyk unter 0171 2345678 an.',
      'Die Rechnung geht an marta.k@example.org, IBAN DE89 3704 0044 0532 0130 00.',
      'Ordinary words here, nothing personal at all.',
    ];
    const long = Array.from({ length: 600 }, (_, k) => lines[k % 3]).join('\n');
    expect(long.length).toBeGreaterThan(4 * PIECE_CHARS);
    const found = detectPii(long);
    const expected: { start: number; end: number; type: string }[] = [];
    let at = 0;
    for (let k = 0; k < 600; k++) {
      const line = lines[k % 3]!;
      for (const s of detectPii(line, { lang: 'de' }))
        expected.push({ start: s.start + at, end: s.end + at, type: s.type });
      at += line.length + 1;
    }
    expect(found.map((s) => ({ start: s.start, end: s.end, type: s.type }))).toEqual(expected);
    for (const s of found) expect(long.slice(s.start, s.end)).toBe(s.text);
  });

  it('find a value the cut falls inside, once and whole, in a long text of one line', () => {
    const iban = 'DE89 3704 0044 0532 0130 00';
    const phone = '0171 2345678';
    // The pads put the cut (at white space near PIECE_CHARS) inside the IBAN or the phone.
    for (let pad = PIECE_CHARS - 60; pad < PIECE_CHARS; pad += 3) {
      const text = `${'x'.repeat(pad % 5)}${' wort'.repeat(Math.floor(pad / 5))} Meine IBAN ist ${iban} und die Nummer ${phone} danke.${' wort'.repeat(2000)}`;
      const found = detectPii(text);
      expect(found.filter((s) => s.type === 'IBAN').map((s) => s.text)).toEqual([iban]);
      expect(found.filter((s) => s.type === 'PHONE').map((s) => s.text)).toEqual([phone]);
      for (let k = 1; k < found.length; k++)
        expect(found[k]!.start).toBeGreaterThanOrEqual(found[k - 1]!.end);
    }
  });
});
