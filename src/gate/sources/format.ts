import { closeSync, openSync, readSync } from 'node:fs';
import { ObhutError } from '../../errors/index.js';

/** How an input is read, decided by its name and checked against its first bytes. */
export type InputFormat = 'jsonl' | 'jsonl.gz' | 'jsonl.zst' | 'parquet' | 'tar' | 'warc';

const BY_SUFFIX: readonly (readonly [string, InputFormat])[] = [
  ['.jsonl.gz', 'jsonl.gz'],
  ['.json.gz', 'jsonl.gz'],
  ['.jsonl.zst', 'jsonl.zst'],
  ['.json.zst', 'jsonl.zst'],
  ['.parquet', 'parquet'],
  ['.tar', 'tar'],
  ['.warc', 'warc'],
  ['.warc.gz', 'warc'],
  ['.jsonl', 'jsonl'],
];

/** The suffixes a folder input is searched for (a plain `.json` is metadata, not records). */
export const FOLDER_SUFFIXES: readonly string[] = BY_SUFFIX.map(([suffix]) => suffix);

/** Any other name is item-record JSONL, as before formats were told apart. */
export function formatByName(file: string): InputFormat {
  const lower = file.toLowerCase();
  return BY_SUFFIX.find(([suffix]) => lower.endsWith(suffix))?.[1] ?? 'jsonl';
}

const GZIP = [0x1f, 0x8b];
const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];
const PARQUET = [0x50, 0x41, 0x52, 0x31];

function startsWith(head: Buffer, magic: readonly number[]): boolean {
  return head.length >= magic.length && magic.every((b, i) => head[i] === b);
}

/** What the first bytes say the file is, when they are one of the formats told by magic. */
function formatByMagic(head: Buffer): string | undefined {
  if (startsWith(head, GZIP)) return 'gzip';
  if (startsWith(head, ZSTD)) return 'zstd';
  if (startsWith(head, PARQUET)) return 'Parquet';
  return undefined;
}

/**
 * The input's format by its name, or INPUT_FORMAT_MISMATCH when its first bytes say otherwise
 * (a gzip file named `.jsonl`, a `.parquet` that is not Parquet). An empty file is whatever
 * its name says. `.tar` and `.warc` are checked by their own readers.
 */
export function detectFormat(file: string): InputFormat {
  const format = formatByName(file);
  if (format === 'tar' || format === 'warc') return format;
  const head = readHead(file, 4);
  if (head.length === 0) return format;
  const magic = formatByMagic(head);
  const expected =
    format === 'jsonl.gz'
      ? 'gzip'
      : format === 'jsonl.zst'
        ? 'zstd'
        : format === 'parquet'
          ? 'Parquet'
          : undefined;
  if (magic !== expected) {
    const named = expected ?? 'JSON lines';
    throw new ObhutError(
      'INPUT_FORMAT_MISMATCH',
      `${file} is named as ${named} but its first bytes are ${magic ? `${magic} data` : `not ${named}`}; rename it to match its content`,
    );
  }
  return format;
}

function readHead(file: string, length: number): Buffer {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw new ObhutError(
      'INPUT_UNREADABLE',
      `cannot read input ${file}: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
  try {
    const head = Buffer.alloc(length);
    const n = readSync(fd, head, 0, length, 0);
    return head.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
