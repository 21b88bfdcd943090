import { createHmac } from 'node:crypto';
import type { PiiSpan, PiiType } from './types.js';

/**
 * How a finding is replaced:
 * - `placeholder`: `[PERSON_1]`; the same value of the same type gets the same number within
 *   one text, so "Anna … Anna" stays readable as one person.
 * - `mask`: every character but spaces becomes `*` (the length stays).
 * - `hash`: `[PERSON_3f9a0c1b2d4e]`, the first 12 hex digits of HMAC-SHA-256 under a key the
 *   caller holds, so the same value links across texts without being readable.
 * - `remove`: the text is cut out.
 */
export type Operator = 'placeholder' | 'mask' | 'hash' | 'remove';
export const OPERATORS: readonly Operator[] = ['placeholder', 'mask', 'hash', 'remove'];

export interface RedactOptions {
  /** Per-type operators; types not listed use `default`. */
  readonly operators?: Readonly<Partial<Record<PiiType, Operator>>>;
  /** Default `placeholder`. */
  readonly default?: Operator;
  /** Required when any type uses `hash`. */
  readonly hashKey?: Uint8Array | string;
}

export interface Redacted {
  readonly text: string;
  /** Findings replaced, per type. */
  readonly counts: Readonly<Record<string, number>>;
}

/** Replaces the spans (sorted, non-overlapping, as `detectPii` returns them) in `text`. */
export function redactText(
  text: string,
  spans: readonly PiiSpan[],
  options: RedactOptions | Replacer = {},
): Redacted {
  const replacer = options instanceof Replacer ? options : new Replacer(options);
  const counts: Record<string, number> = {};
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) throw new RangeError('spans overlap or are not sorted');
    out += text.slice(at, s.start) + replacer.replace(s);
    counts[s.type] = (counts[s.type] ?? 0) + 1;
    at = s.end;
  }
  return { text: out + text.slice(at), counts };
}

/**
 * Turns findings into their replacements under one set of options. Placeholder numbers are kept
 * for the replacer's lifetime: use one per text (or per record, to number its fields alike).
 */
export class Replacer {
  readonly #numbers = new Map<string, number>();
  readonly #perType = new Map<string, number>();

  constructor(private readonly options: RedactOptions = {}) {
    if (options.hashKey === undefined && usesHash(options))
      throw new TypeError('the hash operator needs a key');
  }

  replace(s: PiiSpan): string {
    const op = this.options.operators?.[s.type] ?? this.options.default ?? 'placeholder';
    if (op === 'remove') return '';
    if (op === 'mask') return s.text.replace(/\S/gu, '*');
    const value = normaliseValue(s.text);
    if (op === 'hash') {
      const mac = createHmac('sha256', this.options.hashKey!)
        .update(`${s.type}\u0000${value}`)
        .digest('hex');
      return `[${s.type}_${mac.slice(0, 12)}]`;
    }
    const key = `${s.type}\u0000${value}`;
    let n = this.#numbers.get(key);
    if (n === undefined) {
      n = (this.#perType.get(s.type) ?? 0) + 1;
      this.#perType.set(s.type, n);
      this.#numbers.set(key, n);
    }
    return `[${s.type}_${n}]`;
  }
}

/** Whether any type (or the default) is replaced by the keyed hash. */
export function usesHash(options: RedactOptions): boolean {
  return (
    options.default === 'hash' || Object.values(options.operators ?? {}).some((op) => op === 'hash')
  );
}

function normaliseValue(s: string): string {
  return s.toLowerCase().replace(/[\s.()/-]+/g, '');
}

export interface TimedWord {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface TimeRange {
  readonly start: number;
  readonly end: number;
  readonly type: PiiType;
}

/** The transcript text the words make: joined by single spaces. */
export function wordsText(words: readonly { readonly text: string }[]): string {
  return words.map((w) => w.text).join(' ');
}

/**
 * Time ranges of the words that a span touches, for a text made by `wordsText`. Consecutive
 * words of one span become one range.
 */
export function redactedTimes(words: readonly TimedWord[], spans: readonly PiiSpan[]): TimeRange[] {
  const ranges: TimeRange[] = [];
  let offset = 0;
  let k = 0;
  let lastSpan: PiiSpan | undefined;
  for (const w of words) {
    const start = offset;
    const end = offset + w.text.length;
    offset = end + 1;
    while (k < spans.length && spans[k]!.end <= start) k++;
    const s = spans[k];
    if (!s || s.start >= end) continue;
    const prev = ranges[ranges.length - 1];
    if (prev && lastSpan === s) ranges[ranges.length - 1] = { ...prev, end: w.end };
    else ranges.push({ start: w.start, end: w.end, type: s.type });
    lastSpan = s;
  }
  return ranges;
}

/** Words `from`..`to` (inclusive) of a transcript, merged into one word with this text. */
export interface WordGroup {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/**
 * Redacts transcript words for spans found in `wordsText(words)`. The words a span touches
 * become one word (the first word's other fields, the last word's `end`) whose text is the
 * replacement plus any characters of those words outside the span, so joining the result by
 * spaces gives the redacted text; untouched words are kept as they are.
 */
export function redactWords<W extends { readonly text: string }>(
  words: readonly W[],
  spans: readonly PiiSpan[],
  replacer: Replacer,
): W[] {
  const out: W[] = [];
  let i = 0;
  for (const group of redactWordGroups(words, spans, replacer)) {
    while (i < group.from) out.push(words[i++]!);
    const first = words[group.from]!;
    const tail = words[group.to]! as W & { end?: unknown };
    out.push({ ...first, text: group.text, ...('end' in tail ? { end: tail.end } : {}) });
    i = group.to + 1;
  }
  while (i < words.length) out.push(words[i++]!);
  return out;
}

/** The groups of words that `redactWords` merges and rewrites, in order. */
export function redactWordGroups(
  words: readonly { readonly text: string }[],
  spans: readonly PiiSpan[],
  replacer: Replacer,
): WordGroup[] {
  const out: WordGroup[] = [];
  let k = 0;
  let offset = 0;
  for (let i = 0; i < words.length; ) {
    const start = offset;
    while (k < spans.length && spans[k]!.end <= start) k++;
    let j = i;
    let end = start + words[i]!.text.length;
    if (k >= spans.length || spans[k]!.start >= end) {
      offset = end + 1;
      i++;
      continue;
    }
    // Grow the group while a span reaches past its last word.
    let last = k;
    for (;;) {
      while (last + 1 < spans.length && spans[last + 1]!.start < end) last++;
      if (spans[last]!.end <= end || j + 1 >= words.length) break;
      j++;
      end += 1 + words[j]!.text.length;
    }
    let text = '';
    let at = start;
    const joined = words
      .slice(i, j + 1)
      .map((w) => w.text)
      .join(' ');
    for (; k <= last; k++) {
      const s = spans[k]!;
      text += joined.slice(at - start, s.start - start) + replacer.replace(s);
      at = s.end;
    }
    text += joined.slice(at - start);
    out.push({ from: i, to: j, text });
    offset = end + 1;
    i = j + 1;
  }
  return out;
}
