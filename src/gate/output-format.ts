import { ObhutError } from '../errors/index.js';
import { formatByName } from './sources/index.js';

export type ItemsFormat = 'jsonl' | 'parquet';

/**
 * The items files' format: `--format` when given, else the inputs' own. Parquet inputs give
 * Parquet items files (their schema plus `_obhut`) and every other input gives JSON lines. A
 * mix of Parquet and other inputs has no format of its own, so it is refused rather than guessed:
 * the user names one. `--compress` is for JSON lines only, so with Parquet inputs it needs an
 * explicit `--format jsonl` too.
 */
export function itemsFormatFor(
  inputFiles: readonly string[],
  requested: ItemsFormat | undefined,
  compress: string | undefined,
): ItemsFormat {
  if (requested !== undefined) {
    if (requested === 'parquet' && compress !== undefined) {
      throw new ObhutError(
        'USAGE',
        '--compress is for JSONL items files; Parquet compresses itself',
      );
    }
    return requested;
  }
  const parquet = inputFiles.find((f) => formatByName(f) === 'parquet');
  if (parquet === undefined) return 'jsonl';
  const other = inputFiles.find((f) => formatByName(f) !== 'parquet');
  if (other !== undefined) {
    throw new ObhutError(
      'USAGE',
      `the items files follow the inputs' format, but the inputs mix Parquet (${parquet}) and JSON lines or other files (${other}): choose --format jsonl (or build the Parquet files apart)`,
    );
  }
  if (compress !== undefined) {
    throw new ObhutError(
      'USAGE',
      `Parquet inputs give Parquet items files, which compress themselves; for compressed JSON lines add --format jsonl`,
    );
  }
  return 'parquet';
}
