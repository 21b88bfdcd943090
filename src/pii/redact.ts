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
  options: RedactOptions = {},
): Redacted {
  const numbers = new Map<string, number>();
  const perType = new Map<string, number>();
  const counts: Record<string, number> = {};
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) throw new RangeError('spans overlap or are not sorted');
    out += text.slice(at, s.start);
    const op = options.operators?.[s.type] ?? options.default ?? 'placeholder';
    const value = normaliseValue(s.text);
    if (op === 'placeholder') {
      const key = `${s.type}\u0000${value}`;
      let n = numbers.get(key);
      if (n === undefined) {
        n = (perType.get(s.type) ?? 0) + 1;
        perType.set(s.type, n);
        numbers.set(key, n);
      }
      out += `[${s.type}_${n}]`;
    } else if (op === 'mask') out += s.text.replace(/\S/gu, '*');
    else if (op === 'hash') {
      if (options.hashKey === undefined) throw new TypeError('the hash operator needs a key');
      const mac = createHmac('sha256', options.hashKey)
        .update(`${s.type}\u0000${value}`)
        .digest('hex');
      out += `[${s.type}_${mac.slice(0, 12)}]`;
    }
    counts[s.type] = (counts[s.type] ?? 0) + 1;
    at = s.end;
  }
  return { text: out + text.slice(at), counts };
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
export function wordsText(words: readonly TimedWord[]): string {
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
