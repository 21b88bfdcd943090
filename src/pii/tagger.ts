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

// The weights of the tag features (`tagFeatures`) by word class and the two tags before: the
// tag features name only a word's `sh=` and `lx=` features, so every word of one shape and list
// class shares them. A few hundred classes: one pool of numbers that stays in the cache.
interface ClassTable {
  /** Class (`sh=` and `lx=` feature) → its id. */
  readonly ids: Map<string, number>;
  /** Id → the features of the first word seen of that class (what `tagFeatures` reads). */
  readonly features: (readonly string[])[];
  /** The weights of class id and tag pair (prev * TAG_COUNT + prev2) at `(id * PAIRS + pair) * TAG_COUNT`. */
  extras: Float64Array;
  /** 1 where `extras` holds a class's weights for a tag pair (filled on first use). */
  filled: Uint8Array;
}
const PAIRS = TAG_COUNT * TAG_COUNT;

/**
 * The tagger's data for one spelling and model, kept on the spelling (`Spelling.memo`): most
 * words of a text were seen before. Per slot (written text or transcript by where the word
 * stands: `(lowercase ? 0 : 3) + startIndex`), the summed weights of the word's own features
 * and its class's id in `ClassTable`, side by side in one array, so a token reads one array
 * rather than a chain of objects. An entry is a function of the spelling (its lower case,
 * lists, shape and capital follow from it), so the shape's regexes run once per spelling and
 * slot; the spelling table is bounded, and so are these.
 */
interface TagMemo {
  /** `STRIDE` numbers per slot: TAG_COUNT sums, then the class id; valid where `filled` has the slot's bit. */
  readonly words: Float64Array;
  filled: number;
  /** The spelling's context entry (`contextEntry`), once known. */
  context: ContextEntry | undefined;
}
const SLOTS = 6;
const STRIDE = TAG_COUNT + 1;

const classTables = new WeakMap<TaggerModel, ClassTable>();
const contextIndex = new WeakMap<TaggerModel, ContextIndex>();

/** The model's memo of a token's spelling, made (or remade for another model) on first use. */
function memoOf(model: TaggerModel, t: Token): TagMemo {
  const sp = t.spelling;
  if (sp.memoOwner !== model || sp.memo === undefined) {
    const memo: TagMemo = {
      words: new Float64Array(SLOTS * STRIDE),
      filled: 0,
      context: undefined,
    };
    sp.memo = memo;
    sp.memoOwner = model;
  }
  return sp.memo as TagMemo;
}

/** A class's id, added (with room for its weights) on first sight. */
function classId(classes: ClassTable, features: readonly string[]): number {
  const key = `${features[1]}\t${features[2]}`;
  let id = classes.ids.get(key);
  if (id === undefined) {
    id = classes.ids.size;
    classes.ids.set(key, id);
    classes.features.push(features);
    if ((id + 1) * PAIRS > classes.filled.length) {
      const rows = 2 * classes.filled.length;
      const extras = new Float64Array(rows * TAG_COUNT);
      extras.set(classes.extras);
      const filled = new Uint8Array(rows);
      filled.set(classes.filled);
      classes.extras = extras;
      classes.filled = filled;
    }
  }
  return id;
}

// One array for every word's sums while they are added up (copied into the memo after).
const wordSums = new Float64Array(TAG_COUNT);

/** Fills a slot of a spelling's memo: its word features' summed weights and its class. */
function fillWord(
  model: TaggerModel,
  classes: ClassTable,
  text: string,
  t: Token,
  lowercase: boolean,
  startAt: number,
  memo: TagMemo,
  slot: number,
): void {
  const start = START_CLASSES[startAt]!;
  const features = wordFeatures(t, lowercase, model.vocab, shapeOf(text, t, lowercase), start);
  scoreTags(model.weights, features, wordSums);
  const at = slot * STRIDE;
  memo.words.set(wordSums, at);
  memo.words[at + TAG_COUNT] = classId(classes, features);
  memo.filled |= 1 << slot;
}

/** Each token's context entry (`contextEntry`), kept on its spelling. */
function memoContextEntries(
  model: TaggerModel,
  index: ContextIndex,
  tokens: readonly Token[],
): ContextEntry[] {
  const out: ContextEntry[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const memo = memoOf(model, t);
    let e = memo.context;
    if (e === undefined) {
      e = contextEntry(index, t, model.vocab);
      memo.context = e;
    }
    out[i] = e;
  }
  return out;
}

const contextSums = new Float64Array(TAG_COUNT);
const extraSums = new Float64Array(TAG_COUNT);

/** The best allowed tag of each token, left to right, and its margin over the runner-up. */
export function decode(
  model: TaggerModel,
  text: string,
  tokens: readonly Token[],
  lowercase: boolean,
): { tags: TagIndex[]; margins: number[] } {
  let classes = classTables.get(model);
  if (!classes) {
    const rows = 64 * PAIRS;
    classes = {
      ids: new Map(),
      features: [],
      extras: new Float64Array(rows * TAG_COUNT),
      filled: new Uint8Array(rows),
    };
    classTables.set(model, classes);
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
  const slotBase = lowercase ? 0 : 3;
  let prev = 0;
  let prev2 = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const startAt = startIndex(tokens, i);
    const memo = memoOf(model, t);
    const slot = slotBase + startAt;
    if ((memo.filled & (1 << slot)) === 0)
      fillWord(model, classes, text, t, lowercase, startAt, memo, slot);
    scoreContext(index, text, tokens, words, i, lowercase, START_CLASSES[startAt]!, s);
    const ws = memo.words;
    const at = slot * STRIDE;
    const cls = ws[at + TAG_COUNT]!;
    const row = cls * PAIRS + prev * TAG_COUNT + prev2;
    if (classes.filled[row] === 0) {
      scoreTags(model.weights, tagFeatures(classes.features[cls]!, prev, prev2), extraSums);
      classes.extras.set(extraSums, row * TAG_COUNT);
      classes.filled[row] = 1;
    }
    const x = classes.extras;
    const xo = row * TAG_COUNT;
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    let second = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < TAG_COUNT; k++) {
      if (!allowed(prev, k)) continue;
      const v = s[k]! + x[xo + k]! + ws[at + k]!;
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
