import { ObhutError } from '../errors/obhut-error.js';
import { TAGGER_MODEL } from './data/tagger-model.js';
import type { TaggerModel } from './tagger.js';
import { TAG_COUNT } from './tagger-features.js';

/**
 * The committed tagger model as text: the vocabulary (words separated by spaces) and one line
 * per feature, `feature<TAB>w0 w1 w2 w3 w4`, weights as integers (the averaged perceptron's
 * weights times `scale`, rounded; the tagger only compares sums, so the scale is free).
 */
export interface SerialisedTaggerModel {
  readonly scale: number;
  readonly vocab: string;
  readonly weights: string;
}

export function parseTaggerModel(data: SerialisedTaggerModel): TaggerModel {
  const text = data.weights;
  // Every weight vector is a view of one array: tens of thousands of small typed arrays, each
  // with its own buffer, were a third of the fixed cost of a `pii redact` process.
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  const packed = new Float64Array(lines * TAG_COUNT);
  let used = 0;
  const weights = new Map<string, Float64Array>();
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    if (end > pos) {
      const tab = text.lastIndexOf('\t', end - 1);
      const at = used;
      if (tab >= pos && readIntegers(text, tab + 1, end, data.scale, packed, at)) {
        used += TAG_COUNT;
        weights.set(text.slice(pos, tab), packed.subarray(at, at + TAG_COUNT));
      } else {
        const line = text.slice(pos, end);
        weights.set(line.slice(0, line.lastIndexOf('\t')), parseWeightLine(line, data.scale));
      }
    }
    pos = end + 1;
  }
  return { weights, vocab: new Set(data.vocab.split(' ').filter((w) => w !== '')) };
}

/**
 * The weights as `serialiseTaggerModel` writes them: TAG_COUNT integers (an optional minus and at
 * most 15 digits, exact as doubles) separated by single spaces, each divided by `scale` as
 * `Number(v) / scale` would be. False for any other form, which `parseWeightLine` then reads.
 */
function readIntegers(
  text: string,
  from: number,
  to: number,
  scale: number,
  into: Float64Array,
  at: number,
): boolean {
  let i = from;
  for (let k = 0; k < TAG_COUNT; k++) {
    if (k > 0) {
      if (i >= to || text.charCodeAt(i) !== 32) return false;
      i++;
    }
    const negative = i < to && text.charCodeAt(i) === 45;
    if (negative) i++;
    const start = i;
    let v = 0;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
      i++;
    }
    if (i === start || i - start > 15) return false;
    into[at + k] = (negative ? -v : v) / scale;
  }
  return i === to;
}

/** One line `feature<TAB>w0 … w4` read with `Number`, for any line `readIntegers` does not take. */
function parseWeightLine(line: string, scale: number): Float64Array {
  const values = line
    .slice(line.lastIndexOf('\t') + 1)
    .split(' ')
    .map((v) => Number(v) / scale);
  if (values.length !== TAG_COUNT || values.some((v) => !Number.isFinite(v)))
    // The model is committed data, so a bad line is a bug in the build, not bad input.
    throw new ObhutError(
      'INTERNAL',
      `tagger model: bad weight line ${JSON.stringify(line.slice(0, 80))}`,
    );
  return Float64Array.from(values);
}

export function serialiseTaggerModel(model: TaggerModel, scale: number): SerialisedTaggerModel {
  const lines: string[] = [];
  for (const f of [...model.weights.keys()].sort()) {
    const ints = Array.from(model.weights.get(f)!, (v) => Math.round(v * scale));
    if (ints.every((v) => v === 0)) continue;
    lines.push(`${f}\t${ints.join(' ')}`);
  }
  return { scale, vocab: [...model.vocab].sort().join(' '), weights: `${lines.join('\n')}\n` };
}

let cached: TaggerModel | undefined;

/** The committed model, parsed on first use. */
export function taggerModel(): TaggerModel {
  cached ??= parseTaggerModel(TAGGER_MODEL);
  return cached;
}
