import { TAG_COUNT, type TagIndex, tagFeatures, tokenFeatures } from './tagger-features.js';
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

/** The best allowed tag of each token, left to right, and its margin over the runner-up. */
export function decode(
  model: TaggerModel,
  text: string,
  tokens: readonly Token[],
  lowercase: boolean,
): { tags: TagIndex[]; margins: number[] } {
  const base = tokenFeatures(text, tokens, lowercase, model.vocab);
  const tags: TagIndex[] = [];
  const margins: number[] = [];
  const s = new Float64Array(TAG_COUNT);
  const extra = new Float64Array(TAG_COUNT);
  let prev = 0;
  let prev2 = 0;
  for (let i = 0; i < tokens.length; i++) {
    scoreTags(model.weights, base[i]!, s);
    scoreTags(model.weights, tagFeatures(base[i]!, prev, prev2), extra);
    let best = -1;
    let second = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < TAG_COUNT; k++) {
      if (!allowed(prev, k)) continue;
      const v = s[k]! + extra[k]!;
      if (best < 0 || v > s[best]! + extra[best]!) {
        if (best >= 0) second = Math.max(second, s[best]! + extra[best]!);
        best = k;
      } else second = Math.max(second, v);
    }
    tags.push(best as TagIndex);
    margins.push(s[best]! + extra[best]! - second);
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
