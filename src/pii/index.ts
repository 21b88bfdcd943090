export { ibanValid, luhnValid, rvnrValid, steuerIdValid } from './checksums.js';
export { DEFAULT_MIN_SCORE, type DetectOptions, detectPii } from './detect.js';
export { detectLanguage } from './lang.js';
export {
  type PiiCounts,
  type RecordTextSpans,
  redactItemLine,
  redactItemRecord,
  textSpans,
} from './record.js';
export {
  OPERATORS,
  type Operator,
  type Redacted,
  type RedactOptions,
  Replacer,
  redactedTimes,
  redactText,
  redactWordGroups,
  redactWords,
  type TimedWord,
  type TimeRange,
  usesHash,
  type WordGroup,
  wordsText,
} from './redact.js';
export { resolveOverlaps } from './resolve.js';
export type { CustomIdentifier, Lang, PiiSpan, PiiType } from './types.js';
