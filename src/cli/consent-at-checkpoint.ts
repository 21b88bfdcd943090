import { ObhutError } from '../errors/index.js';
import type { Purpose } from '../records/index.js';
import type { Session } from '../runtime/home.js';
import { loadConsentSnapshotIsolated } from '../runtime/load-snapshot.js';

/**
 * The consent register as of a signed checkpoint (`--checkpoint SIZE`, or the latest): what
 * `obhut build` and `obhut build plan` decide against. Events logged after it wait for the next
 * build, and the manifest or plan names the checkpoint, so the build can be checked against it.
 */
export async function consentAtCheckpoint(
  session: Session,
  purpose: Purpose,
  at: string,
  atMs: number,
  checkpointFlag: string | undefined,
) {
  const checkpoint = await session.log.reader.checkpoint(checkpointSize(checkpointFlag));
  const consent = await loadConsentSnapshotIsolated(
    session.config,
    purpose,
    at,
    atMs,
    { logSize: checkpoint.size },
    session.store,
  );
  return { checkpoint, consent };
}

/** `--checkpoint SIZE` as a log size, or undefined for the latest checkpoint. */
function checkpointSize(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const size = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(size) || size < 1) {
    throw new ObhutError('USAGE', `--checkpoint "${value}" is not a log size (a positive integer)`);
  }
  return size;
}
