import { describe, expect, it } from 'vitest';
import { generateTraining, seededRandom } from '../../bench/pii-train/generate.js';
import { evaluationWords, namePools } from '../../bench/pii-train/names.js';
import {
  DEV_ORIGINS,
  syllableGiven,
  syllableSurname,
  TRAIN_ORIGINS,
} from '../../bench/pii-train/syllables.js';

describe('names from syllable models', () => {
  it('keeps the held-out origins out of training', () => {
    for (const k of Object.keys(DEV_ORIGINS)) expect(Object.keys(TRAIN_ORIGINS)).not.toContain(k);
  });

  it('makes capitalised names, the same for a seed', () => {
    const make = () => {
      const rnd = seededRandom(3);
      return Object.values(TRAIN_ORIGINS).flatMap((m) => [
        syllableGiven(rnd, m),
        syllableSurname(rnd, m),
      ]);
    };
    const names = make();
    expect(make()).toEqual(names);
    for (const n of names) expect(n).toMatch(/^(?:\p{L}+[ '-]?)*\p{Lu}[\p{L}'-]*$/u);
  });

  it('puts no word of an evaluation set into a training name', () => {
    const evaluation = evaluationWords();
    const items = generateTraining({
      sentences: 3000,
      seed: 17,
      pool: namePools().train,
      syllables: TRAIN_ORIGINS,
      syllableShare: 1,
      gazetteerShare: 0,
    });
    let names = 0;
    for (const item of items)
      for (const s of item.spans) {
        if (s.type !== 'PERSON') continue;
        names++;
        for (const w of item.text
          .slice(s.start, s.end)
          .toLowerCase()
          .split(/[\s.-]+/))
          expect(evaluation.has(w), w).toBe(false);
      }
    expect(names).toBeGreaterThan(500);
  });
});
