// Training of the tagger of src/pii/tagger.ts: an averaged perceptron (Collins 2002) over the
// features of src/pii/tagger-features.ts, decoded greedily with its own earlier tags as history
// (so training sees the mistakes tagging will make). Deterministic for a seed.
import { gazetteer } from '../../src/pii/gazetteer.js';
import { allowed, type TaggerModel } from '../../src/pii/tagger.js';
import { TAG_COUNT, tagFeatures, tokenFeatures } from '../../src/pii/tagger-features.js';
import { type Token, tokenize } from '../../src/pii/tokens.js';
import type { Labelled } from '../pii-eval/markup.js';
import { seededRandom } from './generate.js';

interface Example {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly lowercase: boolean;
  readonly gold: readonly number[];
}

/** Tokens and their gold tags: the first token of a span B-, the rest I-. */
export function toExample(item: Labelled): Example {
  const tokens = tokenize(item.text, gazetteer().flags);
  const gold = tokens.map((t) => {
    const s = item.spans.find((g) => g.start < t.end && t.start < g.end);
    if (!s || (s.type !== 'PERSON' && s.type !== 'LOCATION')) return 0;
    const b = s.type === 'PERSON' ? 1 : 3;
    return t.start <= s.start ? b : b + 1;
  });
  return { text: item.text, tokens, lowercase: !/\p{Lu}/u.test(item.text), gold };
}

/**
 * Words no list holds that are seen at least `minCount` times and inside a name at most 2 % of
 * the time: their spelling becomes a feature (frame words such as "kontoinhaber", "sagt").
 */
export function buildVocab(examples: readonly Example[], minCount = 5): Set<string> {
  const seen = new Map<string, { n: number; named: number }>();
  for (const e of examples)
    e.tokens.forEach((t, i) => {
      if (t.f !== 0) return;
      const c = seen.get(t.lower) ?? { n: 0, named: 0 };
      c.n++;
      if (e.gold[i] !== 0) c.named++;
      seen.set(t.lower, c);
    });
  const vocab = new Set<string>();
  for (const [w, c] of [...seen].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    if (c.n >= minCount && c.named <= c.n * 0.02) vocab.add(w);
  return vocab;
}

export interface TrainOptions {
  readonly epochs: number;
  readonly seed: number;
  /**
   * Share of word occurrences whose spelling and list membership are hidden in training. The
   * generated sentences reuse their frame words, and text at tagging time is full of words no
   * list or vocabulary knows: hiding some teaches the model what an unknown ordinary word looks
   * like (its endings, its letters) instead of "unknown means name".
   */
  readonly hide?: number;
}

/** The example's tokens as training sees them, with some words made unknown. */
function withHidden(
  e: Example,
  vocab: ReadonlySet<string>,
  share: number,
  rnd: () => number,
): { tokens: Token[]; vocab: { has(w: string): boolean } } {
  const hidden = new Set<string>();
  const tokens = e.tokens.map((t) => {
    if (rnd() >= share) return t;
    hidden.add(t.lower);
    return { ...t, f: 0 };
  });
  return { tokens, vocab: { has: (w) => vocab.has(w) && !hidden.has(w) } };
}

/**
 * The weights of every feature seen so far, by a dense id: `w` the current weights, `total` their
 * sum over past steps up to `stamp` (the lazy averaging of Collins 2002). Feature strings are
 * turned into ids once, so the inner loop indexes arrays instead of hashing strings (most of a
 * retrain's time before; issue 13). A feature counts as seen once it was updated, as before.
 */
class Weights {
  private readonly ids = new Map<string, number>();
  private capacity = 1 << 16;
  w = new Float64Array(this.capacity * TAG_COUNT);
  total = new Float64Array(this.capacity * TAG_COUNT);
  stamp = new Float64Array(this.capacity * TAG_COUNT);
  private updated = new Uint8Array(this.capacity);
  /** The updated features' ids, in the order of their first update. */
  readonly order: number[] = [];
  readonly names: string[] = [];

  id(feature: string): number {
    let id = this.ids.get(feature);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(feature, id);
      this.names.push(feature);
      if (id >= this.capacity) this.grow();
    }
    return id;
  }

  idsOf(features: readonly string[]): Int32Array {
    const out = new Int32Array(features.length);
    for (let i = 0; i < features.length; i++) out[i] = this.id(features[i]!);
    return out;
  }

  markUpdated(id: number): void {
    if (this.updated[id] === 0) {
      this.updated[id] = 1;
      this.order.push(id);
    }
  }

  private grow(): void {
    this.capacity *= 2;
    const widen = (a: Float64Array) => {
      const b = new Float64Array(this.capacity * TAG_COUNT);
      b.set(a);
      return b;
    };
    this.w = widen(this.w);
    this.total = widen(this.total);
    this.stamp = widen(this.stamp);
    const u = new Uint8Array(this.capacity);
    u.set(this.updated);
    this.updated = u;
  }
}

export function train(items: readonly Labelled[], options: TrainOptions): TaggerModel {
  const examples = items.map(toExample);
  const vocab = buildVocab(examples);
  const hideRnd = seededRandom(options.seed ^ 0x5eed);
  const weights = new Weights();
  // Each token's features as ids, and of their strings only the first three (the tag-history
  // features are built from the second and third): keeping every feature string of the whole corpus alive for the
  // epochs made garbage collection a third of a retrain's time (issue 13).
  const featureIds: Int32Array[][] = [];
  const historyBases: string[][][] = [];
  for (const e of examples) {
    const seen = withHidden(e, vocab, options.hide ?? 0, hideRnd);
    const tokens = tokenFeatures(e.text, seen.tokens, e.lowercase, seen.vocab);
    featureIds.push(tokens.map((fs) => weights.idsOf(fs)));
    historyBases.push(tokens.map((fs) => fs.slice(0, 3)));
  }
  // The tag-history features of each token for the (previous, one before) tags it last saw:
  // once the tagger settles, a token mostly sees the same pair again, and building and hashing
  // those strings anew at every step was the other half of the time.
  const firstToken: number[] = [];
  let tokenCount = 0;
  for (const e of examples) {
    firstToken.push(tokenCount);
    tokenCount += e.tokens.length;
  }
  const dynKey = new Int16Array(tokenCount).fill(-1);
  const dynIds: Int32Array[] = new Array(tokenCount);
  const historyIds = (x: number, i: number, prev: number, prev2: number): Int32Array => {
    const at = firstToken[x]! + i;
    const key = prev * TAG_COUNT + prev2;
    if (dynKey[at] !== key) {
      dynKey[at] = key;
      dynIds[at] = weights.idsOf(tagFeatures(historyBases[x]![i]!, prev, prev2));
    }
    return dynIds[at]!;
  };
  let clock = 0;
  const update = (fs: Int32Array, tag: number, delta: number) => {
    for (let i = 0; i < fs.length; i++) {
      const f = fs[i]!;
      weights.markUpdated(f);
      const at = f * TAG_COUNT + tag;
      weights.total[at]! += (clock - weights.stamp[at]!) * weights.w[at]!;
      weights.stamp[at] = clock;
      weights.w[at]! += delta;
    }
  };
  const scores = new Float64Array(TAG_COUNT);
  // Weights are whole numbers, so these sums are exact in any order; a feature never updated
  // adds its zeros, as a missing one added nothing.
  const score = (fs: Int32Array) => {
    const w = weights.w;
    for (let i = 0; i < fs.length; i++) {
      const at = fs[i]! * TAG_COUNT;
      for (let k = 0; k < TAG_COUNT; k++) scores[k]! += w[at + k]!;
    }
  };
  const rnd = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    // Fisher–Yates with the seeded generator: the same seed visits the same order.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const x of order) {
      const e = examples[x]!;
      let prev = 0;
      let prev2 = 0;
      for (let i = 0; i < e.tokens.length; i++) {
        clock++;
        const base = featureIds[x]![i]!;
        const dyn = historyIds(x, i, prev, prev2);
        scores.fill(0);
        score(base);
        score(dyn);
        let best = -1;
        for (let k = 0; k < TAG_COUNT; k++)
          if (allowed(prev, k) && (best < 0 || scores[k]! > scores[best]!)) best = k;
        const gold = e.gold[i]!;
        if (best !== gold) {
          update(base, gold, 1);
          update(dyn, gold, 1);
          update(base, best, -1);
          update(dyn, best, -1);
        }
        prev2 = prev;
        prev = best;
      }
    }
  }
  const averaged = new Map<string, Float64Array>();
  for (const f of weights.order) {
    const avg = new Float64Array(TAG_COUNT);
    for (let k = 0; k < TAG_COUNT; k++) {
      const at = f * TAG_COUNT + k;
      avg[k] = (weights.total[at]! + (clock - weights.stamp[at]!) * weights.w[at]!) / clock;
    }
    averaged.set(weights.names[f]!, avg);
  }
  return { weights: averaged, vocab };
}
