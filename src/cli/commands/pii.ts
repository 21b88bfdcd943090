import { readFileSync, statSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import type { Command } from 'commander';
import { ObhutError } from '../../errors/index.js';
import { rejectedPlace } from '../../gate/build-writer.js';
import type { InputSource } from '../../gate/sources/index.js';
import { openInputs } from '../../gate/sources/open-inputs.js';
import { type Line, lastNonSpace, lineContent, readFileLines } from '../../io/line-reader.js';
import {
  detectPii,
  type Lang,
  OPERATORS,
  type Operator,
  type PiiSpan,
  redactedTimes,
  redactText,
  type TimedWord,
  wordsText,
} from '../../pii/index.js';
import { MAPPING_ERROR_FIELD } from '../../records/index.js';
import { parseStrictJson } from '../../records/strict-json.js';
import { loadMapping } from '../mapping-option.js';
import { terminalText } from '../terminal-text.js';

// One text per line; a transcript of an hour is well under this.
const MAX_LINE_BYTES = 16 << 20;
const FLUSH_CHARS = 1 << 16;

interface Input {
  readonly id: string;
  readonly text: string;
  readonly lang: Lang | undefined;
  readonly words: readonly TimedWord[] | undefined;
}

interface PiiOptions {
  map?: string;
  lang?: string;
  minScore?: string;
  operator: string[];
  default: string;
  keyFile?: string;
}

export function registerPii(program: Command): void {
  const pii = program.command('pii').description('find and redact personal data in JSONL texts');
  const common = (c: Command) =>
    c
      .argument(
        '[file]',
        'records with { "id", "text", "lang"? }: JSONL (stdin when absent), .jsonl.gz, .jsonl.zst, Parquet or a folder of them',
      )
      .option(
        '--map <file>',
        'mapping (YAML or JSON) from the columns to "id", "text", "lang" (docs/mapping.md); needs [file]',
      )
      .option('--lang <de|en>', 'the language of every text (detected per text otherwise)')
      .option('--min-score <n>', 'drop findings scoring below this (0..1)', '0.5');
  common(pii.command('detect'))
    .description('write { "id", "spans": [{ "start", "end", "type", "score", "text" }] } per line')
    .action(async (file: string | undefined, opts: PiiOptions) => {
      await run(file, opts, (input, spans) => ({ id: input.id, spans, ...times(input, spans) }));
    });
  common(pii.command('redact'))
    .description('write { "id", "text" } per line with the personal data replaced')
    .option(
      '--operator <TYPE=op>',
      `per-type operator, repeatable (${OPERATORS.join(', ')})`,
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option('--default <op>', 'operator for types not named by --operator', 'placeholder')
    .option('--key-file <file>', 'the key for the hash operator (its bytes)')
    .action(async (file: string | undefined, opts: PiiOptions) => {
      const operators: Record<string, Operator> = {};
      for (const o of opts.operator) {
        const [type, op] = o.split('=');
        if (!type || !isOperator(op))
          throw new ObhutError('USAGE', `--operator ${o}: expected TYPE=${OPERATORS.join('|')}`);
        operators[type] = op;
      }
      if (!isOperator(opts.default))
        throw new ObhutError('USAGE', `--default must be one of ${OPERATORS.join(', ')}`);
      const usesHash = opts.default === 'hash' || Object.values(operators).includes('hash');
      if (usesHash && !opts.keyFile)
        throw new ObhutError('USAGE', 'the hash operator needs --key-file');
      const hashKey = opts.keyFile ? readKey(opts.keyFile) : undefined;
      const options = { operators, default: opts.default, ...(hashKey ? { hashKey } : {}) };
      await run(file, opts, (input, spans) => ({
        id: input.id,
        text: redactText(input.text, spans, options).text,
        ...times(input, spans),
      }));
    });
}

/** A pipe or device rather than a file or folder (a missing path is reported by the reader). */
function isStream(file: string): boolean {
  try {
    const stat = statSync(file);
    return !stat.isFile() && !stat.isDirectory();
  } catch {
    return false;
  }
}

function isOperator(op: string | undefined): op is Operator {
  return OPERATORS.includes(op as Operator);
}

function times(input: Input, spans: readonly PiiSpan[]): { times?: unknown } {
  return input.words ? { times: redactedTimes(input.words, spans) } : {};
}

async function run(
  file: string | undefined,
  opts: PiiOptions,
  produce: (input: Input, spans: PiiSpan[]) => unknown,
): Promise<void> {
  if (opts.lang !== undefined && opts.lang !== 'de' && opts.lang !== 'en')
    throw new ObhutError('USAGE', '--lang must be de or en');
  const minScore = Number(opts.minScore);
  if (!(minScore >= 0 && minScore <= 1))
    throw new ObhutError('USAGE', '--min-score must be between 0 and 1');
  const mapping = opts.map === undefined ? undefined : await loadMapping(opts.map);
  // A file is read as a build reads its inputs (decompressed, Parquet rows, mapped); standard
  // input, and a pipe given as a file (`<(…)`), which cannot be told apart by name or read
  // twice, as JSON lines.
  const stream = file === undefined || isStream(file);
  if (stream && mapping)
    throw new ObhutError('USAGE', '--map needs a file; standard input is read as JSON lines');
  const opened = stream
    ? {
        files: [file ?? '/dev/stdin'],
        sources: [{ read: file ?? '/dev/stdin', dir: '' }] as readonly InputSource[],
        close: async () => {},
      }
    : await openInputs([file], mapping);
  try {
    await detectAll(opened.files, opened.sources, opts, minScore, produce);
  } finally {
    await opened.close();
  }
}

async function detectAll(
  files: readonly string[],
  sources: readonly InputSource[],
  opts: PiiOptions,
  minScore: number,
  produce: (input: Input, spans: PiiSpan[]) => unknown,
): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rejected = 0;
  let pending = '';
  const flush = async () => {
    if (!process.stdout.write(pending)) await new Promise((r) => process.stdout.once('drain', r));
    pending = '';
  };
  for (const [i, source] of files.entries()) {
    const { read, unit } = sources[i]!;
    try {
      for (const line of readFileLines(read, MAX_LINE_BYTES)) {
        const parsed = parseLine(line, decoder, opts.lang as Lang | undefined);
        if (parsed === undefined) continue;
        if ('code' in parsed) {
          rejected++;
          const place = rejectedPlace(
            unit === 'row'
              ? { input: source, row: line.number }
              : { input: source, line: line.number },
          );
          process.stderr.write(
            `${terminalText(`obhut: ${place}: [${parsed.code}] ${parsed.message}`)}\n`,
          );
          continue;
        }
        const spans = detectPii(parsed.text, {
          minScore,
          ...(parsed.lang ? { lang: parsed.lang } : {}),
        });
        pending += `${JSON.stringify(produce(parsed, spans))}\n`;
        if (pending.length >= FLUSH_CHARS) await flush();
      }
    } catch (err) {
      if (err instanceof ObhutError) throw err;
      throw new ObhutError('INPUT_UNREADABLE', `cannot read ${source}: ${(err as Error).message}`);
    }
  }
  await flush();
  if (rejected > 0)
    throw new ObhutError(
      'PII_LINES_REJECTED',
      `${rejected} line(s) rejected; see the messages above`,
    );
}

type LineError = {
  code:
    | 'RECORD_UNMAPPED'
    | 'RECORD_TOO_LARGE'
    | 'RECORD_NOT_UTF8'
    | 'RECORD_NOT_JSON'
    | 'RECORD_DUPLICATE_KEY'
    | 'RECORD_TOO_DEEP'
    | 'RECORD_INVALID';
  message: string;
};

function parseLine(
  line: Line,
  decoder: TextDecoder,
  lang: Lang | undefined,
): Input | LineError | undefined {
  if (line.tooLong)
    return { code: 'RECORD_TOO_LARGE', message: `longer than ${MAX_LINE_BYTES} bytes` };
  const bytes = lineContent(line);
  if (lastNonSpace(bytes) < 0) return undefined;
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { code: 'RECORD_NOT_UTF8', message: 'not valid UTF-8' };
  }
  const parsed = parseStrictJson(text);
  if (!parsed.ok) {
    return parsed.code === 'RECORD_NOT_JSON'
      ? { code: 'RECORD_NOT_JSON', message: 'not JSON' }
      : { code: parsed.code, message: parsed.error };
  }
  const json = parsed.value;
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { code: 'RECORD_NOT_JSON', message: 'not a JSON object' };
  const o = json as Record<string, unknown>;
  // A row the mapping could not map is a line holding only why (see RecordFile).
  const unmapped = o[MAPPING_ERROR_FIELD];
  if (typeof unmapped === 'string') return { code: 'RECORD_UNMAPPED', message: unmapped };
  if (typeof o.id !== 'string' || o.id === '')
    return { code: 'RECORD_INVALID', message: '"id" is required and must be a non-empty string' };
  const words = readWords(o.transcript);
  if (words === null)
    return {
      code: 'RECORD_INVALID',
      message: '"transcript.words" must be [{ "text", "start", "end" }]',
    };
  const body = typeof o.text === 'string' ? o.text : words ? wordsText(words) : undefined;
  if (body === undefined) return { code: 'RECORD_INVALID', message: '"text" must be a string' };
  if (words && body !== wordsText(words))
    return {
      code: 'RECORD_INVALID',
      message: 'with "transcript.words", "text" must be the words joined by spaces (or absent)',
    };
  const own = o.lang === 'de' || o.lang === 'en' ? o.lang : undefined;
  if (o.lang !== undefined && own === undefined)
    return { code: 'RECORD_INVALID', message: '"lang" must be "de" or "en"' };
  return { id: o.id, text: body, lang: own ?? lang, words };
}

/** undefined: no transcript words; null: present but malformed. */
function readWords(transcript: unknown): TimedWord[] | undefined | null {
  if (transcript === undefined) return undefined;
  const words = (transcript as { words?: unknown } | null)?.words;
  if (!Array.isArray(words)) return null;
  for (const w of words) {
    if (typeof w?.text !== 'string' || typeof w.start !== 'number' || typeof w.end !== 'number')
      return null;
  }
  return words as TimedWord[];
}

function readKey(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new ObhutError('INPUT_UNREADABLE', `cannot read ${file}: ${(err as Error).message}`);
  }
}
