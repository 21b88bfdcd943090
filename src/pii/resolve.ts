import type { PiiSpan } from './types.js';

/**
 * Resolves overlapping findings so that every character belongs to at most one span:
 *
 * 1. A span lying wholly inside another is dropped: the outer one covers its characters
 *    anyway (an address keeps its city, a person name keeps its surname). For identical
 *    ranges the higher score wins.
 * 2. Of two spans that overlap partly, the higher score wins; on equal scores the longer,
 *    then the earlier one.
 *
 * The result is sorted by start offset.
 */
export function resolveOverlaps(spans: readonly PiiSpan[]): PiiSpan[] {
  if (spans.length < 2) return [...spans];
  const byStart = [...spans].sort(
    (a, b) => a.start - b.start || b.end - a.end || b.score - a.score,
  );
  const outer: PiiSpan[] = [];
  let reach = -1;
  for (const s of byStart) {
    if (s.end <= reach) continue; // contained in (or equal to) an earlier, longer span
    outer.push(s);
    reach = s.end;
  }
  const ranked = outer.sort(
    (a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: PiiSpan[] = [];
  for (const s of ranked) {
    if (kept.every((k) => s.end <= k.start || s.start >= k.end)) kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start);
}
