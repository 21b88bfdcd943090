import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ObhutError } from '../errors/index.js';
import {
  type LockAttempt,
  lockPath,
  releaseLock,
  removeAbandonedStaging,
  stagingPath,
  tryLock,
} from '../io/sibling-files.js';
import {
  notePublishState,
  type PublishState,
  STOP_ORDER,
  whenStopped,
} from '../io/stop-actions.js';
import { MANIFEST_FORMAT } from './manifest.js';

/**
 * A build's outputs are written into a hidden sibling folder and renamed into place only when
 * complete, so readers never see a half-written dataset and a failed build leaves nothing.
 * The output path is locked for the whole build (a `.NAME.lock` file beside it), so two builds
 * to one folder cannot both log themselves and then race for the rename.
 */
export class OutputFolder {
  private constructor(
    readonly target: string,
    readonly staging: string,
    private readonly overwrite: boolean,
    private readonly lock: string,
  ) {}

  static async create(
    target: string,
    overwrite: boolean,
    inputs: readonly string[] = [],
  ): Promise<OutputFolder> {
    const resolved = path.resolve(target);
    for (const input of inputs) {
      const rel = path.relative(resolved, path.resolve(input));
      if (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel)) {
        throw new ObhutError(
          'USAGE',
          `the output folder ${target} must not contain the input ${input}`,
        );
      }
    }
    // The lock lives beside the output, so its parent must exist first.
    await mkdir(path.dirname(resolved), { recursive: true });
    const lock = lockOutput(resolved);
    try {
      // First, since finishing an interrupted replacement can put a folder at the target.
      removeAbandonedStaging(resolved);
      checkTarget(resolved, target, overwrite);
      const staging = stagingPath(resolved);
      // Made and registered without yielding: a stop handled while an asynchronous mkdir was
      // under way found no staging folder to remove, and the mkdir then left one behind.
      mkdirSync(staging, { recursive: true, mode: 0o755 });
      ACTIVE_STAGING.add(staging);
      return new OutputFolder(resolved, staging, overwrite, lock);
    } catch (err) {
      releaseLock(lock);
      throw err;
    }
  }

  /**
   * Throws unless publish() will succeed; called before the build is logged and recorded, so a
   * build that is logged is also published. The lock keeps another build from changing this.
   */
  checkPublishable(): void {
    checkTarget(this.target, this.target, this.overwrite);
  }

  async publish(): Promise<void> {
    // Said before the renames: once one is under way the output may already be in place when a
    // stop arrives, and a stopped build must not claim that nothing was published.
    notePublishState('publishing');
    publishListener?.('publishing');
    if (this.overwrite && existsSync(this.target)) {
      const old = `${this.staging}.old`;
      // From here a stop must leave the staging folder alone: were it removed after the first
      // rename, the logged build would be lost and the old one put back. Left with its `.old`,
      // the next writer to this output finishes the replacement (removeAbandonedStaging).
      ACTIVE_STAGING.delete(this.staging);
      await rename(this.target, old);
      await rename(this.staging, this.target);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(this.staging, this.target);
    }
    ACTIVE_STAGING.delete(this.staging);
    releaseLock(this.lock);
    notePublishState('published');
    publishListener?.('published');
  }

  async discard(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
    ACTIVE_STAGING.delete(this.staging);
    releaseLock(this.lock);
  }
}

function checkTarget(resolved: string, target: string, overwrite: boolean): void {
  if (existsSync(resolved)) {
    if (!overwrite) {
      throw new ObhutError(
        'OUTPUT_EXISTS',
        `output folder ${target} already exists; choose another or pass --overwrite`,
      );
    }
    // --overwrite replaces an earlier build, never some other folder or file.
    if (!isBuildOutput(resolved)) {
      throw new ObhutError(
        'OUTPUT_EXISTS',
        `${target} exists and is not an Obhut build output (no build manifest.json), so --overwrite will not replace it`,
      );
    }
  }
}

const ACTIVE_STAGING = new Set<string>();

export type { PublishState };

let publishListener: ((state: PublishState) => void) | undefined;

/**
 * Tells `listener` when this thread starts publishing a build and when it has; the thread of
 * src/cli/heap-limited.ts passes it to the main thread, which may stop the thread at any point.
 */
export function onPublish(listener: (state: PublishState) => void): void {
  publishListener = listener;
}

/** Removes unfinished builds' staging folders; for a process interrupted by a signal. */
function removeStagingFolders(): void {
  for (const staging of ACTIVE_STAGING) rmSync(staging, { recursive: true, force: true });
  ACTIVE_STAGING.clear();
}
// A stop removes the staging folders before the locks are freed (sibling-files.ts registers
// that), so no other build can take the output while one of them is still there.
whenStopped(STOP_ORDER.staging, removeStagingFolders);

export { lockPath };

function lockOutput(resolved: string): string {
  let attempt: LockAttempt;
  try {
    attempt = tryLock(resolved);
  } catch (err) {
    throw new ObhutError(
      'OUTPUT_LOCKED',
      `cannot lock the output folder ${resolved} (${lockPath(resolved)}): ${(err as Error).message}`,
      { cause: err },
    );
  }
  if (attempt.locked) return attempt.lock;
  throw new ObhutError(
    'OUTPUT_LOCKED',
    attempt.holder === undefined
      ? `another build is writing to ${resolved}`
      : `another build (process ${attempt.holder}) is writing to ${resolved}; wait for it to finish`,
  );
}

function isBuildOutput(dir: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
      format?: unknown;
    };
    return statSync(dir).isDirectory() && manifest.format === MANIFEST_FORMAT;
  } catch {
    return false;
  }
}
