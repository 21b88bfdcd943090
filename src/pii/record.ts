import { type DetectOptions, detectPii } from './detect.js';
import {
  type RedactOptions,
  Replacer,
  redactText,
  redactWordGroups,
  type WordGroup,
  wordsText,
} from './redact.js';

/** Per-type counts of the findings replaced in one record; empty when nothing was found. */
export type PiiCounts = Record<string, number>;

type Span = readonly [start: number, end: number];
type JsonPath = readonly (string | number)[];

/** Where a record's redactable fields sit in its text (see `textSpans`). */
export interface RecordTextSpans {
  text?: Span;
  transcriptText?: Span;
  words?: Span;
  readonly word: Span[];
  readonly wordText: Span[];
  readonly wordEnd: Span[];
}

/** What redacting a record changes: new field values, and which transcript words merge. */
interface Plan {
  readonly counts: PiiCounts;
  text?: string;
  transcriptText?: string;
  groups?: readonly WordGroup[];
}

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
  const plan = planRedaction(record, detect, redact);
  if (plan.text !== undefined) record.text = plan.text;
  const transcript = record.transcript as Record<string, unknown>;
  if (plan.groups !== undefined) {
    const words = transcript.words as { text: string; end?: unknown }[];
    const out: unknown[] = [];
    let i = 0;
    for (const group of plan.groups) {
      while (i < group.from) out.push(words[i++]);
      const tail = words[group.to]!;
      out.push({
        ...words[group.from],
        text: group.text,
        ...('end' in tail ? { end: tail.end } : {}),
      });
      i = group.to + 1;
    }
    while (i < words.length) out.push(words[i++]);
    transcript.words = out;
  }
  if (plan.transcriptText !== undefined) transcript.text = plan.transcriptText;
  return plan.counts;
}

/** Collects, while a record's text is scanned (see parseStrictJson), where its fields sit. */
export function textSpans(): {
  spans: RecordTextSpans;
  onValue: (path: JsonPath, start: number, end: number) => void;
} {
  const spans: RecordTextSpans = { word: [], wordText: [], wordEnd: [] };
  const onValue = (path: JsonPath, start: number, end: number) => {
    if (path.length === 1 && path[0] === 'text') spans.text = [start, end];
    if (path.length < 2 || path[0] !== 'transcript') return;
    if (path[1] === 'text' && path.length === 2) spans.transcriptText = [start, end];
    if (path[1] !== 'words') return;
    if (path.length === 2) spans.words = [start, end];
    const index = path[2];
    if (typeof index !== 'number') return;
    if (path.length === 3) spans.word[index] = [start, end];
    else if (path.length === 4 && path[3] === 'text') spans.wordText[index] = [start, end];
    else if (path.length === 4 && path[3] === 'end') spans.wordEnd[index] = [start, end];
  };
  return { spans, onValue };
}

/**
 * Redacts a record as `redactItemRecord` does, but on its text: only the fields that change are
 * rewritten, and every other byte (numbers such as `1e400` or 20-digit integers, key order,
 * spacing, escapes) stays as it was. `record` is the parsed `line`, `spans` from `textSpans`.
 * Returns the new text when something was redacted.
 */
export function redactItemLine(
  line: string,
  record: Record<string, unknown>,
  spans: RecordTextSpans,
  detect: DetectOptions,
  redact: RedactOptions,
): { counts: PiiCounts; line?: string } {
  const plan = planRedaction(record, detect, redact);
  const edits: { span: Span; text: string }[] = [];
  if (plan.text !== undefined && spans.text) {
    edits.push({ span: spans.text, text: JSON.stringify(plan.text) });
  }
  if (plan.transcriptText !== undefined && spans.transcriptText) {
    edits.push({ span: spans.transcriptText, text: JSON.stringify(plan.transcriptText) });
  }
  if (plan.groups !== undefined && spans.words) {
    edits.push({ span: spans.words, text: rewriteWords(line, spans, plan.groups) });
  }
  if (edits.length === 0) return { counts: plan.counts };
  edits.sort((a, b) => b.span[0] - a.span[0]);
  let out = line;
  for (const { span, text } of edits) out = out.slice(0, span[0]) + text + out.slice(span[1]);
  return { counts: plan.counts, line: out };
}

/** The words array's new text: untouched words as written, each group as its first word. */
function rewriteWords(line: string, spans: RecordTextSpans, groups: readonly WordGroup[]): string {
  const source = (span: Span) => line.slice(span[0], span[1]);
  const parts: string[] = [];
  let i = 0;
  for (const group of groups) {
    while (i < group.from) parts.push(source(spans.word[i++]!));
    const word = spans.word[group.from]!;
    const edits: { span: Span; text: string }[] = [
      { span: spans.wordText[group.from]!, text: JSON.stringify(group.text) },
    ];
    const tailEnd = spans.wordEnd[group.to];
    if (group.to !== group.from && tailEnd) {
      const end = spans.wordEnd[group.from];
      // The merged word ends where its last word did; a first word without `end` gains one.
      if (end) edits.push({ span: end, text: source(tailEnd) });
      else edits.push({ span: [word[1] - 1, word[1] - 1], text: `,"end":${source(tailEnd)}` });
    }
    edits.sort((a, b) => b.span[0] - a.span[0]);
    let text = source(word);
    for (const { span, text: replacement } of edits) {
      text = text.slice(0, span[0] - word[0]) + replacement + text.slice(span[1] - word[0]);
    }
    parts.push(text);
    i = group.to + 1;
  }
  while (i < spans.word.length) parts.push(source(spans.word[i++]!));
  return `[${parts.join(',')}]`;
}

function planRedaction(
  record: Record<string, unknown>,
  detect: DetectOptions,
  redact: RedactOptions,
): Plan {
  const counts: PiiCounts = {};
  const plan: Plan = { counts };
  const replacer = new Replacer(redact);
  const add = (n: number, type: string) => {
    counts[type] = (counts[type] ?? 0) + n;
  };
  const field = (text: string): string | undefined => {
    const spans = detectPii(text, detect);
    if (spans.length === 0) return undefined;
    const out = redactText(text, spans, replacer);
    for (const [type, n] of Object.entries(out.counts)) add(n, type);
    return out.text;
  };

  if (typeof record.text === 'string') plan.text = field(record.text);
  const transcript = record.transcript;
  if (!isObject(transcript)) return plan;
  const words = transcript.words;
  let joinedWords: string | undefined;
  let redactedWords: string | undefined;
  if (Array.isArray(words) && words.length > 0 && words.every(isWord)) {
    joinedWords = wordsText(words);
    const spans = detectPii(joinedWords, detect);
    if (spans.length > 0) {
      for (const s of spans) add(1, s.type);
      plan.groups = redactWordGroups(words, spans, replacer);
      redactedWords = joinGroups(words, plan.groups);
    }
  }
  if (typeof transcript.text === 'string') {
    plan.transcriptText = transcript.text === joinedWords ? redactedWords : field(transcript.text);
  }
  return plan;
}

/** The words joined by spaces after the groups' merges, as `wordsText` of the result. */
function joinGroups(words: readonly { text: string }[], groups: readonly WordGroup[]): string {
  const texts: string[] = [];
  let i = 0;
  for (const group of groups) {
    while (i < group.from) texts.push(words[i++]!.text);
    texts.push(group.text);
    i = group.to + 1;
  }
  while (i < words.length) texts.push(words[i++]!.text);
  return texts.join(' ');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isWord(v: unknown): v is { text: string } {
  return isObject(v) && typeof v.text === 'string';
}
