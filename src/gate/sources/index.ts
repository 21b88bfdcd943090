import path from 'node:path';
import type { CaptureSet } from '../../optout/index.js';
import { isWarcPath } from '../../warc/index.js';
import { jsonlSource } from './jsonl.js';
import type { InputSource } from './source.js';
import { warcSource } from './warc.js';
import { isWebdatasetPath, webdatasetSource } from './webdataset.js';

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
): Promise<InputSource[]> {
  const sources: InputSource[] = [];
  for (const [i, input] of inputs.entries()) {
    if (isWarcPath(input)) {
      sources.push(await warcSource(input, path.join(staging, `.warc-${i}`), captures));
    } else if (isWebdatasetPath(input)) {
      sources.push(await webdatasetSource(input, path.join(staging, `.webdataset-${i}`)));
    } else {
      sources.push(jsonlSource(input));
    }
  }
  return sources;
}
