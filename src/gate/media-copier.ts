import { chmodSync, copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { KeptMedia } from '../evaluation/kept-media.js';
import type { MediaEntry } from '../evaluation/media.js';

/**
 * Copies admitted media into the output folder, each distinct file once: from the bytes read
 * when the item was described, when they were kept, else from the file.
 */
export class MediaCopier {
  files = 0;
  bytes = 0;

  constructor(
    private readonly outDir: string,
    private readonly kept?: KeptMedia,
  ) {}

  place(source: string, entry: MediaEntry): void {
    const target = path.join(this.outDir, entry.path);
    if (existsSync(target)) return;
    if (this.files === 0) mkdirSync(path.join(this.outDir, 'media'), { recursive: true });
    const bytes = this.kept?.get(entry);
    if (bytes) {
      writeFileSync(target, bytes);
      // With the source's permissions, as a copy gets them.
      chmodSync(target, statSync(source).mode & 0o7777);
    } else {
      copyFileSync(source, target);
    }
    this.files++;
    this.bytes += entry.bytes;
  }
}
