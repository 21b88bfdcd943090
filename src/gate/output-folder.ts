import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ObhutError } from '../errors/index.js';
import { MANIFEST_FORMAT } from './manifest.js';

/**
 * A build's outputs are written into a hidden sibling folder and renamed into place only when
 * complete, so readers never see a half-written dataset and a failed build leaves nothing.
 */
export class OutputFolder {
  private constructor(
    readonly target: string,
    readonly staging: string,
    private readonly overwrite: boolean,
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
    removeAbandonedStaging(resolved);
    // The staging folder names the process that owns it, so a later build can tell one that
    // was abandoned (killed, crashed) from one still being written.
    const staging = path.join(
      path.dirname(resolved),
      `.${path.basename(resolved)}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`,
    );
    await mkdir(staging, { recursive: true, mode: 0o755 });
    ACTIVE_STAGING.add(staging);
    return new OutputFolder(resolved, staging, overwrite);
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
  }

  async discard(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
    ACTIVE_STAGING.delete(this.staging);
  }
}

const ACTIVE_STAGING = new Set<string>();

/** Removes unfinished builds' staging folders; for a process interrupted by a signal. */
export function removeStagingFolders(): void {
  for (const staging of ACTIVE_STAGING) rmSync(staging, { recursive: true, force: true });
  ACTIVE_STAGING.clear();
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
