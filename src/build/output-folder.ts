import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ObhutError } from '../errors/index.js';

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

  static async create(target: string, overwrite: boolean): Promise<OutputFolder> {
    const resolved = path.resolve(target);
    if (existsSync(resolved) && !overwrite) {
      throw new ObhutError(
        'OUTPUT_EXISTS',
        `output folder ${target} already exists; choose another or pass --overwrite`,
      );
    }
    const staging = path.join(
      path.dirname(resolved),
      `.${path.basename(resolved)}.tmp-${randomBytes(6).toString('hex')}`,
    );
    await mkdir(staging, { recursive: true, mode: 0o755 });
    return new OutputFolder(resolved, staging, overwrite);
  }

  async publish(): Promise<void> {
    if (this.overwrite && existsSync(this.target)) {
      const old = `${this.staging}.old`;
      await rename(this.target, old);
      await rename(this.staging, this.target);
      await rm(old, { recursive: true, force: true });
      return;
    }
    await rename(this.staging, this.target);
  }

  async discard(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
  }
}
