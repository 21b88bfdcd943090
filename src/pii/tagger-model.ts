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
  const weights = new Map<string, Float64Array>();
  for (const line of data.weights.split('\n')) {
    if (line === '') continue;
    const tab = line.lastIndexOf('\t');
    const values = line
      .slice(tab + 1)
      .split(' ')
      .map((v) => Number(v) / data.scale);
    if (values.length !== TAG_COUNT || values.some((v) => !Number.isFinite(v)))
      // The model is committed data, so a bad line is a bug in the build, not bad input.
      throw new ObhutError(
        'INTERNAL',
        `tagger model: bad weight line ${JSON.stringify(line.slice(0, 80))}`,
      );
    weights.set(line.slice(0, tab), Float64Array.from(values));
  }
  return { weights, vocab: new Set(data.vocab.split(' ').filter((w) => w !== '')) };
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
