import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ObhutError } from '../errors/index.js';
import type { Receipt } from '../log/index.js';
import { SUBJECTS_FILE } from './build-writer.js';
import { MANIFEST_FORMAT } from './manifest.js';
import { BUILD_ID_HEX, RECEIPT_FILE } from './run-build.js';
import { proveSubject, type SubjectsProof } from './subjects-proof.js';
import { SubjectsTree } from './subjects-tree.js';

/**
 * Makes a subjects proof from a build's output folder alone: manifest.json, subjects.bin and
 * build-receipt.json. Checks that subjects.bin is the list the manifest commits to first, so a
 * damaged folder is reported as such rather than as a proof that fails later.
 */
export async function proveSubjectFromFolder(dir: string, subject: Buffer): Promise<SubjectsProof> {
  const manifestBytes = await readBuildFile(dir, 'manifest.json');
  let manifest: { format?: unknown; subjects_root?: unknown; subjects_count?: unknown };
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    throw new ObhutError('INPUT_UNREADABLE', `${path.join(dir, 'manifest.json')} is not JSON`);
  }
  if (manifest?.format !== MANIFEST_FORMAT) {
    throw new ObhutError('NOT_FOUND', `${dir} is not an Obhut build output`);
  }
  if (typeof manifest.subjects_root !== 'string' || typeof manifest.subjects_count !== 'number') {
    throw new ObhutError(
      'NOT_FOUND',
      `the build in ${dir} was made by an earlier version and has no subject list (subjects_root)`,
    );
  }
  const sorted = await readBuildFile(dir, SUBJECTS_FILE);
  let receipt: Receipt;
  try {
    receipt = JSON.parse((await readBuildFile(dir, RECEIPT_FILE)).toString('utf8'));
  } catch (err) {
    if (err instanceof ObhutError) throw err;
    throw new ObhutError('INPUT_UNREADABLE', `${path.join(dir, RECEIPT_FILE)} is not JSON`);
  }
  if (sorted.length % 32 !== 0) {
    throw new ObhutError('VERIFY_FAILED', `${SUBJECTS_FILE} is not a whole number of pseudonyms`);
  }
  const tree = new SubjectsTree(sorted);
  if (
    tree.count !== manifest.subjects_count ||
    !tree.isStrictlySorted() ||
    tree.root().toString('hex') !== manifest.subjects_root
  ) {
    throw new ObhutError(
      'VERIFY_FAILED',
      `${path.join(dir, SUBJECTS_FILE)} is not the sorted subject list the manifest's subjects_root commits to`,
    );
  }
  const manifestSha256 = createHash('sha256').update(manifestBytes).digest('hex');
  return proveSubject(
    tree,
    subject,
    {
      build_id: manifestSha256.slice(0, BUILD_ID_HEX),
      manifest_sha256: manifestSha256,
      subjects_root: manifest.subjects_root,
    },
    receipt,
  );
}

async function readBuildFile(dir: string, name: string): Promise<Buffer> {
  const file = path.join(dir, name);
  try {
    return await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new ObhutError(
        'NOT_FOUND',
        name === 'manifest.json'
          ? `${dir} is not a build output folder (no manifest.json)`
          : `the build in ${dir} has no ${name}`,
        { cause: err },
      );
    }
    throw new ObhutError('INPUT_UNREADABLE', `cannot read ${file}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}
