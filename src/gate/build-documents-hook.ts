import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ObhutError } from '../errors/index.js';
import type { FileEntry, Manifest } from './manifest.js';

/** A document written into the build folder beside the data (`obhut build --docs`). */
export interface BuildDocument {
  /** A plain file name in the build folder. */
  readonly path: string;
  readonly text: string;
}

/** Makes a build's documents from its manifest (outputs without the documents) and its folder. */
export type BuildDocumentsHook = (
  manifest: Manifest,
  folder: string,
) => Promise<readonly BuildDocument[]>;

const RESERVED = new Set(['manifest.json', 'build-receipt.json']);

/**
 * Writes the documents into the staging folder and returns the manifest whose outputs list
 * them too. The documents are made from the manifest before this addition, so they cannot name
 * their own digests or the manifest's; everything else in the manifest is unchanged.
 */
export async function addBuildDocuments(
  manifest: Manifest,
  staging: string,
  hook: BuildDocumentsHook,
): Promise<Manifest> {
  const documents = await hook(manifest, staging);
  const taken = new Set(manifest.outputs.map((o) => o.path));
  const entries: FileEntry[] = [];
  for (const doc of documents) {
    if (path.basename(doc.path) !== doc.path || taken.has(doc.path) || RESERVED.has(doc.path)) {
      throw new ObhutError('INTERNAL', `a build document may not be named ${doc.path}`);
    }
    taken.add(doc.path);
    const bytes = Buffer.from(doc.text, 'utf8');
    await writeFile(path.join(staging, doc.path), bytes, { flag: 'wx' });
    entries.push({
      path: doc.path,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  const outputs = [...manifest.outputs, ...entries].sort((a, b) => (a.path < b.path ? -1 : 1));
  return { ...manifest, outputs };
}
