import { statSync } from 'node:fs';
import { ObhutError } from '../../errors/index.js';
import type { Compression } from '../../io/decompress.js';
import type { ConvertedWarc } from '../../warc/index.js';

/** What one `--input` becomes before the build reads it: item-record lines in a file. */
export interface InputSource {
  /** The JSONL file to read: the input itself, or the records a converter wrote to staging. */
  readonly read: string;
  /**
   * Set when `read` is the compressed input itself, to be read through its decompressor
   * (`readSourceLines`) rather than from a decompressed copy in staging.
   */
  readonly compression?: Compression;
  /** The real folder media paths are relative to. */
  readonly dir: string;
  /**
   * Set when `read` is a converter's output in staging: the input as given is then what the
   * manifest names (its size and digest).
   */
  readonly converted?: ConvertedInput;
  /** The converter's folder in staging, removed again before publishing. */
  readonly workDir?: string;
  /**
   * For a mapped input: a file of the source rows as JSON lines, line for line with `read`.
   * What is written for an admitted record is its source row (plus provenance), not the
   * mapped record.
   */
  readonly rows?: string;
  /** `row` for a Parquet file: a record's position in reports is its 1-based row number. */
  readonly unit?: 'row';
  /** Set for a crawl: its item and capture counts go into the manifest's opt-out summary. */
  readonly warc?: ConvertedWarc;
}

/** The input file as given: its size and SHA-256, for the manifest. */
export interface ConvertedInput {
  readonly bytes: number;
  readonly sha256: string;
}

/** The size of a regular file, or INPUT_UNREADABLE naming it. */
export function inputSize(input: string): number {
  try {
    const stat = statSync(input);
    if (!stat.isFile()) throw new Error('not a regular file');
    return stat.size;
  } catch (err) {
    throw new ObhutError(
      'INPUT_UNREADABLE',
      `cannot read input ${input}: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
}
