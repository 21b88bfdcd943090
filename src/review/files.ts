import { constants } from 'node:fs';
import { chmod, copyFile, mkdir, open, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The review folder: `<home>/review/raw` (originals) and `<home>/review/derived` (reviewer copies). */
export function reviewRoot(home: string): string {
  return path.join(home, 'review');
}

/** Creates the review folders, readable by the owner only. */
export async function ensureReviewDirs(home: string): Promise<void> {
  const root = reviewRoot(home);
  for (const dir of [root, path.join(root, 'raw'), path.join(root, 'derived')]) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  }
}

/** The absolute path of a stored relative media path (`raw/…` or `derived/…`). */
export function mediaPath(home: string, relative: string): string {
  const root = reviewRoot(home);
  const full = path.resolve(root, relative);
  // Stored paths are ours, but a path leaving the folder would make deletion dangerous.
  if (!full.startsWith(`${root}${path.sep}`))
    throw new RangeError(`bad review media path ${relative}`);
  return full;
}

export async function copyRaw(home: string, source: string, relative: string): Promise<void> {
  const target = mediaPath(home, relative);
  // The folder is 0700, so the copy is private before its own mode is narrowed too.
  await copyFile(source, target, constants.COPYFILE_EXCL);
  await chmod(target, 0o600);
}

export async function writeDerived(
  home: string,
  relative: string,
  bytes: Uint8Array,
): Promise<void> {
  await writeFile(mediaPath(home, relative), bytes, { mode: 0o600, flag: 'wx' });
}

/** Deletes a stored media file; one that is already gone is fine. */
export async function removeMedia(home: string, relative: string | undefined): Promise<void> {
  if (relative === undefined) return;
  await rm(mediaPath(home, relative), { force: true });
}

/** Seconds of audio in a WAV written by `encodeWav` (16-bit mono, fmt + data); undefined if not. */
export async function wavDuration(home: string, relative: string): Promise<number | undefined> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(mediaPath(home, relative), 'r');
    const header = Buffer.alloc(44);
    const { bytesRead } = await handle.read(header, 0, 44, 0);
    if (bytesRead < 44) return undefined;
    if (header.toString('latin1', 0, 4) !== 'RIFF' || header.toString('latin1', 36, 40) !== 'data')
      return undefined;
    const byteRate = header.readUInt32LE(28);
    if (byteRate === 0) return undefined;
    return Math.round((header.readUInt32LE(40) / byteRate) * 1000) / 1000;
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}
