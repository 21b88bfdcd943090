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

interface Weight {
  readonly w: Float64Array;
  readonly total: Float64Array;
  readonly stamp: Float64Array;
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

export function train(items: readonly Labelled[], options: TrainOptions): TaggerModel {
  const examples = items.map(toExample);
  const vocab = buildVocab(examples);
  const hideRnd = seededRandom(options.seed ^ 0x5eed);
  const features = examples.map((e) => {
    const seen = withHidden(e, vocab, options.hide ?? 0, hideRnd);
    return tokenFeatures(e.text, seen.tokens, e.lowercase, seen.vocab);
  });
  const weights = new Map<string, Weight>();
  let clock = 0;
  const get = (f: string): Weight => {
    let w = weights.get(f);
    if (!w) {
      w = {
        w: new Float64Array(TAG_COUNT),
        total: new Float64Array(TAG_COUNT),
        stamp: new Float64Array(TAG_COUNT),
      };
      weights.set(f, w);
    }
    return w;
  };
  const update = (fs: readonly string[], tag: number, delta: number) => {
    for (const f of fs) {
      const w = get(f);
      w.total[tag]! += (clock - w.stamp[tag]!) * w.w[tag]!;
      w.stamp[tag] = clock;
      w.w[tag]! += delta;
    }
  };
  const scores = new Float64Array(TAG_COUNT);
  const score = (fs: readonly string[]) => {
    for (const f of fs) {
      const w = weights.get(f);
      if (w) for (let k = 0; k < TAG_COUNT; k++) scores[k]! += w.w[k]!;
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
        const base = features[x]![i]!;
        const dyn = tagFeatures(base, prev, prev2);
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
  for (const [f, w] of weights) {
    const avg = new Float64Array(TAG_COUNT);
    for (let k = 0; k < TAG_COUNT; k++)
      avg[k] = (w.total[k]! + (clock - w.stamp[k]!) * w.w[k]!) / clock;
    averaged.set(f, avg);
  }
  return { weights: averaged, vocab };
}
