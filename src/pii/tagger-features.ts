import {
  AMBIGUOUS_WORD,
  DE_NOUN,
  DE_WORD,
  EN_WORD,
  FIRST,
  FUNCTION,
  PLACE_START,
  STOP,
  SUR,
} from './gazetteer.js';
import { nameLikeness } from './name-likeness.js';
import type { Token } from './tokens.js';

/**
 * The features of the name and place tagger (`tagger.ts`), shared by training
 * (`bench/pii-train`) and tagging so that both see a word the same way.
 *
 * A word's own spelling is a feature only when a list knows it or the model's vocabulary does
 * (words seen often in training and almost never inside a name): a name's spelling would let
 * the model memorise its training names instead of learning the frames and shapes around them.
 */

/** BIO tags over PERSON and LOCATION; the index is the row of a weight vector. */
export const TAGS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'] as const;
export type TagIndex = 0 | 1 | 2 | 3 | 4;
export const TAG_COUNT = TAGS.length;

const LEXICON_BITS: readonly [number, string][] = [
  [FIRST, 'first'],
  [SUR, 'sur'],
  [AMBIGUOUS_WORD, 'amb'],
  [DE_NOUN, 'den'],
  [DE_WORD, 'dew'],
  [EN_WORD, 'enw'],
  [STOP, 'stop'],
  [FUNCTION, 'fn'],
  [PLACE_START, 'pl'],
];

/** Compact lexicon class of a word: which lists hold it, as one short string. */
export function lexicon(f: number): string {
  let s = lexiconNames.get(f);
  if (s !== undefined) return s;
  s = f === 0 ? '-' : '';
  for (const [bit, name] of LEXICON_BITS) if ((f & bit) !== 0) s += `${name}.`;
  lexiconNames.set(f, s);
  return s;
}
// At most 2^9 combinations of list bits.
const lexiconNames = new Map<number, string>();

/** Capital, mixed case inside, hyphen, apostrophe, letters outside ASCII. */
function shape(text: string, t: Token): string {
  const w = text.slice(t.start, t.end);
  let s = t.cap ? 'C' : 'c';
  if (w.length > 1 && /\p{Lu}/u.test(w.slice(1))) s += 'U';
  if (w.includes('-')) s += 'h';
  if (w.includes("'") || w.includes('’')) s += 'a';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII range check
  if (/[^\u0000-\u007f]/.test(w)) s += 'n';
  return s;
}

export function hasDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function lengthClass(n: number): string {
  return n <= 2 ? '2' : n <= 4 ? '4' : n <= 8 ? '8' : 'L';
}

/** Words whose spelling is a feature although no list holds them. */
export interface Vocabulary {
  has(word: string): boolean;
}

/** How a word is written down as context: its spelling if known, else a placeholder. */
export function contextWord(t: Token | undefined, vocab: Vocabulary): string {
  if (t === undefined) return '<>';
  return t.f !== 0 || vocab.has(t.lower) ? t.lower : t.cap ? '?C' : '?c';
}

/** Where a token stands: first of a sentence (S), right after the previous word (j), or not (g). */
export function startClass(tokens: readonly Token[], i: number): string {
  return START_CLASSES[startIndex(tokens, i)]!;
}

/** The start classes by `startIndex`. */
export const START_CLASSES: readonly string[] = ['S', 'j', 'g'];

/** `startClass` as its index in `START_CLASSES`: the tagger's per-word memo slots go by it. */
export function startIndex(tokens: readonly Token[], i: number): number {
  const t = tokens[i]!;
  return t.sentenceStart || i === 0 ? 0 : t.joined ? 1 : 2;
}

/** A token's shape as the features see it: 'x' throughout a transcript. */
export function shapeOf(text: string, t: Token, lowercase: boolean): string {
  return lowercase ? 'x' : shape(text, t);
}

/**
 * The features of a word itself (its letters, lists, shape and place in the sentence), the
 * same wherever the same word stands the same way: the tagger caches their weights by
 * `${lowercase}${shape}${start}|${word}`. The second and third are `sh=` and `lx=`.
 */
export function wordFeatures(
  t: Token,
  lowercase: boolean,
  vocab: Vocabulary,
  sh: string,
  start: string,
): string[] {
  const w = t.lower;
  const lx = lexicon(t.f);
  const f = [
    `m=${lowercase ? 'L' : 'M'}`,
    `sh=${sh}${start}`,
    `lx=${lx}`,
    'b',
    `lx|sh=${lx}|${sh}${start}`,
    `s3=${w.slice(-3)}`,
    `s2=${w.slice(-2)}`,
    `p3=${w.slice(0, 3)}`,
    `len=${lengthClass(w.length)}`,
  ];
  if (t.f !== 0 || vocab.has(w)) f.push(`w=${w}`);
  else {
    f.push(`s4=${w.slice(-4)}`);
    // Letters: the trigram name-likeness of `name-likeness.ts`, in half-unit buckets.
    const nl = Math.max(-4, Math.min(4, Math.round(nameLikeness(w) * 2)));
    f.push(`nl=${nl}`, `nl|sh=${nl}|${sh}${start}`);
  }
  return f;
}

/** The features of the words around token i. */
export function contextFeatures(
  text: string,
  tokens: readonly Token[],
  i: number,
  lowercase: boolean,
  vocab: Vocabulary,
  start: string,
): string[] {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const prev2 = tokens[i - 2];
  const next = tokens[i + 1];
  const next2 = tokens[i + 2];
  const f = [
    `w-1=${start === 'S' ? '<s>' : contextWord(prev, vocab)}`,
    `w-2w-1=${contextWord(prev2, vocab)} ${contextWord(prev, vocab)}`,
    `w+1=${next?.joined ? contextWord(next, vocab) : '</s>'}`,
    `w+1w+2=${contextWord(next, vocab)} ${contextWord(next2, vocab)}`,
    `lx-1=${prev ? lexicon(prev.f) : '<>'}`,
    `lx+1=${next ? lexicon(next.f) : '<>'}`,
    `sh+1=${next === undefined || lowercase ? 'x' : next.cap ? 'C' : 'c'}${next?.joined ? 'j' : 'g'}`,
  ];
  // A number beside a word makes it a unit or a counted thing ("15 Minuten"), rarely a name.
  if (prev && hasDigit(text, prev.end, t.start)) f.push('d-1');
  if (next && hasDigit(text, t.end, next.start)) f.push('d+1');
  if (prev2) f.push(`w-2=${contextWord(prev2, vocab)}`);
  if (next2) f.push(`w+2=${contextWord(next2, vocab)}`);
  return f;
}

/**
 * The features of every token that do not depend on the tags before it (word and context).
 * `lowercase` says the whole text has no capital letter (an ASR transcript), where capitals
 * say nothing.
 */
export function tokenFeatures(
  text: string,
  tokens: readonly Token[],
  lowercase: boolean,
  vocab: Vocabulary,
): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const start = startClass(tokens, i);
    const sh = shapeOf(text, tokens[i]!, lowercase);
    out.push([
      ...wordFeatures(tokens[i]!, lowercase, vocab, sh, start),
      ...contextFeatures(text, tokens, i, lowercase, vocab, start),
    ]);
  }
  return out;
}

/** Features that depend on the two tags before the token (greedy left-to-right decoding). */
export function tagFeatures(base: readonly string[], prev: number, prev2: number): string[] {
  return [`t-1=${prev}`, `t-2t-1=${prev2} ${prev}`, `t-1|${base[1]}`, `t-1|${base[2]}`];
}
