import {
  type DetectOptions,
  detectPii,
  type RedactOptions,
  Replacer,
  redactedTimes,
  redactText,
  redactWords,
  type TimeRange,
  wordsText,
} from '../pii/index.js';
import type { LabelsSchema, ReviewKind, ReviewView, ViewWord } from './model.js';

/**
 * The reviewer's view of a record: its `text` and its transcript's timed words redacted with one
 * placeholder numbering, and the time ranges of the redacted words (for bleeping the audio).
 * Nothing else of the record is carried over. Transcript words without numeric times are
 * dropped from the view (they could not be bleeped); the joined text still goes through
 * redaction as `text` when the record has no text of its own.
 */
export function reviewView(
  record: Record<string, unknown>,
  kind: ReviewKind,
  labels: LabelsSchema,
  detect: DetectOptions,
  redact: RedactOptions,
): ReviewView {
  const replacer = new Replacer(redact);
  const field = (text: string): string => {
    const spans = detectPii(text, detect);
    return spans.length === 0 ? text : redactText(text, spans, replacer).text;
  };
  let text = typeof record.text === 'string' ? field(record.text) : undefined;
  let words: ViewWord[] | undefined;
  let ranges: TimeRange[] = [];
  const transcript = record.transcript;
  if (isObject(transcript)) {
    const timed = Array.isArray(transcript.words) ? transcript.words.filter(isTimedWord) : [];
    if (timed.length > 0) {
      const plain = timed.map((w) => ({ text: w.text, start: w.start, end: w.end }));
      const spans = detectPii(wordsText(plain), detect);
      words = spans.length === 0 ? plain : redactWords(plain, spans, replacer);
      ranges = redactedTimes(plain, spans);
    } else if (text === undefined && typeof transcript.text === 'string') {
      text = field(transcript.text);
    }
  }
  return {
    kind,
    ...(text === undefined ? {} : { text }),
    ...(words === undefined ? {} : { words }),
    ranges,
    labels,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isTimedWord(v: unknown): v is ViewWord {
  return (
    isObject(v) &&
    typeof v.text === 'string' &&
    typeof v.start === 'number' &&
    typeof v.end === 'number' &&
    Number.isFinite(v.start) &&
    Number.isFinite(v.end) &&
    v.start >= 0 &&
    v.end >= v.start
  );
}
