// parseTaggerModel reads the integers of a weight line by their characters into one packed
// array; it must give what reading every line with split and Number gave (the first version,
// kept here as the reference): the same features, in the same order, with the same doubles
// (-0 included), and the same lines refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TAGGER_MODEL } from '../../src/pii/data/tagger-model.js';
import { parseTaggerModel, type SerialisedTaggerModel } from '../../src/pii/tagger-model.js';

function reference(data: SerialisedTaggerModel): Map<string, number[]> {
  const weights = new Map<string, number[]>();
  for (const line of data.weights.split('\n')) {
    if (line === '') continue;
    const tab = line.lastIndexOf('\t');
    const values = line
      .slice(tab + 1)
      .split(' ')
      .map((v) => Number(v) / data.scale);
    if (values.length !== 5 || values.some((v) => !Number.isFinite(v))) throw new Error('bad');
    weights.set(line.slice(0, tab), values);
  }
  return weights;
}

/** Entries as strings that tell -0 from 0. */
function entries(weights: ReadonlyMap<string, ArrayLike<number>>): string[] {
  return [...weights].map(
    ([f, w]) => `${f}\t${Array.from(w, (v) => (Object.is(v, -0) ? '-0' : String(v))).join(' ')}`,
  );
}

function outcome(parse: () => ReadonlyMap<string, ArrayLike<number>>): string[] | 'throws' {
  try {
    return entries(parse());
  } catch {
    return 'throws';
  }
}

// Values as written, and forms only Number reads: empty, signs, exponents, spaces, hex, long.
const VALUE = fc.oneof(
  fc.integer({ min: -200000, max: 200000 }).map(String),
  fc.constantFrom(
    '-0',
    '0',
    '007',
    '',
    '+5',
    '1e3',
    ' 4',
    '0x1f',
    '1.5',
    'x',
    '-',
    '9007199254740993',
    '123456789012345',
    '1234567890123456',
  ),
);
const LINE = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('w=a', 'sh=Xx', 'w-2w-1=a b', 'lx|F', 'k\tk', ''),
      fc.array(VALUE, { minLength: 4, maxLength: 6 }),
    )
    .map(([f, vs]) => `${f}\t${vs.join(' ')}`),
  fc.constantFrom('', 'no tab 1 2 3 4 5', '1 2 3 4 5', 'a\t1 2 3 4 5\r', 'a\t1  2 3 4 5'),
);

describe('parseTaggerModel', () => {
  it('reads the committed model as split and Number do', () => {
    expect(entries(parseTaggerModel(TAGGER_MODEL).weights)).toEqual(
      entries(reference(TAGGER_MODEL)),
    );
  });

  it('reads any weight text as split and Number do, and refuses the same (property)', () => {
    fc.assert(
      fc.property(fc.array(LINE, { maxLength: 6 }), fc.constantFrom(1, 7, 100), (lines, scale) => {
        const data = { scale, vocab: '', weights: lines.join('\n') };
        expect(outcome(() => parseTaggerModel(data).weights)).toEqual(
          outcome(() => reference(data)),
        );
      }),
      { numRuns: 5000 },
    );
  });
});
