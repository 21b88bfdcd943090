import { contextWord, hasDigit, lexicon, type Vocabulary } from './tagger-features.js';
import type { Token } from './tokens.js';

type Weights = ReadonlyMap<string, Float64Array | readonly number[]>;
type Vec = Float64Array | readonly number[];

/**
 * The context features of `contextFeatures` (tagger-features.ts) looked up without building
 * their strings: weights indexed by feature kind, then by the neighbour's word (a string whose
 * hash the engine keeps), in two levels for the word pairs. Adds the same vectors in the same
 * order as scoring the feature strings would, so the sums are the same to the last bit.
 */
export interface ContextIndex {
  readonly single: ReadonlyMap<string, ReadonlyMap<string, Vec>>;
  readonly pair: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, Vec>>>;
}

const PAIRS = new Set(['w-2w-1', 'w+1w+2']);

export function indexContext(weights: Weights): ContextIndex {
  const single = new Map<string, Map<string, Vec>>();
  const pair = new Map<string, Map<string, Map<string, Vec>>>();
  for (const [feature, vec] of weights) {
    const eq = feature.indexOf('=');
    const kind = eq < 0 ? feature : feature.slice(0, eq);
    const value = eq < 0 ? '' : feature.slice(eq + 1);
    if (PAIRS.has(kind)) {
      const sp = value.indexOf(' ');
      const a = value.slice(0, sp);
      const b = value.slice(sp + 1);
      const byKind = pair.get(kind) ?? new Map<string, Map<string, Vec>>();
      pair.set(kind, byKind);
      const byA = byKind.get(a) ?? new Map<string, Vec>();
      byKind.set(a, byA);
      byA.set(b, vec);
    } else {
      const byKind = single.get(kind) ?? new Map<string, Vec>();
      single.set(kind, byKind);
      byKind.set(value, vec);
    }
  }
  return { single, pair };
}

function add(into: Float64Array, vec: Vec | undefined): void {
  if (vec === undefined) return;
  for (let k = 0; k < into.length; k++) into[k]! += vec[k]!;
}

function single(index: ContextIndex, kind: string, value: string): Vec | undefined {
  return index.single.get(kind)?.get(value);
}

/** Sets `into` to the summed weights of token i's context features. */
export function scoreContext(
  index: ContextIndex,
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
  i: number,
  lowercase: boolean,
  start: string,
  into: Float64Array,
): void {
  into.fill(0);
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const next2 = tokens[i + 2];
  const w1 = words[i - 1] ?? '<>';
  const w2 = words[i - 2] ?? '<>';
  const n1 = words[i + 1] ?? '<>';
  const n2 = words[i + 2] ?? '<>';
  add(into, single(index, 'w-1', start === 'S' ? '<s>' : w1));
  add(into, index.pair.get('w-2w-1')?.get(w2)?.get(w1));
  add(into, single(index, 'w+1', next?.joined ? n1 : '</s>'));
  add(into, index.pair.get('w+1w+2')?.get(n1)?.get(n2));
  add(into, single(index, 'lx-1', prev ? lexicon(prev.f) : '<>'));
  add(into, single(index, 'lx+1', next ? lexicon(next.f) : '<>'));
  const capital = next === undefined || lowercase ? 0 : next.cap ? 1 : 2;
  add(into, single(index, 'sh+1', (next?.joined ? SHAPE_J : SHAPE_G)[capital]!));
  if (prev && hasDigit(text, prev.end, t.start)) add(into, single(index, 'd-1', ''));
  if (next && hasDigit(text, t.end, next.start)) add(into, single(index, 'd+1', ''));
  if (i >= 2) add(into, single(index, 'w-2', w2));
  if (next2) add(into, single(index, 'w+2', n2));
}

// The `sh+1` values by the next word's capital (none known, capital, lower case) and its gap.
const SHAPE_J = ['xj', 'Cj', 'cj'] as const;
const SHAPE_G = ['xg', 'Cg', 'cg'] as const;

/** How each token is written down as context (`contextWord`), once per text. */
export function contextWords(tokens: readonly Token[], vocab: Vocabulary): string[] {
  return tokens.map((t) => contextWord(t, vocab));
}
