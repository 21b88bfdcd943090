// `obhut review export --out FILE`: the export as JSON Lines (or Parquet), written atomically. The header line
// (totals, questions, agreement) comes first, but is known only after every task was read, so
// the task lines go to a scratch file first; the finished file replaces FILE in one rename, and
// a failure leaves FILE as it was.

import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ObhutError } from '../errors/index.js';
import { collectExport, type ExportOptions, type ExportSummary } from './export.js';
import { writeExportParquet } from './export-parquet.js';
import type { ReviewExport } from './review-store.js';

export const EXPORT_FORMAT = 'obhut-review-export';
export const EXPORT_VERSION = 1;

export interface ExportHeader extends ExportSummary {
  type: 'header';
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exported_at: string;
  status: ExportOptions['status'];
  since: string | null;
  /** How reviewers are named in the answers. */
  reviewer_ids: string;
}

export const EXPORT_FILE_FORMATS = ['jsonl', 'parquet'] as const;
export type ExportFileFormat = (typeof EXPORT_FILE_FORMATS)[number];

export async function writeExportFile(
  store: ReviewExport,
  options: ExportOptions,
  out: string,
  now: Date = new Date(),
  format: ExportFileFormat = 'jsonl',
): Promise<ExportHeader> {
  const target = path.resolve(out);
  const tag = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const scratch = path.join(path.dirname(target), `.${path.basename(target)}.items-${tag}.tmp`);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${tag}.tmp`);
  const items = createWriteStream(scratch, { flags: 'wx', mode: 0o600 });
  try {
    const opened = new Promise<void>((resolve, reject) => {
      items.once('open', () => resolve());
      items.once('error', reject);
    });
    await opened;
    const summary = await collectExport(store, options, async (item) => {
      if (!items.write(`${JSON.stringify(item)}\n`))
        await new Promise<void>((resolve, reject) => {
          items.once('drain', resolve);
          items.once('error', reject);
        });
    });
    await new Promise<void>((resolve, reject) =>
      items.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
    const header: ExportHeader = {
      type: 'header',
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exported_at: now.toISOString(),
      status: options.status,
      since: options.since ?? null,
      reviewer_ids: 'rv_ + the first 128 bits of HMAC-SHA-256(home secret, staff id)',
      ...summary,
    };
    if (format === 'parquet') {
      await writeExportParquet(scratch, temp, header);
    } else {
      const file = createWriteStream(temp, { flags: 'wx', mode: 0o600 });
      file.write(`${JSON.stringify(header)}\n`);
      await pipeline(createReadStream(scratch), file);
    }
    // On disk before the rename, so a crash never leaves a short file under the target's name.
    const written = await open(temp, 'r+');
    try {
      await written.sync();
    } finally {
      await written.close();
    }
    await rename(temp, target);
    return header;
  } catch (err) {
    items.destroy();
    await rm(temp, { force: true });
    if (err instanceof ObhutError) throw err;
    throw new ObhutError('USAGE', `cannot write ${out}: ${(err as Error).message}`, {
      cause: err,
    });
  } finally {
    await rm(scratch, { force: true });
  }
}
