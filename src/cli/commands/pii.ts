import { readFileSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import type { Command } from 'commander';
import { ObhutError } from '../../errors/index.js';
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
import { parseStrictJson } from '../../records/strict-json.js';
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
      .argument('[file]', 'JSONL with { "id", "text", "lang"? } per line (stdin when absent)')
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
  const source = file ?? '/dev/stdin';
  let lines: Generator<Line>;
  try {
    lines = readFileLines(source, MAX_LINE_BYTES);
  } catch (err) {
    throw new ObhutError('INPUT_UNREADABLE', `cannot read ${source}: ${(err as Error).message}`);
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rejected = 0;
  let pending = '';
  const flush = async () => {
    if (!process.stdout.write(pending)) await new Promise((r) => process.stdout.once('drain', r));
    pending = '';
  };
  try {
    for (const line of lines) {
      const parsed = parseLine(line, decoder, opts.lang as Lang | undefined);
      if (parsed === undefined) continue;
      if ('code' in parsed) {
        rejected++;
        process.stderr.write(
          `${terminalText(`obhut: ${source}:${line.number}: [${parsed.code}] ${parsed.message}`)}\n`,
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
  await flush();
  if (rejected > 0)
    throw new ObhutError(
      'PII_LINES_REJECTED',
      `${rejected} line(s) rejected; see the messages above`,
    );
}

type LineError = {
  code:
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
