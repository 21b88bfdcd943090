import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readBlocks } from '../io/read-blocks.js';
import { encodeEntry, type Receipt, type TransparencyLog } from '../log/index.js';
import type { Purpose } from '../records/index.js';
import type { BuildRegistry } from './build-registry.js';
import { SUBJECTS_FILE } from './build-writer.js';
import type { Manifest } from './manifest.js';

/** Written beside the manifest: the build entry's receipt. */
export const RECEIPT_FILE = 'build-receipt.json';

/**
 * The tail every build shares, a single one or the merge of shards: append the `build` entry
 * before anything is published, write its receipt into the staging folder, and record the build
 * with its subject list. One place, so a sharded build is logged exactly as a single one.
 */
export async function logBuild(
  log: TransparencyLog,
  registry: BuildRegistry,
  staging: string,
  purpose: Purpose,
  manifest: Manifest,
  manifestSha256: string,
  buildId: string,
): Promise<{ logIndex: number; receipt: Receipt }> {
  const ack = await log.writer.append({
    entry: encodeEntry({
      type: 'build',
      version: 1,
      build_id: buildId,
      purpose,
      manifest_sha256: manifestSha256,
      items_root: manifest.items_root,
      subjects_root: manifest.subjects_root,
      subjects_count: manifest.subjects_count,
      consent_checkpoint: {
        origin: manifest.consent.checkpoint.origin,
        size: manifest.consent.checkpoint.size,
        root: manifest.consent.checkpoint.root,
      },
    }),
  });
  const receipt = log.receiptFor(ack);
  await writeFile(path.join(staging, RECEIPT_FILE), `${JSON.stringify(receipt, null, 2)}\n`, {
    flag: 'wx',
  });
  await registry.recordBuild(
    {
      manifestSha256,
      purpose: manifest.purpose,
      consentAt: manifest.consent.at,
      itemsRoot: manifest.items_root,
      admitted: manifest.counts.admitted,
      excluded: manifest.counts.excluded,
      rejected: manifest.counts.rejected,
      createdAt: new Date().toISOString(),
      buildId,
      subjectsRoot: manifest.subjects_root,
      subjectsCount: manifest.subjects_count,
      logIndex: ack.index,
      checkpointSize: manifest.consent.checkpoint.size,
    },
    readBlocks(path.join(staging, SUBJECTS_FILE)),
  );
  return { logIndex: ack.index, receipt };
}
