import { ObhutError } from '../errors/obhut-error.js';
import { contextWord, hasDigit, lexicon, TAG_COUNT, type Vocabulary } from './tagger-features.js';
import type { Token } from './tokens.js';

type Weights = ReadonlyMap<string, Float64Array | readonly number[]>;
type Vec = Float64Array | readonly number[];

/**
 * What the model knows of one context word (`contextWord`): the weights of the features that
 * name it, resolved once when the model is indexed, so that tagging a token reads fields
 * instead of building feature strings and looking them up.
 */
export interface ContextEntry {
  /** Numeric id, the key of the word-pair tables. */
  readonly id: number;
  /** `w-1=word`, `w+1=word`, `w-2=word`, `w+2=word`. */
  prev1: Vec | undefined;
  next1: Vec | undefined;
  prev2: Vec | undefined;
  next2: Vec | undefined;
  /** `w-2w-1=this second`, by the second word's id. */
  readonly pairBefore: Map<number, Vec>;
  /** `w+1w+2=this second`, by the second word's id. */
  readonly pairAfter: Map<number, Vec>;
}

/**
 * The context features of `contextFeatures` (tagger-features.ts) looked up without building
 * their strings. Adds the same vectors in the same order as scoring the feature strings would,
 * so the sums are the same to the last bit (tested against `contextFeatures`).
 */
export interface ContextIndex {
  /** Every word any context feature names, '<>' '<s>' '</s>' '?C' '?c' among them. */
  readonly words: ReadonlyMap<string, ContextEntry>;
  /** A word no context feature names: no weights, in no pair. */
  readonly unknown: ContextEntry;
  /** '<>' (no word there), '<s>' (sentence start, as w-1), '</s>' (no joined word, as w+1). */
  readonly none: ContextEntry;
  readonly sentenceStart: ContextEntry;
  readonly sentenceEnd: ContextEntry;
  readonly lexNone: readonly [Vec | undefined, Vec | undefined];
  /** `lx-1=` and `lx+1=` by the list class string; `lexicon(f)` maps a token's bits to it. */
  readonly lexPrev: ReadonlyMap<string, Vec>;
  readonly lexNext: ReadonlyMap<string, Vec>;
  /** `sh+1=` by capital class (none, capital, lower) and gap: joined 0-2, gapped 3-5. */
  readonly shapeNext: readonly (Vec | undefined)[];
  readonly digitBefore: Vec | undefined;
  readonly digitAfter: Vec | undefined;
  /** `lx-1=`/`lx+1=` weights by a token's list bits, filled on first use. */
  readonly lexByBits: Map<number, readonly [Vec | undefined, Vec | undefined]>;
}

const SHAPES = ['xj', 'Cj', 'cj', 'xg', 'Cg', 'cg'] as const;

export function indexContext(weights: Weights): ContextIndex {
  const words = new Map<string, ContextEntry>();
  const entry = (word: string): ContextEntry => {
    let e = words.get(word);
    if (!e) {
      e = {
        id: words.size,
        prev1: undefined,
        next1: undefined,
        prev2: undefined,
        next2: undefined,
        pairBefore: new Map(),
        pairAfter: new Map(),
      };
      words.set(word, e);
    }
    return e;
  };
  const lexPrev = new Map<string, Vec>();
  const lexNext = new Map<string, Vec>();
  const shapeNext: (Vec | undefined)[] = SHAPES.map(() => undefined);
  let digitBefore: Vec | undefined;
  let digitAfter: Vec | undefined;
  for (const [feature, vec] of weights) {
    const eq = feature.indexOf('=');
    const kind = eq < 0 ? feature : feature.slice(0, eq);
    const value = eq < 0 ? '' : feature.slice(eq + 1);
    switch (kind) {
      case 'w-1':
        entry(value).prev1 = vec;
        break;
      case 'w+1':
        entry(value).next1 = vec;
        break;
      case 'w-2':
        entry(value).prev2 = vec;
        break;
      case 'w+2':
        entry(value).next2 = vec;
        break;
      case 'w-2w-1':
      case 'w+1w+2': {
        const sp = value.indexOf(' ');
        const a = entry(value.slice(0, sp));
        const b = entry(value.slice(sp + 1));
        (kind === 'w-2w-1' ? a.pairBefore : a.pairAfter).set(b.id, vec);
        break;
      }
      case 'lx-1':
        lexPrev.set(value, vec);
        break;
      case 'lx+1':
        lexNext.set(value, vec);
        break;
      case 'sh+1': {
        const k = SHAPES.indexOf(value as (typeof SHAPES)[number]);
        if (k >= 0) shapeNext[k] = vec;
        break;
      }
      case 'd-1':
        digitBefore = vec;
        break;
      case 'd+1':
        digitAfter = vec;
        break;
      default:
      // A word feature or a tag feature: not context.
    }
  }
  const unknown: ContextEntry = {
    id: -1,
    prev1: undefined,
    next1: undefined,
    prev2: undefined,
    next2: undefined,
    pairBefore: new Map(),
    pairAfter: new Map(),
  };
  return {
    words,
    unknown,
    none: words.get('<>') ?? unknown,
    sentenceStart: words.get('<s>') ?? unknown,
    sentenceEnd: words.get('</s>') ?? unknown,
    lexNone: [lexPrev.get('<>'), lexNext.get('<>')],
    lexPrev,
    lexNext,
    shapeNext,
    digitBefore,
    digitAfter,
    lexByBits: new Map(),
  };
}

if (TAG_COUNT !== 5)
  throw new ObhutError('INTERNAL', 'tagger-context: add() is unrolled for 5 tags');

// Unrolled for the five tags (TAG_COUNT); the same additions in the same order as a loop.
function add(into: Float64Array, vec: Vec | undefined): void {
  if (vec === undefined) return;
  into[0]! += vec[0]!;
  into[1]! += vec[1]!;
  into[2]! += vec[2]!;
  into[3]! += vec[3]!;
  into[4]! += vec[4]!;
}

function lexWeights(index: ContextIndex, f: number): readonly [Vec | undefined, Vec | undefined] {
  let w = index.lexByBits.get(f);
  if (w === undefined) {
    const name = lexicon(f);
    w = [index.lexPrev.get(name), index.lexNext.get(name)];
    index.lexByBits.set(f, w);
  }
  return w;
}

/**
 * Sets `into` to the summed weights of token i's context features. `words` holds the context
 * entries of the tokens (`contextEntries`).
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
  into.fill(0);
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const next2 = tokens[i + 2];
  const none = index.none;
  const w1 = words[i - 1] ?? none;
  const w2 = words[i - 2] ?? none;
  const n1 = words[i + 1] ?? none;
  const n2 = words[i + 2] ?? none;
  add(into, (start === 'S' ? index.sentenceStart : w1).prev1);
  add(into, w2.pairBefore.get(w1.id));
  add(into, (next?.joined ? n1 : index.sentenceEnd).next1);
  add(into, n1.pairAfter.get(n2.id));
  add(into, prev ? lexWeights(index, prev.f)[0] : index.lexNone[0]);
  add(into, next ? lexWeights(index, next.f)[1] : index.lexNone[1]);
  const capital = next === undefined || lowercase ? 0 : next.cap ? 1 : 2;
  add(into, index.shapeNext[next?.joined ? capital : 3 + capital]);
  if (prev && hasDigit(text, prev.end, t.start)) add(into, index.digitBefore);
  if (next && hasDigit(text, t.end, next.start)) add(into, index.digitAfter);
  if (i >= 2) add(into, w2.prev2);
  if (next2) add(into, n2.next2);
}

/** Each token's context entry: how it is written down as context (`contextWord`), once per text. */
export function contextEntries(
  index: ContextIndex,
  tokens: readonly Token[],
  vocab: Vocabulary,
): ContextEntry[] {
  return tokens.map((t) => index.words.get(contextWord(t, vocab)) ?? index.unknown);
}
