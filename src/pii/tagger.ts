import {
  type ContextEntry,
  type ContextIndex,
  contextEntry,
  indexContext,
  scoreContext,
} from './tagger-context.js';
import {
  START_CLASSES,
  shapeOf,
  startIndex,
  TAG_COUNT,
  type TagIndex,
  tagFeatures,
  wordFeatures,
} from './tagger-features.js';
import type { Token } from './tokens.js';

/**
 * A small sequence tagger for names of people and places where the rules of `names.ts` and
 * `frames.ts` stop: an averaged perceptron (weights per feature and tag) decoded greedily left
 * to right, each decision seeing the two tags before it. Trained by `npm run train:pii` on
 * generated sentences (`bench/pii-train`); the weights are data (`data/tagger-model.ts`).
 * Pure: no I/O.
 */
export interface TaggerModel {
  /** Feature → one weight per tag (`TAGS`). */
  readonly weights: ReadonlyMap<string, Float64Array | readonly number[]>;
  /** Words whose spelling is a feature although no list holds them (`tagger-features.ts`). */
  readonly vocab: ReadonlySet<string>;
}

export interface TaggedSpan {
  /** Indices of the first and last token. */
  readonly from: number;
  readonly to: number;
  readonly type: 'PERSON' | 'LOCATION';
  /** Smallest margin of the chosen tag over the best other tag, over the span's tokens. */
  readonly margin: number;
}

/** Whether tag `t` may follow tag `prev`: an inside tag continues its own kind only. */
export function allowed(prev: number, t: number): boolean {
  if (t === 2) return prev === 1 || prev === 2;
  if (t === 4) return prev === 3 || prev === 4;
  return true;
}

/** Scores of every tag for one token, given its features. */
export function scoreTags(
  weights: TaggerModel['weights'],
  features: readonly string[],
  into: Float64Array,
): void {
  into.fill(0);
  for (const f of features) {
    const w = weights.get(f);
    if (w === undefined) continue;
    for (let k = 0; k < TAG_COUNT; k++) into[k]! += w[k]!;
  }
}

// Summed weights of a word's own features, per model, by shape, position and spelling: most
// words of a text were seen before, and these are half of a token's features. Bounded.
interface WordEntry {
  readonly sum: Float64Array;
  readonly tag: string[];
  /**
   * Weights of the tag features, by previous tags (prev * TAG_COUNT + prev2), filled lazily.
   * The tag features name only the word's `sh=` and `lx=` features (`tagFeatures`), so every
   * word of one shape and list class shares this array: a few hundred small arrays that stay
   * in the cache instead of one per word.
   */
  readonly byTags: (Float64Array | undefined)[];
}
/**
 * The word entries live on the token's `Spelling` (tokens.ts), six slots by transcript or
 * written text and by where the word stands (S, j, g); slot 6 holds its context entry. An
 * entry is a function of the spelling (its lower case, lists, shape and capital follow from
 * it), so the shape's regexes run once per new spelling instead of once per token; the
 * spelling table is bounded, and so are these.
 */
interface WordCache {
  /** The shared `byTags` arrays by `sh=` and `lx=` feature; never cleared (bounded by the classes). */
  readonly byClass: Map<string, (Float64Array | undefined)[]>;
}
const wordCache = new WeakMap<TaggerModel, WordCache>();
const contextIndex = new WeakMap<TaggerModel, ContextIndex>();
/** Slot of a spelling's memo holding its context entry. */
const CONTEXT_SLOT = 6;

/** The model's memo slots of a token's spelling, made (or remade for another model) on first use. */
function memoOf(model: TaggerModel, t: Token): unknown[] {
  const sp = t.spelling;
  if (sp.memoOwner !== model || sp.memo === undefined) {
    sp.memo = [undefined, undefined, undefined, undefined, undefined, undefined, undefined];
    sp.memoOwner = model;
  }
  return sp.memo;
}

function wordEntry(
  model: TaggerModel,
  cache: WordCache,
  text: string,
  t: Token,
  lowercase: boolean,
  startAt: number,
): WordEntry {
  const memo = memoOf(model, t);
  const slot = (lowercase ? 0 : 3) + startAt;
  let word = memo[slot] as WordEntry | undefined;
  if (!word) {
    const start = START_CLASSES[startAt]!;
    const features = wordFeatures(t, lowercase, model.vocab, shapeOf(text, t, lowercase), start);
    const sum = new Float64Array(TAG_COUNT);
    scoreTags(model.weights, features, sum);
    const cls = `${features[1]}\t${features[2]}`;
    let byTags = cache.byClass.get(cls);
    if (!byTags) {
      byTags = [];
      cache.byClass.set(cls, byTags);
    }
    word = { sum, tag: features, byTags };
    memo[slot] = word;
  }
  return word;
}

/** Each token's context entry (`contextEntries`), kept on its spelling. */
function memoContextEntries(
  model: TaggerModel,
  index: ContextIndex,
  tokens: readonly Token[],
): ContextEntry[] {
  const out: ContextEntry[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const memo = memoOf(model, t);
    let e = memo[CONTEXT_SLOT] as ContextEntry | undefined;
    if (e === undefined) {
      e = contextEntry(index, t, model.vocab);
      memo[CONTEXT_SLOT] = e;
    }
    out[i] = e;
  }
  return out;
}

const contextSums = new Float64Array(TAG_COUNT);

/** The best allowed tag of each token, left to right, and its margin over the runner-up. */
export function decode(
  model: TaggerModel,
  text: string,
  tokens: readonly Token[],
  lowercase: boolean,
): { tags: TagIndex[]; margins: number[] } {
  let cache = wordCache.get(model);
  if (!cache) {
    cache = { byClass: new Map() };
    wordCache.set(model, cache);
  }
  let index = contextIndex.get(model);
  if (!index) {
    index = indexContext(model.weights);
    contextIndex.set(model, index);
  }
  const words = memoContextEntries(model, index, tokens);
  const tags: TagIndex[] = [];
  const margins: number[] = [];
  // One array for every call: a typed array costs more to make than a text's tokens to score.
  const s = contextSums;
  let prev = 0;
  let prev2 = 0;
  for (let i = 0; i < tokens.length; i++) {
    const startAt = startIndex(tokens, i);
    const start = START_CLASSES[startAt]!;
    const word = wordEntry(model, cache, text, tokens[i]!, lowercase, startAt);
    scoreContext(index, text, tokens, words, i, lowercase, start, s);
    const pair = prev * TAG_COUNT + prev2;
    let extra = word.byTags[pair];
    if (!extra) {
      extra = new Float64Array(TAG_COUNT);
      scoreTags(model.weights, tagFeatures(word.tag, prev, prev2), extra);
      word.byTags[pair] = extra;
    }
    const sum = word.sum;
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    let second = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < TAG_COUNT; k++) {
      if (!allowed(prev, k)) continue;
      const v = s[k]! + extra[k]! + sum[k]!;
      if (v > bestScore) {
        second = bestScore;
        bestScore = v;
        best = k;
      } else if (v > second) second = v;
    }
    tags.push(best as TagIndex);
    margins.push(bestScore - second);
    prev2 = prev;
    prev = best;
  }
  return { tags, margins };
}

/** Spans of consecutive tokens tagged as one person or place. */
export function tagSpans(tags: readonly TagIndex[], margins: readonly number[]): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  let i = 0;
  while (i < tags.length) {
    const t = tags[i]!;
    if (t !== 1 && t !== 3) {
      i++;
      continue;
    }
    let j = i;
    let margin = margins[i]!;
    while (j + 1 < tags.length && tags[j + 1] === t + 1) {
      j++;
      margin = Math.min(margin, margins[j]!);
    }
    spans.push({ from: i, to: j, type: t === 1 ? 'PERSON' : 'LOCATION', margin });
    i = j + 1;
  }
  return spans;
}
