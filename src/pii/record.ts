import { type DetectOptions, detectPii } from './detect.js';
import { type RedactOptions, Replacer, redactText, redactWords, wordsText } from './redact.js';

/** Per-type counts of the findings replaced in one record; empty when nothing was found. */
export type PiiCounts = Record<string, number>;

/**
 * Redacts the text fields of a parsed item record in place: `text`, and a `transcript` object's
 * `words` (`[{ "text", … }]`, redacted as one text joined by spaces) and `text` (when it equals
 * the joined words it is replaced by the joined redacted words and not counted again). One
 * placeholder numbering covers the whole record. Returns the findings replaced, per type.
 */
export function redactItemRecord(
  record: Record<string, unknown>,
  detect: DetectOptions,
  redact: RedactOptions,
): PiiCounts {
  const counts: PiiCounts = {};
  const replacer = new Replacer(redact);
  const add = (n: number, type: string) => {
    counts[type] = (counts[type] ?? 0) + n;
  };
  const field = (text: string): string => {
    const spans = detectPii(text, detect);
    if (spans.length === 0) return text;
    const out = redactText(text, spans, replacer);
    for (const [type, n] of Object.entries(out.counts)) add(n, type);
    return out.text;
  };

  if (typeof record.text === 'string') record.text = field(record.text);
  const transcript = record.transcript;
  if (!isObject(transcript)) return counts;
  const words = transcript.words;
  let joinedWords: string | undefined;
  if (Array.isArray(words) && words.length > 0 && words.every(isWord)) {
    joinedWords = wordsText(words);
    const spans = detectPii(joinedWords, detect);
    if (spans.length > 0) {
      for (const s of spans) add(1, s.type);
      transcript.words = redactWords(words, spans, replacer);
    }
  }
  if (typeof transcript.text === 'string') {
    transcript.text =
      transcript.text === joinedWords
        ? wordsText(transcript.words as { text: string }[])
        : field(transcript.text);
  }
  return counts;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isWord(v: unknown): v is { text: string } {
  return isObject(v) && typeof v.text === 'string';
}
