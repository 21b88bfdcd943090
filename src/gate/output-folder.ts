import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ObhutError } from '../errors/index.js';
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
      checkTarget(resolved, target, overwrite);
      removeAbandonedStaging(resolved);
      // The staging folder names the process that owns it, so a later build can tell one that
      // was abandoned (killed, crashed) from one still being written.
      const staging = path.join(
        path.dirname(resolved),
        `.${path.basename(resolved)}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`,
      );
      await mkdir(staging, { recursive: true, mode: 0o755 });
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
    if (this.overwrite && existsSync(this.target)) {
      const old = `${this.staging}.old`;
      await rename(this.target, old);
      await rename(this.staging, this.target);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(this.staging, this.target);
    }
    ACTIVE_STAGING.delete(this.staging);
    releaseLock(this.lock);
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

const HELD_LOCKS = new Set<string>();

/** Removes unfinished builds' staging folders and locks; for a process interrupted by a signal. */
export function removeStagingFolders(): void {
  for (const staging of ACTIVE_STAGING) rmSync(staging, { recursive: true, force: true });
  ACTIVE_STAGING.clear();
  for (const lock of HELD_LOCKS) releaseLock(lock);
}

/** The lock file of an output folder: beside it, so it is on the same file system. */
export function lockPath(resolved: string): string {
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}.lock`);
}

/**
 * Creates the lock file exclusively (O_EXCL) with this process's id. A lock whose process is
 * gone (killed, crashed) is taken over; one held by a live process, this one included, is not.
 */
function lockOutput(resolved: string): string {
  const lock = lockPath(resolved);
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(lock, 'wx', 0o644);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new ObhutError(
          'OUTPUT_LOCKED',
          `cannot lock the output folder ${resolved} (${lock}): ${(err as Error).message}`,
          { cause: err },
        );
      }
      const holder = lockHolder(lock);
      if (holder !== undefined && processAlive(holder)) {
        throw new ObhutError(
          'OUTPUT_LOCKED',
          `another build (process ${holder}) is writing to ${resolved}; wait for it to finish`,
        );
      }
      // Stale: its process is gone, or it holds no id (its writer died between open and write).
      // Two builds taking over one stale lock at the same moment could both succeed; that needs
      // a crashed build and two new ones within microseconds, and is accepted.
      try {
        unlinkSync(lock);
      } catch {
        // Another build took it over first; the next attempt finds its lock.
      }
      continue;
    }
    try {
      writeSync(fd, `${process.pid}\n`);
    } finally {
      closeSync(fd);
    }
    HELD_LOCKS.add(lock);
    return lock;
  }
  throw new ObhutError('OUTPUT_LOCKED', `another build is writing to ${resolved}`);
}

function releaseLock(lock: string): void {
  if (!HELD_LOCKS.delete(lock)) return;
  rmSync(lock, { force: true });
}

function lockHolder(lock: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes staging folders of builds to `target` whose process is gone: a build killed by a
 * signal that cannot be caught, or a crash, leaves its staging folder (with extracted records
 * and media) behind, and nothing else would ever remove it.
 */
function removeAbandonedStaging(target: string): void {
  const prefix = `.${path.basename(target)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(path.dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-[0-9a-f]{12}(\.old)?$/.exec(name.slice(prefix.length))?.[1]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || isAlive(pid)) continue;
    rmSync(path.join(path.dirname(target), name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
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
