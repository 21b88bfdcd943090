import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { MediaEntry } from '../evaluation/media.js';

/** Copies admitted media into the output folder, each distinct file once. */
export class MediaCopier {
  files = 0;
  bytes = 0;

  constructor(private readonly outDir: string) {}

  place(source: string, entry: MediaEntry): void {
    const target = path.join(this.outDir, entry.path);
    if (existsSync(target)) return;
    if (this.files === 0) mkdirSync(path.join(this.outDir, 'media'), { recursive: true });
    copyFileSync(source, target);
    this.files++;
    this.bytes += entry.bytes;
  }
}
