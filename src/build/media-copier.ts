import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const MAX_MEDIA_BYTES = 512 * 1024 * 1024;

export interface CopiedMedia {
  /** Path inside the output folder, e.g. `media/3f…a1.png`. */
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * Resolves media paths against their input file's folder and copies admitted media into the
 * output under content-addressed names (identical files are stored once).
 */
export class MediaCopier {
  files = 0;
  bytes = 0;
  readonly #outDir: string;

  constructor(outDir: string) {
    this.#outDir = outDir;
  }

  /** Returns the absolute path, or an error text when the path escapes the folder or is missing. */
  resolve(inputDir: string, media: string): { file: string; size: number } | string {
    // Media paths are attacker-controlled: they must stay inside the input's folder.
    const file = path.resolve(inputDir, media);
    const rel = path.relative(inputDir, file);
    if (path.isAbsolute(media) || rel.startsWith('..') || path.isAbsolute(rel)) {
      return `"media" path "${media}" leaves the input file's folder`;
    }
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return `"media" path "${media}" is not a file`;
      size = stat.size;
    } catch {
      return `"media" file "${media}" does not exist`;
    }
    if (size > MAX_MEDIA_BYTES)
      return `"media" file "${media}" is larger than ${MAX_MEDIA_BYTES} bytes`;
    return { file, size };
  }

  copy(file: string): CopiedMedia {
    const data = readFileSync(file);
    const sha256 = createHash('sha256').update(data).digest('hex');
    const ext = path
      .extname(file)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, '')
      .slice(0, 9);
    const name = `media/${sha256}${ext}`;
    const target = path.join(this.#outDir, name);
    if (!existsSync(target)) {
      if (this.files === 0) mkdirSync(path.join(this.#outDir, 'media'), { recursive: true });
      copyFileSync(file, target);
      this.files++;
      this.bytes += data.length;
    }
    return { path: name, sha256, bytes: data.length };
  }
}
