import { hash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { KeptMedia } from './kept-media.js';

export const MAX_MEDIA_BYTES = 512 * 1024 * 1024;

/** A media file as recorded in an admitted item's provenance. */
export interface MediaEntry {
  /** Path inside the output folder, e.g. `media/3f…a1.png`: named by content, stored once. */
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * Resolves a record's media path, or says why it cannot be used. `inputDir` must be a real
 * path (see realpathSync): media paths are attacker-controlled, and the file they name, after
 * following every symbolic link, must lie inside the input's folder.
 */
export function resolveMedia(inputDir: string, media: string): { file: string } | string {
  const leaves = `"media" path "${media}" leaves the input file's folder`;
  if (path.isAbsolute(media)) return leaves;
  let file: string;
  try {
    file = realpathSync(path.resolve(inputDir, media));
  } catch {
    return `"media" file "${media}" does not exist`;
  }
  const rel = path.relative(inputDir, file);
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel))
    return leaves;
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
  return { file };
}

/** Hashes a media file and names it by its content; `kept` keeps its bytes for later steps. */
export function describeMedia(file: string, kept?: KeptMedia): MediaEntry {
  const data = readFileSync(file);
  const sha256 = hash('sha256', data, 'hex');
  const ext = path
    .extname(file)
    .toLowerCase()
    .replace(/[^.a-z0-9]/g, '')
    .slice(0, 9);
  const entry = { path: `media/${sha256}${ext}`, sha256, bytes: data.length };
  kept?.keep(entry, data);
  return entry;
}
