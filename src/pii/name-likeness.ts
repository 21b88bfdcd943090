import { DE_NOUNS, DE_WORDS, EN_WORDS, FIRST_NAMES, SURNAMES } from './data/gazetteer.js';
import { FUNCTION_WORDS } from './function-words.js';
import { STOPWORDS } from './lang.js';
import { TrigramCounts } from './trigram-counts.js';

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
    sum +=
      Math.log((m.names.trigram(w, i) + K) / (m.names.context(w, i) + K * ALPHABET)) -
      Math.log((m.words.trigram(w, i) + K) / (m.words.context(w, i) + K * ALPHABET));
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
  /** Trigram and two-letter context counts. */
  readonly names: TrigramCounts;
  readonly words: TrigramCounts;
}

let cached: Model | undefined;

// The lists hold dictionary forms; text has inflected ones ("bezahlt", "geholfen", "studied").
// Regular endings are added so the word model knows their letters.
export const DE_FORMS = (w: string) =>
  w.endsWith('en') && w.length > 4
    ? [`${w.slice(0, -2)}t`, `${w.slice(0, -2)}te`, `ge${w.slice(0, -2)}t`, `${w.slice(0, -2)}st`]
    : [];
export const EN_FORMS = (w: string) => [
  `${w}s`,
  `${w.replace(/e$/, '')}ed`,
  `${w.replace(/e$/, '')}ing`,
];

/**
 * Counts a list word and its forms (`forms`). For a word of ASCII characters other than capitals
 * (every entry of the lists today) the forms are counted from the word's own units
 * (`countPlainForms`), which is what their strings would give: their lower case is themselves.
 */
function countInflected(
  counts: TrigramCounts,
  list: readonly string[],
  forms: (w: string) => string[],
  countPlainForms: (counts: TrigramCounts, w: string) => void,
): void {
  for (const w of list) {
    if (plainAscii(w)) {
      counts.addMarked(w);
      countPlainForms(counts, w);
    } else {
      counts.addMarked(w.toLowerCase());
      for (const f of forms(w)) counts.addMarked(f.toLowerCase());
    }
  }
}

/** DE_FORMS of a plain word, counted. */
export function countDeForms(counts: TrigramCounts, w: string): void {
  if (!(w.endsWith('en') && w.length > 4)) return;
  const stem = w.length - 2;
  counts.addUnits('', w, stem, 't');
  counts.addUnits('', w, stem, 'te');
  counts.addUnits('ge', w, stem, 't');
  counts.addUnits('', w, stem, 'st');
}

/** EN_FORMS of a plain word, counted. */
export function countEnForms(counts: TrigramCounts, w: string): void {
  counts.addUnits('', w, w.length, 's');
  const stem = w.endsWith('e') ? w.length - 1 : w.length;
  counts.addUnits('', w, stem, 'ed');
  counts.addUnits('', w, stem, 'ing');
}

/** ASCII without capitals: its lower case, and its forms', are the strings themselves. */
export function plainAscii(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90)) return false;
  }
  return true;
}

function model(): Model {
  if (cached) return cached;
  const count = (list: Iterable<string>) => {
    const counts = new TrigramCounts();
    for (const raw of list) counts.addMarked(raw.toLowerCase());
    return counts;
  };
  const names = new Set([...FIRST_NAMES, ...SURNAMES].flatMap((n) => n.split(/[\s-]+/)));
  const words = new TrigramCounts();
  countInflected(words, DE_WORDS, DE_FORMS, countDeForms);
  for (const w of DE_NOUNS) words.addMarked(w.toLowerCase());
  countInflected(words, EN_WORDS, EN_FORMS, countEnForms);
  for (const w of FUNCTION_WORDS) words.addMarked(w.toLowerCase());
  for (const w of STOPWORDS) words.addMarked(w.toLowerCase());
  cached = { names: count(names), words };
  return cached;
}
