import path from 'node:path';
import type { CaptureSet } from '../../optout/index.js';
import type { Mapping } from '../../records/index.js';
import { compressedSource, streamedSource } from './compressed.js';
import { detectFormat } from './format.js';
import { jsonlSource } from './jsonl.js';
import { mappedSource } from './mapped.js';
import type { InputSource } from './source.js';

export { expandInputs } from './expand-inputs.js';
export { detectFormat, formatByName, type InputFormat } from './format.js';
export { readSourceLines } from './read-source.js';
export { type ConvertedInput, type InputSource, inputSize } from './source.js';

/**
 * Turns each input into item-record lines the build reads the same way: JSONL as it lies, and
 * the other formats through a converter writing into the staging folder (removed again before
 * publishing).
 */
export async function prepareSources(
  inputs: readonly string[],
  staging: string,
  captures: CaptureSet,
  mapping?: Mapping,
  /** Whether the reader takes compressed JSON lines as they decompress (`readSourceLines`). */
  streamCompressed = false,
): Promise<InputSource[]> {
  // The readers of WARC (warcio), WebDataset (tar-stream) and Parquet inputs are loaded only
  // for such inputs: a JSONL build does not pay for them (issue 13).
  const sources: InputSource[] = [];
  for (const [i, input] of inputs.entries()) {
    const format = detectFormat(input);
    const work = (kind: string) => path.join(staging, `.${kind}-${i}`);
    switch (format) {
      case 'warc':
        sources.push(await (await import('./warc.js')).warcSource(input, work('warc'), captures));
        break;
      case 'tar':
        sources.push(
          await (await import('./webdataset.js')).webdatasetSource(input, work('webdataset')),
        );
        break;
      case 'jsonl.gz':
      case 'jsonl.zst': {
        const compression = format === 'jsonl.gz' ? 'gzip' : 'zstd';
        // A mapping reads the decompressed lines twice (mapped, then the rows written).
        sources.push(
          streamCompressed && !mapping
            ? streamedSource(input, compression)
            : await compressedSource(
                input,
                work(format === 'jsonl.gz' ? 'gunzip' : 'unzstd'),
                compression,
              ),
        );
        break;
      }
      case 'parquet':
        sources.push(
          await (await import('./parquet.js')).parquetSource(input, work('parquet'), mapping),
        );
        continue;
      default:
        sources.push(jsonlSource(input));
    }
    // JSON lines in another schema are mapped after any decompression. A WebDataset sample's
    // or a crawl's records are Obhut's own and are not mapped.
    if (mapping && (format === 'jsonl' || format === 'jsonl.gz' || format === 'jsonl.zst')) {
      const source = sources.pop()!;
      const dir = source.workDir ? path.join(source.workDir, 'mapped') : work('mapped');
      sources.push(await mappedSource(source, dir, mapping));
    }
  }
  return sources;
}
