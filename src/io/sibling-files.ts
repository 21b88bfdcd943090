// Files written beside a target on the same file system: a lock (`.NAME.lock`) that says which
// process is changing the target, and hidden staging paths (`.NAME.tmp-…`) renamed into place
// when complete. Both carry the writing process's id, and staging names also a tag of the host,
// so a later run can tell what was abandoned (killed, crashed) from what is still being written —
// also when several machines write beside each other on shared storage (a Slurm array on NFS).

import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { STOP_ORDER, whenStopped } from './stop-actions.js';

/** Eight hex digits naming this machine in staging names (a digest: host names can hold `-`). */
const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);

/** A staging path beside `target`: `.NAME.tmp-h<host>-<pid>-<random>`. */
export function stagingPath(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.tmp-h${HOST_TAG}-${process.pid}-${randomBytes(6).toString('hex')}`,
  );
}

/**
 * Removes staging paths beside `target` whose process is gone. Only this machine's are judged
 * (a process id means nothing on another host); names without a host tag, as earlier versions
 * wrote them, count as this machine's.
 */
export function removeAbandonedStaging(target: string): void {
  const prefix = `.${path.basename(target)}.tmp-`;
  const dir = path.dirname(target);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const abandoned = new Set<string>();
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(?:h([0-9a-f]{8})-)?(\d+)-[0-9a-f]{12}(\.old)?$/.exec(
      name.slice(prefix.length),
    );
    if (!match || (match[1] !== undefined && match[1] !== HOST_TAG)) continue;
    const pid = Number(match[2]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || processAlive(pid))
      continue;
    abandoned.add(name);
  }
  finishInterruptedReplace(target, abandoned);
  for (const name of abandoned) rmSync(path.join(dir, name), { recursive: true, force: true });
}

/**
 * Replacing a target is two renames (target → `STAGING.old`, then `STAGING` → target); a
 * process stopped between them leaves no target at all. A `.old` exists only once the staging
 * path is complete (and, for a build, logged), so the replacement is finished rather than
 * undone; without the new path, the old one goes back. Either way the target exists again
 * before anything abandoned is removed.
 */
function finishInterruptedReplace(target: string, abandoned: Set<string>): void {
  if (existsSync(target)) return;
  const dir = path.dirname(target);
  for (const name of abandoned) {
    if (!name.endsWith('.old')) continue;
    const staging = name.slice(0, -'.old'.length);
    const from = abandoned.has(staging) ? staging : name;
    try {
      renameSync(path.join(dir, from), target);
    } catch (err) {
      // Another process finished it first (shards retried side by side take no lock).
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    abandoned.delete(from);
    return;
  }
}

/** The lock file of `target`: beside it, so it is on the same file system. */
export function lockPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.lock`);
}

export type LockAttempt =
  | { readonly locked: true; readonly lock: string }
  | { readonly locked: false; readonly holder: number | undefined };

const HELD_LOCKS = new Set<string>();

/**
 * Creates the lock file exclusively (O_EXCL) with this process's id. A lock whose process is
 * gone is taken over; one held by a live process, this one included, is not. Two processes
 * taking over one stale lock at the same moment could both succeed; that needs a crash and two
 * new writers within microseconds, and is accepted.
 */
export function tryLock(target: string): LockAttempt {
  const lock = lockPath(target);
  let holder: number | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(lock, 'wx', 0o644);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const found = lockHolder(lock);
      holder = found.pid;
      if (found.live) return { locked: false, holder };
      // Stale: its process on this machine is gone, or it has held no id for a while (its
      // writer died between open and write).
      try {
        unlinkSync(lock);
      } catch {
        // Another process took it over first; the next attempt finds its lock.
      }
      continue;
    }
    try {
      writeSync(fd, `h${HOST_TAG}:${process.pid}\n`);
    } finally {
      closeSync(fd);
    }
    HELD_LOCKS.add(lock);
    return { locked: true, lock };
  }
  return { locked: false, holder };
}

/** Waits (polling) for the lock up to `timeoutMs`; for short critical sections. */
export async function lockWithin(target: string, timeoutMs: number): Promise<LockAttempt> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const attempt = tryLock(target);
    if (attempt.locked || Date.now() >= deadline) return attempt;
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
  }
}

export function releaseLock(lock: string): void {
  if (!HELD_LOCKS.delete(lock)) return;
  rmSync(lock, { force: true });
}

/** Releases every lock this process holds; for a process interrupted by a signal (below). */
export function releaseAllLocks(): void {
  for (const lock of HELD_LOCKS) releaseLock(lock);
}
// Every module that takes a lock loads this one, so a stop frees the locks of any command.
whenStopped(STOP_ORDER.locks, releaseAllLocks);

/**
 * Who holds a lock, and whether it must be taken as live: a holder on another machine always
 * (its process id means nothing here), one on this machine while its process runs, and a lock
 * without an id yet for a few seconds — its writer may be between creating and writing it.
 */
function lockHolder(lock: string): { pid: number | undefined; live: boolean } {
  let text: string;
  let ageMs: number;
  try {
    text = readFileSync(lock, 'utf8');
    ageMs = Date.now() - statSync(lock).mtimeMs;
  } catch {
    // Gone meanwhile: the next attempt creates it.
    return { pid: undefined, live: false };
  }
  const holder = parseLockText(text);
  if (holder === undefined) return { pid: undefined, live: ageMs < UNWRITTEN_LOCK_MS };
  const { host, pid } = holder;
  if (host !== undefined && host !== HOST_TAG) return { pid, live: true };
  return { pid, live: processAlive(pid) };
}

/**
 * The holder a lock file names: `h<host tag>:<pid>` as this version writes it, or a bare pid as
 * earlier versions did; undefined for anything else (an empty file is still being written).
 */
export function parseLockText(text: string): { host?: string; pid: number } | undefined {
  const match = /^(?:h([0-9a-f]{8}):)?(\d+)\s*$/.exec(text);
  if (!match) return undefined;
  const pid = Number(match[2]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  return { ...(match[1] === undefined ? {} : { host: match[1] }), pid };
}

/** How long a lock file without a process id counts as being written, not abandoned. */
const UNWRITTEN_LOCK_MS = 10_000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
