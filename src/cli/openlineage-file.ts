import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { wrapError } from '../errors/index.js';
import type { BuildResult } from '../gate/run-build.js';
import { openLineageRunEvents } from '../lineage/index.js';

/**
 * Writes a finished build's OpenLineage run events (JSON Lines) to `file`, whole or not at all:
 * into a temporary file beside it, then renamed over it.
 */
export async function writeOpenLineage(
  file: string,
  result: BuildResult,
  startedAt: string,
): Promise<void> {
  const events = openLineageRunEvents({
    manifest: result.manifest,
    buildId: result.buildId,
    manifestSha256: result.manifestSha256,
    outDir: path.resolve(result.out),
    inputDir: process.cwd(),
    startedAt,
    endedAt: new Date().toISOString(),
  });
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.tmp-${randomBytes(6).toString('hex')}`,
  );
  try {
    await writeFile(temp, events.map((e) => `${JSON.stringify(e)}\n`).join(''), { flag: 'wx' });
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw wrapError(
      err,
      'OUTPUT_UNWRITABLE',
      `build ${result.buildId} is published, but its OpenLineage events could not be written to ${file}`,
    );
  }
}
