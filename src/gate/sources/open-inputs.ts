import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CaptureSet } from '../../optout/capture-set.js';
import type { Mapping } from '../../records/index.js';
import { expandInputs } from './expand-inputs.js';
import { prepareSources } from './index.js';
import type { InputSource } from './source.js';

/** Inputs read the way a build reads them, for commands that are not builds. */
export interface OpenedInputs {
  /** The input files, each folder replaced by its files, as reports name them. */
  readonly files: readonly string[];
  /** Per file: the item-record lines to read (`read`), where its media lie, rows or lines. */
  readonly sources: readonly InputSource[];
  /** Removes what the converters wrote. */
  close(): Promise<void>;
}

/**
 * Opens `obhut build`'s inputs (JSONL, .jsonl.gz/.zst, Parquet, WebDataset, WARC, folders of
 * them, and `--map`) for `review enqueue` and `pii`, through the build's own readers, so every
 * command reads a corpus the same way. Converted inputs are written to a private temporary
 * folder (these commands have no output folder to stage in), removed by `close`, and on failure.
 * A crawl's robots.txt/tdmrep.json captures are not kept: only a build checks them.
 */
export async function openInputs(
  inputs: readonly string[],
  mapping?: Mapping,
): Promise<OpenedInputs> {
  const files = expandInputs(inputs);
  const work = await mkdtemp(path.join(tmpdir(), 'obhut-inputs-'));
  const close = () => rm(work, { recursive: true, force: true });
  try {
    const sources = await prepareSources(files, work, new CaptureSet(), mapping);
    return { files, sources, close };
  } catch (err) {
    await close();
    throw err;
  }
}
