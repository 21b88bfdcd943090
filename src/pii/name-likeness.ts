import { DE_NOUNS, DE_WORDS, EN_WORDS, FIRST_NAMES, SURNAMES } from './data/gazetteer.js';
import { FUNCTION_WORDS } from './function-words.js';
import { STOPWORDS } from './lang.js';

/**
 * How much a word looks like a person's name rather than a German or English word, from its
 * letters alone: the mean log-likelihood ratio of its letter trigrams under two models, one
 * counted over the given names and surnames of the gazetteer, one over its everyday-word lists
 * and the function words. Names of origins the lists do not hold still differ from German and
 * English words in their letters ("-ani", "-oha", "kw", "-eig", vowel endings) where words do
 * not ("-ung", "-lich", "ge-…-t", "-tion"). Positive: more name than word.
 *
 * Built once per process from the lists (about 20,000 words, a few milliseconds); used by the
 * frame rules only for words that no list knows.
 */
export function nameLikeness(word: string): number {
  const lower = word.toLowerCase();
  const known = memo.get(lower);
  if (known !== undefined) return known;
  const score = likeness(lower);
  // Bounded: a stream of distinct words must not grow the process without limit.
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(lower, score);
  return score;
}

const memo = new Map<string, number>();
const MEMO_LIMIT = 50_000;

function likeness(lower: string): number {
  const m = model();
  const w = `^^${lower}$`;
  let sum = 0;
  let n = 0;
  for (let i = 2; i < w.length; i++) {
    const ctx = w.slice(i - 2, i);
    const tri = w.slice(i - 2, i + 1);
    sum +=
      Math.log(((m.names.get(tri) ?? 0) + K) / ((m.names.get(ctx) ?? 0) + K * ALPHABET)) -
      Math.log(((m.words.get(tri) ?? 0) + K) / ((m.words.get(ctx) ?? 0) + K * ALPHABET));
    n++;
  }
  return n === 0 ? 0 : sum / n;
}

/**
 * Thresholds on `nameLikeness` (mean trigram log-likelihood ratio) for a word no list knows:
 * alone, and summed over two such words in a row. Set on the in-distribution, held-out and first
 * blind sets and on ordinary-word retention, never on the second blind set.
 */
export const SINGLE_NAME_LIKENESS = 0.5;
export const NAME_PAIR_LIKENESS = 0.2;
/** For the word after a name found by its letters: its surname unless it looks like a word. */
export const SURNAME_LIKENESS = -0.3;

// Add-k smoothing over an alphabet of about 40 letters and markers.
const K = 0.5;
const ALPHABET = 40;

interface Model {
  /** Trigram and two-letter context counts; keys of length 3 and 2 share one map. */
  readonly names: Map<string, number>;
  readonly words: Map<string, number>;
}

let cached: Model | undefined;

// The lists hold dictionary forms; text has inflected ones ("bezahlt", "geholfen", "studied").
// Regular endings are added so the word model knows their letters.
const DE_FORMS = (w: string) =>
  w.endsWith('en') && w.length > 4
    ? [`${w.slice(0, -2)}t`, `${w.slice(0, -2)}te`, `ge${w.slice(0, -2)}t`, `${w.slice(0, -2)}st`]
    : [];
const EN_FORMS = (w: string) => [`${w}s`, `${w.replace(/e$/, '')}ed`, `${w.replace(/e$/, '')}ing`];
function* inflected(list: readonly string[], forms: (w: string) => string[]): Generator<string> {
  for (const w of list) {
    yield w;
    yield* forms(w);
  }
}

function model(): Model {
  if (cached) return cached;
  const count = (list: Iterable<string>) => {
    const map = new Map<string, number>();
    for (const raw of list) {
      const w = `^^${raw.toLowerCase()}$`;
      for (let i = 2; i < w.length; i++) {
        const ctx = w.slice(i - 2, i);
        const tri = w.slice(i - 2, i + 1);
        map.set(tri, (map.get(tri) ?? 0) + 1);
        map.set(ctx, (map.get(ctx) ?? 0) + 1);
      }
    }
    return map;
  };
  const names = new Set([...FIRST_NAMES, ...SURNAMES].flatMap((n) => n.split(/[\s-]+/)));
  const words = [
    ...inflected(DE_WORDS, DE_FORMS),
    ...DE_NOUNS,
    ...inflected(EN_WORDS, EN_FORMS),
    ...FUNCTION_WORDS,
    ...STOPWORDS,
  ];
  cached = { names: count(names), words: count(words) };
  return cached;
}
