// English digits as a caller says them ("oh", "double", "triple"), for the development sets that
// write their own spoken phone numbers (dev-reach, dev-reach2). One function, so both sets draw
// in the same order; each set keeps its own share of "oh" against "zero".

/** A source of uniform numbers in [0, 1), as the dev sets' seeded generators. */
type R = () => number;

const EN_DIGIT = 'oh one two three four five six seven eight nine'.split(' ');

/** `digits` as words: a 0 is "oh" with probability `ohShare`, else "zero"; runs often doubled. */
export function sayEnDigits(r: R, digits: string, ohShare: number): string {
  const out: string[] = [];
  for (let i = 0; i < digits.length; ) {
    const d = digits[i]!;
    let run = 1;
    while (digits[i + run] === d) run++;
    const word = d === '0' ? (r() < ohShare ? 'oh' : 'zero') : EN_DIGIT[+d]!;
    if (run >= 3 && r() < 0.6) {
      out.push(`triple ${word}`);
      i += 3;
    } else if (run >= 2 && r() < 0.8) {
      out.push(`double ${word}`);
      i += 2;
    } else {
      out.push(word);
      i += 1;
    }
  }
  return out.join(' ');
}
