import { detectLanguage } from './lang.js';
import { findNumbers } from './numbers.js';
import { findCustom, findPatterns } from './patterns.js';
import { resolveOverlaps } from './resolve.js';
import type { CustomIdentifier, Lang, PiiSpan, PiiType } from './types.js';

export interface DetectOptions {
  /** Skips language detection. */
  readonly lang?: Lang;
  /** Findings scoring below this are dropped before overlaps are resolved. Default 0.5. */
  readonly minScore?: number;
  readonly identifiers?: readonly CustomIdentifier[];
  /** Only these types are reported (all when absent). */
  readonly types?: readonly PiiType[];
}

export const DEFAULT_MIN_SCORE = 0.5;

/** Finds personal data in one text. Pure: no I/O, same input, same output. */
export function detectPii(text: string, options: DetectOptions = {}): PiiSpan[] {
  const lang = options.lang ?? detectLanguage(text);
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const types = options.types ? new Set(options.types) : undefined;
  const found: PiiSpan[] = [];
  const emit = (start: number, end: number, type: PiiType, score: number): void => {
    if (score < minScore || end <= start || (types && !types.has(type))) return;
    found.push({ start, end, type, score: Math.min(1, score), text: text.slice(start, end) });
  };
  findNumbers(text, lang, emit);
  findPatterns(
    text,
    emit,
    () => false,
    () => false,
  );
  if (options.identifiers?.length) findCustom(text, options.identifiers, emit);
  return resolveOverlaps(found);
}
