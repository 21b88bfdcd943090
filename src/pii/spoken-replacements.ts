import { sortSmall } from './small-sort.js';

/** A text with its spoken forms written out, and the way back to the original's positions. */
export interface Normalised {
  readonly text: string;
  /** Maps a [start, end) range of the normalised text to the original text. */
  toOriginal(start: number, end: number): [number, number];
}

/** A span of the original text and what it reads as. */
export interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

/** Applies the replacements (an overlapping later one is dropped) and keeps the map back. */
export function sortedSegments(text: string, replacements: Replacement[]): Normalised {
  sortSmall(replacements, (a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  // Segments: [normStart, origStart, origEnd, replaced]
  const segments: Segment[] = [];
  for (const r of replacements) {
    if (r.start < at) continue;
    segments.push([out.length, at, r.start, false]);
    out += text.slice(at, r.start);
    segments.push([out.length, r.start, r.end, true]);
    out += r.value;
    at = r.end;
  }
  segments.push([out.length, at, text.length, false]);
  out += text.slice(at);
  return { text: out, toOriginal: mapBack(segments) };
}

/** `Normalised.toOriginal` over the segments (a factory: its arrow has no name to wrap). */
function mapBack(segments: readonly Segment[]): Normalised['toOriginal'] {
  return (start, end) => [find(segments, start, false), find(segments, end, true)];
}

/** The original position of normalised position p. (A module function, not a closure made per
 * call: the bench's tsx wraps every named closure.) */
function find(segments: readonly Segment[], p: number, isEnd: boolean): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = segments[mid]![0];
    if (isEnd ? start < p : start <= p) lo = mid;
    else hi = mid - 1;
  }
  const [normStart, origStart, origEnd, replaced] = segments[lo]!;
  if (replaced) return isEnd ? origEnd : origStart;
  return Math.min(origEnd, origStart + (p - normStart));
}

/** [normStart, origStart, origEnd, replaced] */
type Segment = [number, number, number, boolean];
