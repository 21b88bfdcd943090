import { sortSmall } from './small-sort.js';
import type { PiiSpan } from './types.js';

/**
 * Resolves overlapping findings so that every character belongs to at most one span:
 *
 * 1. A span lying wholly inside another is dropped: the outer one covers its characters
 *    anyway (an address keeps its city, a person name keeps its surname). For identical
 *    ranges the higher score wins.
 * 2. Of two spans that overlap partly, the higher score wins (on equal scores the longer,
 *    then the earlier one); the other keeps the part outside the winner, without the spaces
 *    and punctuation at its cut edge, so its remaining characters are still redacted.
 *
 * The result is sorted by start offset.
 */
export function resolveOverlaps(spans: readonly PiiSpan[]): PiiSpan[] {
  if (spans.length < 2) return [...spans];
  const byStart = sortSmall([...spans], outerOrder);
  const outer: PiiSpan[] = [];
  let reach = -1;
  for (const s of byStart) {
    if (s.end <= reach) continue; // contained in (or equal to) an earlier, longer span
    outer.push(s);
    reach = s.end;
  }
  const ranked = sortSmall(outer, rankOrder);
  const kept: PiiSpan[] = [];
  for (const s of ranked) {
    let start = s.start;
    let end = s.end;
    for (const k of kept) {
      if (end <= k.start || start >= k.end) continue;
      if (start < k.start && end > k.end) {
        end = k.start; // the winner sits inside: keep the left part
      } else if (start < k.start) end = k.start;
      else if (end > k.end) start = k.end;
      else {
        end = start;
        break;
      }
    }
    const text = s.text.slice(start - s.start, end - s.start);
    const lead =
      start === s.start ? 0 : text.length - text.trimStart().replace(/^[\s.,;:@]+/u, '').length;
    const trail =
      end === s.end ? 0 : text.length - text.trimEnd().replace(/[\s.,;:@]+$/u, '').length;
    if (end - trail - (start + lead) <= 0) continue;
    if (lead === 0 && trail === 0 && start === s.start && end === s.end) kept.push(s);
    else {
      const a = start + lead;
      const b = end - trail;
      kept.push({ ...s, start: a, end: b, text: s.text.slice(a - s.start, b - s.start) });
    }
  }
  return sortSmall(kept, startOrder);
}

// The orders, as module functions (`sortSmall`: one sort per text and order).
function outerOrder(a: PiiSpan, b: PiiSpan): number {
  return a.start - b.start || b.end - a.end || b.score - a.score;
}
function rankOrder(a: PiiSpan, b: PiiSpan): number {
  return b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start;
}
function startOrder(a: PiiSpan, b: PiiSpan): number {
  return a.start - b.start;
}
