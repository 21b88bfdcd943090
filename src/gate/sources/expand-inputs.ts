import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ObhutError } from '../../errors/index.js';
import { FOLDER_SUFFIXES } from './format.js';

/**
 * Replaces each folder among the inputs by the supported files under it (recursively, hidden
 * entries skipped), sorted by their path relative to the folder, compared as UTF-16 code units
 * with `/` as separator, so the order is the same on every machine. Files given by name are
 * kept as they are, whatever their name. `skip`, the build's output folder, is never searched:
 * a corpus folder may hold the dataset built from it.
 */
export function expandInputs(inputs: readonly string[], skip?: string): string[] {
  const skipped = skip === undefined ? undefined : path.resolve(skip);
  const out: string[] = [];
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      // A missing input is reported by the reader, with the same code as before.
    }
    if (!isDir) {
      out.push(input);
      continue;
    }
    const found = listSupported(input, '', skipped).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (found.length === 0) {
      throw new ObhutError(
        'INPUT_UNREADABLE',
        `input folder ${input} holds no supported files (${FOLDER_SUFFIXES.join(', ')})`,
      );
    }
    for (const rel of found) out.push(path.join(input, ...rel.split('/')));
  }
  return out;
}

function listSupported(root: string, rel: string, skipped: string | undefined): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      if (path.resolve(root, child) !== skipped) found.push(...listSupported(root, child, skipped));
    } else if (
      entry.isFile() &&
      FOLDER_SUFFIXES.some((s) => entry.name.toLowerCase().endsWith(s))
    ) {
      found.push(child);
    }
  }
  return found;
}
