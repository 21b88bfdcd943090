export { ibanValid, luhnValid, rvnrValid, steuerIdValid } from './checksums.js';
export { DEFAULT_MIN_SCORE, type DetectOptions, detectPii } from './detect.js';
export { detectLanguage } from './lang.js';
export {
  OPERATORS,
  type Operator,
  type Redacted,
  type RedactOptions,
  redactedTimes,
  redactText,
  type TimedWord,
  type TimeRange,
  wordsText,
} from './redact.js';
export { resolveOverlaps } from './resolve.js';
export type { CustomIdentifier, Lang, PiiSpan, PiiType } from './types.js';
