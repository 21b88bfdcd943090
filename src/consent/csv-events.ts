import { isUtf8 } from 'node:buffer';
import { ObhutError } from '../errors/index.js';
import { type Line, lastNonSpace, lineContent } from '../io/line-reader.js';
import { csvRecordFields } from '../records/csv-record.js';

/** The consent event v1 fields a CSV header may name; the required ones must be there. */
const FIELDS = ['platform', 'account', 'purpose', 'action', 'at', 'channel', 'reference'];
const REQUIRED = ['platform', 'account', 'purpose', 'action', 'at', 'channel'];
// A quoted field may hold line breaks, but one record may not run on without end.
const MAX_RECORD_LINES = 64;

/** One CSV record as a consent event object (an empty cell is an absent field), or why not. */
export type CsvEvent =
  | { readonly line: number; readonly value: Record<string, string> }
  | { readonly line: number; readonly error: string };

/**
 * Consent events from CSV (RFC 4180: comma-separated, fields optionally in double quotes, `""`
 * for a quote inside one, line breaks allowed inside quotes) whose first non-blank row is a
 * header naming consent event fields, in any order. A header naming an unknown or repeated
 * column, or lacking a required one, is refused as a whole (INPUT_UNREADABLE, naming it). A
 * record is reported at the line it starts on; one with the wrong number of fields, or a quote
 * in the wrong place, is an error for that record only. Blank lines are skipped.
 */
export function* csvEvents(file: string, lines: Iterable<Line>): Generator<CsvEvent> {
  let header: string[] | undefined;
  let pending: { line: number; text: string; count: number } | undefined;
  for (const line of lines) {
    if (line.tooLong) {
      pending = undefined;
      yield { line: line.number, error: 'line is longer than 1 MiB' };
      continue;
    }
    const bytes = lineContent(line);
    if (!isUtf8(bytes)) {
      pending = undefined;
      yield { line: line.number, error: 'line is not valid UTF-8' };
      continue;
    }
    if (pending === undefined && lastNonSpace(bytes) < 0) continue;
    // The line reader has dropped the line's own CR; another before it is content.
    const text = bytes.toString('utf8');
    pending = pending
      ? { line: pending.line, text: `${pending.text}\n${text}`, count: pending.count + 1 }
      : { line: line.number, text, count: 1 };
    const parsed = csvRecordFields(pending.text);
    if (parsed === 'open') {
      if (pending.count >= MAX_RECORD_LINES) {
        yield { line: pending.line, error: `a quoted field runs over ${MAX_RECORD_LINES} lines` };
        pending = undefined;
      }
      continue;
    }
    const start = pending.line;
    pending = undefined;
    if (typeof parsed === 'string') {
      if (header === undefined) throw headerError(file, start, parsed);
      yield { line: start, error: parsed };
      continue;
    }
    if (header === undefined) {
      header = checkHeader(file, start, parsed);
      continue;
    }
    if (parsed.length !== header.length) {
      yield {
        line: start,
        error: `${parsed.length} fields where the header has ${header.length}`,
      };
      continue;
    }
    const value: Record<string, string> = {};
    header.forEach((name, i) => {
      if (parsed[i] !== '') value[name] = parsed[i]!;
    });
    yield { line: start, value };
  }
  if (pending) yield { line: pending.line, error: 'a quoted field is not closed' };
}

function checkHeader(file: string, line: number, names: string[]): string[] {
  const trimmed = names.map((n) => n.trim());
  const unknown = trimmed.find((n) => !FIELDS.includes(n));
  if (unknown !== undefined) {
    throw headerError(file, line, `unknown column "${unknown}"`);
  }
  const repeated = trimmed.find((n, i) => trimmed.indexOf(n) !== i);
  if (repeated !== undefined) throw headerError(file, line, `column "${repeated}" appears twice`);
  const missing = REQUIRED.filter((n) => !trimmed.includes(n));
  if (missing.length > 0) throw headerError(file, line, `missing column(s) ${missing.join(', ')}`);
  return trimmed;
}

function headerError(file: string, line: number, problem: string): ObhutError {
  return new ObhutError(
    'INPUT_UNREADABLE',
    `${file}:${line}: the CSV header row must name consent event fields (${FIELDS.join(', ')}; all but reference required): ${problem}`,
  );
}
