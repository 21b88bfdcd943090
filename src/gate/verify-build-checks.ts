import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeEntry } from '../log/entry.js';
import { canonicalPolicyJson, type Policy } from '../policy/index.js';
import { SUBJECTS_FILE } from './build-writer.js';
import type { Manifest } from './manifest.js';
import { SUBJECT_BYTES } from './subject-bytes.js';
import { SubjectsTree } from './subjects-tree.js';

/** Records one check of `obhut build verify`; the functions here each check one part. */
export type Check = (name: string, ok: boolean, detail: string) => void;

const RECEIPT = 'build-receipt.json';

/**
 * subjects.bin against subjects_root and subjects_count, and against the set of subjects the
 * published items name in their provenance: the list must be exactly those, sorted.
 */
export function checkSubjects(
  dir: string,
  manifest: Manifest,
  listed: ReadonlySet<string>,
  named: ReadonlySet<string>,
  check: Check,
): void {
  if (!listed.has(SUBJECTS_FILE)) {
    check('subjects_root', false, `${SUBJECTS_FILE} is not listed in the manifest`);
    return;
  }
  let list: Buffer;
  try {
    list = readFileSync(path.join(dir, SUBJECTS_FILE));
  } catch {
    check('subjects_root', false, `${SUBJECTS_FILE} is missing`);
    return;
  }
  if (list.length % SUBJECT_BYTES !== 0) {
    check('subjects_root', false, `${SUBJECTS_FILE} is not a whole number of 32-byte pseudonyms`);
    return;
  }
  const tree = new SubjectsTree(list);
  const root = tree.root().toString('hex');
  const sorted = tree.isStrictlySorted();
  check(
    'subjects_root',
    root === manifest.subjects_root && tree.count === manifest.subjects_count && sorted,
    root === manifest.subjects_root
      ? `${root} is the Merkle root of the ${tree.count} pseudonyms in ${SUBJECTS_FILE}` +
          (sorted ? ', sorted and distinct' : ', but they are not sorted and distinct') +
          (tree.count === manifest.subjects_count
            ? ''
            : `; the manifest says ${manifest.subjects_count}`)
      : `${SUBJECTS_FILE} gives ${root}, the manifest says ${String(manifest.subjects_root)}`,
  );
  let missing = 0;
  for (let i = 0; i < tree.count; i++) {
    if (!named.has(tree.subject(i).toString('hex'))) missing++;
  }
  const same = missing === 0 && named.size === tree.count;
  check(
    'subjects',
    same,
    same
      ? `${SUBJECTS_FILE} lists exactly the ${named.size} subjects the admitted items name`
      : `the admitted items name ${named.size} subjects; ${SUBJECTS_FILE} has ${tree.count}, ${missing} of them named by no item`,
  );
}

/** Each media file is named by its SHA-256; they are the files the items name, no more. */
export function checkMedia(
  dir: string,
  manifest: Manifest,
  named: ReadonlySet<string>,
  check: Check,
): void {
  const mediaDir = path.join(dir, 'media');
  const names = existsSync(mediaDir) ? readdirSync(mediaDir) : [];
  let bytes = 0;
  const wrong: string[] = [];
  for (const name of names) {
    const file = path.join(mediaDir, name);
    const content = readFileSync(file);
    bytes += statSync(file).size;
    if (!name.startsWith(`${sha256(content)}.`) && name !== sha256(content)) wrong.push(name);
  }
  const present = new Set(names.map((n) => `media/${n}`));
  const unnamed = [...present].filter((p) => !named.has(p)).length;
  const absent = [...named].filter((p) => !present.has(p)).length;
  const ok =
    wrong.length === 0 &&
    unnamed === 0 &&
    absent === 0 &&
    names.length === manifest.media?.files &&
    bytes === manifest.media?.bytes;
  check(
    'media',
    ok,
    ok
      ? `${names.length} media files (${bytes} bytes), each named by its SHA-256, exactly those the admitted items name`
      : [
          wrong.length > 0
            ? `content does not match the name: ${wrong.slice(0, 5).join(', ')}`
            : '',
          absent > 0 ? `${absent} file(s) named by items are missing` : '',
          unnamed > 0 ? `${unnamed} file(s) named by no item` : '',
          `${names.length} files, ${bytes} bytes; the manifest says ${manifest.media?.files} files, ${manifest.media?.bytes} bytes`,
        ]
          .filter(Boolean)
          .join('; '),
  );
}

export function checkPolicy(manifest: Manifest, check: Check): void {
  let digest: string | undefined;
  try {
    digest = sha256(Buffer.from(canonicalPolicyJson(manifest.policy.effective as Policy)));
  } catch {
    digest = undefined;
  }
  check(
    'policy',
    digest === manifest.policy?.sha256,
    digest === manifest.policy?.sha256
      ? `the effective policy's canonical JSON has SHA-256 ${digest}`
      : `the effective policy gives ${digest ?? 'no canonical JSON'}, the manifest says ${manifest.policy?.sha256}`,
  );
}

/** The receipt's entry must be this build's: same manifest digest and roots. */
export function checkReceipt(
  dir: string,
  manifest: Manifest,
  manifestSha256: string,
  check: Check,
): void {
  const file = path.join(dir, RECEIPT);
  if (!existsSync(file)) {
    check('receipt', false, `${RECEIPT} is missing`);
    return;
  }
  let entry: Record<string, unknown> | undefined;
  let index: unknown;
  try {
    const receipt = JSON.parse(readFileSync(file, 'utf8')) as { entry?: unknown; index?: unknown };
    index = receipt.index;
    const decoded = decodeEntry(Buffer.from(String(receipt.entry), 'base64'));
    if (decoded.ok && decoded.entry.type === 'build')
      entry = decoded.entry as Record<string, unknown>;
  } catch {
    entry = undefined;
  }
  const ok =
    entry !== undefined &&
    entry.manifest_sha256 === manifestSha256 &&
    entry.items_root === manifest.items_root &&
    entry.subjects_root === manifest.subjects_root &&
    entry.build_id === manifestSha256.slice(0, 16);
  check(
    'receipt',
    ok,
    ok
      ? `${RECEIPT} is for log entry ${String(index)}, build ${String(entry!.build_id)}, naming this manifest and both roots`
      : entry === undefined
        ? `${RECEIPT} holds no build entry`
        : `${RECEIPT}'s build entry names manifest ${String(entry.manifest_sha256)}, not this one (${manifestSha256})`,
  );
}

export function sameCounts(
  a: Record<string, number>,
  b: Readonly<Record<string, number>>,
): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
