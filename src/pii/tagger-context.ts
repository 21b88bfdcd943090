import { ObhutError } from '../errors/obhut-error.js';
import { FUNCTION } from './gazetteer.js';
import { PairTable } from './pair-table.js';
import { contextWord, hasDigit, lexicon, TAG_COUNT, type Vocabulary } from './tagger-features.js';
import type { Token } from './tokens.js';

type Weights = ReadonlyMap<string, Float64Array | readonly number[]>;
type Vec = Float64Array | readonly number[];

/**
 * What the model knows of one context word (`contextWord`): the weights of the features that
 * name it, resolved once when the model is indexed, so that tagging a token reads fields
 * instead of building feature strings and looking them up. Weights are offsets into the
 * index's one packed array (`ContextIndex.w`), -1 where the model has no such feature: one
 * array the cache keeps close instead of thousands of small ones.
 */
export interface ContextEntry {
  /** Numeric id, the key of the word-pair table (`ContextIndex.pairs`); -1 for `unknown`. */
  readonly id: number;
  /** `w-1=word`, `w+1=word`, `w-2=word`, `w+2=word`. */
  prev1: number;
  next1: number;
  prev2: number;
  next2: number;
}

/**
 * The context features of `contextFeatures` (tagger-features.ts) looked up without building
 * their strings. Adds the same vectors in the same order as scoring the feature strings would,
 * so the sums are the same to the last bit (tested against `contextFeatures`).
 */
export interface ContextIndex {
  /** The weight vectors of every context feature, TAG_COUNT numbers each, packed. */
  readonly w: Float64Array;
  /** Every word any context feature names, '<>' '<s>' '</s>' '?C' '?c' among them. */
  readonly words: ReadonlyMap<string, ContextEntry>;
  /** `w-2w-1=a b` (side 0) and `w+1w+2=a b` (side 1) by the ids of a and b. */
  readonly pairs: PairTable;
  /** A word no context feature names: no weights, in no pair. */
  readonly unknown: ContextEntry;
  /** '<>' (no word there), '<s>' (sentence start, as w-1), '</s>' (no joined word, as w+1). */
  readonly none: ContextEntry;
  readonly sentenceStart: ContextEntry;
  readonly sentenceEnd: ContextEntry;
  readonly lexNone: readonly [number, number];
  /** `lx-1=` and `lx+1=` by the list class string; `lexicon(f)` maps a token's bits to it. */
  readonly lexPrev: ReadonlyMap<string, number>;
  readonly lexNext: ReadonlyMap<string, number>;
  /** `sh+1=` by capital class (none, capital, lower) and gap: joined 0-2, gapped 3-5. */
  readonly shapeNext: readonly number[];
  readonly digitBefore: number;
  readonly digitAfter: number;
  /** `lx-1=` (at 2 * bits) and `lx+1=` (at 2 * bits + 1) offsets by a token's list bits; -2: not yet looked up. */
  readonly lexByBits: Int32Array;
}

const SHAPES = ['xj', 'Cj', 'cj', 'xg', 'Cg', 'cg'] as const;
/** A token's list bits (gazetteer.ts) are below twice the highest one, FUNCTION. */
const LIST_BITS = FUNCTION << 1;

export function indexContext(weights: Weights): ContextIndex {
  const packed: number[] = [];
  const pack = (vec: Vec): number => {
    const at = packed.length;
    for (let k = 0; k < TAG_COUNT; k++) packed.push(vec[k]!);
    return at;
  };
  const words = new Map<string, ContextEntry>();
  const entry = (word: string): ContextEntry => {
    let e = words.get(word);
    if (!e) {
      e = {
        id: words.size,
        prev1: -1,
        next1: -1,
        prev2: -1,
        next2: -1,
      };
      words.set(word, e);
    }
    return e;
  };
  const lexPrev = new Map<string, number>();
  const lexNext = new Map<string, number>();
  const shapeNext: number[] = SHAPES.map(() => -1);
  let digitBefore = -1;
  let digitAfter = -1;
  // (a, b, side, offset) of each pair feature, for the table made once every word has its id.
  const pairList: number[] = [];
  // `forEach` rather than `for … of` with destructuring: this runs once per process over 34,100
  // features, before the optimising compiler takes it, and the iterator's result objects and
  // destructuring cost more than the work; the order of the entries is the same.
  weights.forEach((vec, feature) => {
    const eq = feature.indexOf('=');
    const kind = eq < 0 ? feature : feature.slice(0, eq);
    const value = eq < 0 ? '' : feature.slice(eq + 1);
    switch (kind) {
      case 'w-1':
        entry(value).prev1 = pack(vec);
        break;
      case 'w+1':
        entry(value).next1 = pack(vec);
        break;
      case 'w-2':
        entry(value).prev2 = pack(vec);
        break;
      case 'w+2':
        entry(value).next2 = pack(vec);
        break;
      case 'w-2w-1':
      case 'w+1w+2': {
        const sp = value.indexOf(' ');
        const a = entry(value.slice(0, sp));
        const b = entry(value.slice(sp + 1));
        pairList.push(a.id, b.id, kind === 'w-2w-1' ? 0 : 1, pack(vec));
        break;
      }
      case 'lx-1':
        lexPrev.set(value, pack(vec));
        break;
      case 'lx+1':
        lexNext.set(value, pack(vec));
        break;
      case 'sh+1': {
        const k = SHAPES.indexOf(value as (typeof SHAPES)[number]);
        if (k >= 0) shapeNext[k] = pack(vec);
        break;
      }
      case 'd-1':
        digitBefore = pack(vec);
        break;
      case 'd+1':
        digitAfter = pack(vec);
        break;
      default:
      // A word feature or a tag feature: not context.
    }
  });
  const unknown: ContextEntry = { id: -1, prev1: -1, next1: -1, prev2: -1, next2: -1 };
  const pairs = new PairTable(Math.max(1, words.size));
  for (let k = 0; k < pairList.length; k += 4)
    pairs.set(pairList[k]!, pairList[k + 1]!, pairList[k + 2] as 0 | 1, pairList[k + 3]!);
  return {
    w: Float64Array.from(packed),
    words,
    pairs,
    unknown,
    none: words.get('<>') ?? unknown,
    sentenceStart: words.get('<s>') ?? unknown,
    sentenceEnd: words.get('</s>') ?? unknown,
    lexNone: [lexPrev.get('<>') ?? -1, lexNext.get('<>') ?? -1],
    lexPrev,
    lexNext,
    shapeNext,
    digitBefore,
    digitAfter,
    lexByBits: new Int32Array(2 * LIST_BITS).fill(-2),
  };
}

if (TAG_COUNT !== 5)
  throw new ObhutError('INTERNAL', 'tagger-context: scoreContext is unrolled for 5 tags');

/** The `lx-1=` (side 0) or `lx+1=` (side 1) offset for a token's list bits. */
function lexWeight(index: ContextIndex, f: number, side: 0 | 1): number {
  // A list bit added to gazetteer.ts above FUNCTION must move LIST_BITS with it; past the
  // table the look-up would read undefined and drop the weight without a word.
  if (f >= LIST_BITS) throw new RangeError(`list bits ${f} beyond the tagger's table`);
  const slot = 2 * f + side;
  let at = index.lexByBits[slot]!;
  if (at === -2) {
    const name = lexicon(f);
    index.lexByBits[2 * f] = index.lexPrev.get(name) ?? -1;
    index.lexByBits[2 * f + 1] = index.lexNext.get(name) ?? -1;
    at = index.lexByBits[slot]!;
  }
  return at;
}

/** The offsets of one token's context vectors, in the order they are added (at most 11). */
const offsets = new Int32Array(11);

/**
 * Sets `into` to the summed weights of token i's context features. `words` holds the context
 * entries of the tokens (`contextEntries`). The vectors are added in the order of
 * `contextFeatures`, each tag's sum in five locals from 0, so the sums are those of adding
 * them one by one into a zeroed array; no index outside the token list is read (a negative
 * or past-the-end index sends V8 to its slow element look-up).
 */
export function scoreContext(
  index: ContextIndex,
  text: string,
  tokens: readonly Token[],
  words: readonly ContextEntry[],
  i: number,
  lowercase: boolean,
  start: string,
  into: Float64Array,
): void {
  const n = tokens.length;
  const t = tokens[i]!;
  const prev = i > 0 ? tokens[i - 1]! : undefined;
  const next = i + 1 < n ? tokens[i + 1]! : undefined;
  const none = index.none;
  const w1 = i > 0 ? words[i - 1]! : none;
  const w2 = i > 1 ? words[i - 2]! : none;
  const n1 = i + 1 < n ? words[i + 1]! : none;
  const n2 = i + 2 < n ? words[i + 2]! : none;
  const at = offsets;
  let m = 0;
  let o = (start === 'S' ? index.sentenceStart : w1).prev1;
  if (o >= 0) at[m++] = o;
  o = index.pairs.get(w2.id, w1.id, 0);
  if (o >= 0) at[m++] = o;
  o = (next?.joined ? n1 : index.sentenceEnd).next1;
  if (o >= 0) at[m++] = o;
  o = index.pairs.get(n1.id, n2.id, 1);
  if (o >= 0) at[m++] = o;
  o = prev ? lexWeight(index, prev.f, 0) : index.lexNone[0];
  if (o >= 0) at[m++] = o;
  o = next ? lexWeight(index, next.f, 1) : index.lexNone[1];
  if (o >= 0) at[m++] = o;
  const capital = next === undefined || lowercase ? 0 : next.cap ? 1 : 2;
  o = index.shapeNext[next?.joined ? capital : 3 + capital]!;
  if (o >= 0) at[m++] = o;
  if (prev && index.digitBefore >= 0 && hasDigit(text, prev.end, t.start))
    at[m++] = index.digitBefore;
  if (next && index.digitAfter >= 0 && hasDigit(text, t.end, next.start))
    at[m++] = index.digitAfter;
  if (i >= 2 && w2.prev2 >= 0) at[m++] = w2.prev2;
  if (i + 2 < n && n2.next2 >= 0) at[m++] = n2.next2;
  const w = index.w;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let j = 0; j < m; j++) {
    const k = at[j]!;
    s0 += w[k]!;
    s1 += w[k + 1]!;
    s2 += w[k + 2]!;
    s3 += w[k + 3]!;
    s4 += w[k + 4]!;
  }
  into[0] = s0;
  into[1] = s1;
  into[2] = s2;
  into[3] = s3;
  into[4] = s4;
}

/** Each token's context entry: how it is written down as context (`contextWord`), once per text. */
export function contextEntries(
  index: ContextIndex,
  tokens: readonly Token[],
  vocab: Vocabulary,
): ContextEntry[] {
  return tokens.map((t) => contextEntry(index, t, vocab));
}

/** One token's context entry: a function of its spelling (lower case, list bits, capital). */
export function contextEntry(index: ContextIndex, t: Token, vocab: Vocabulary): ContextEntry {
  return index.words.get(contextWord(t, vocab)) ?? index.unknown;
}
