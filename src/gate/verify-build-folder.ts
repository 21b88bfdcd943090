import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ObhutError } from '../errors/index.js';
import { decodeEntry } from '../log/entry.js';
import { TreeHasher } from '../merkle/index.js';
import { canonicalPolicyJson, type Policy } from '../policy/index.js';
import { SUBJECTS_FILE } from './build-writer.js';
import { type FileEntry, MANIFEST_FORMAT, type Manifest } from './manifest.js';
import { readOutputLines } from './output-lines.js';
import { readParquetLeaves } from './parquet-leaf.js';
import { SUBJECT_BYTES } from './subject-bytes.js';
import { SubjectsTree } from './subjects-tree.js';

/** One thing `obhut build verify` checked, and what it found. */
export interface BuildCheck {
  readonly check: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface BuildVerification {
  readonly ok: boolean;
  readonly checks: readonly BuildCheck[];
  /** What holds, in words; present when every check passed. */
  readonly statement?: string;
}

const RECEIPT = 'build-receipt.json';
const PROVENANCE = Buffer.from(',"_obhut":{"input":');
const ITEMS_FILE = /^items-\d{5}\.(jsonl(\.gz|\.zst)?|parquet)$/;

/**
 * Rechecks, from an output folder alone, what its manifest.json claims: every output file's
 * size and SHA-256 (and that no other file is there), items_root from the published item lines,
 * subjects.bin against subjects_root and against the subjects the items name, the counts from
 * the published files, the media files and the policy digest, and that build-receipt.json's
 * entry names this manifest. Offline: no home, key or database. The log signature is left to
 * `obhut verify build-receipt.json --key`, which needs the key the reader trusts.
 */
export async function verifyBuildFolder(dir: string): Promise<BuildVerification> {
  const checks: BuildCheck[] = [];
  const check = (name: string, ok: boolean, detail: string) =>
    checks.push({ check: name, ok, detail });
  const { manifest, bytes: manifestBytes } = readManifest(dir);
  const manifestSha256 = sha256(manifestBytes);

  // Each listed file, byte for byte, and nothing beside them but the manifest, receipt and media.
  const outputs = Array.isArray(manifest.outputs) ? manifest.outputs : [];
  const listed = new Set<string>();
  for (const entry of outputs) {
    if (!safeName(entry.path)) {
      check(`file ${String(entry.path)}`, false, 'the manifest names a path outside the folder');
      continue;
    }
    listed.add(entry.path);
  }
  const unlisted = readdirSync(dir).filter(
    (name) => !listed.has(name) && name !== 'manifest.json' && name !== RECEIPT && name !== 'media',
  );
  check(
    'files',
    unlisted.length === 0 && listed.size > 0,
    unlisted.length === 0
      ? `the folder holds the ${listed.size} output files the manifest lists, and no other`
      : `not listed in the manifest: ${unlisted.join(', ')}`,
  );

  // Every items file is read once: its digest, its lines (the leaves) and their provenance.
  const items = new TreeHasher();
  const subjects = new Set<string>();
  const media = new Set<string>();
  const itemFiles = outputs.filter((e) => listed.has(e.path) && ITEMS_FILE.test(e.path));
  let admitted = 0;
  let unreadable = 0;
  for (const entry of [...itemFiles].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const onItem = (line: Buffer, provenance: Record<string, unknown> | undefined) => {
      items.append(line);
      if (provenance === undefined) unreadable++;
      if (typeof provenance?.subject === 'string') subjects.add(provenance.subject);
      const mediaPath = (provenance?.media as { path?: unknown } | undefined)?.path;
      if (typeof mediaPath === 'string') media.add(mediaPath);
    };
    admitted += entry.path.endsWith('.parquet')
      ? await readBackParquet(dir, entry, check, onItem)
      : await readBack(dir, entry, check, (line) => onItem(line, provenanceOf(line)));
  }
  const excludedByReason: Record<string, number> = {};
  const excluded = await countJsonLines(dir, outputs, 'excluded.jsonl', check, (value) => {
    for (const reason of Array.isArray(value.reasons) ? value.reasons : []) {
      excludedByReason[String(reason)] = (excludedByReason[String(reason)] ?? 0) + 1;
    }
  });
  const rejectedByCode: Record<string, number> = {};
  const rejected = await countJsonLines(dir, outputs, 'rejected.jsonl', check, (value) => {
    const code = String(value.code);
    rejectedByCode[code] = (rejectedByCode[code] ?? 0) + 1;
  });

  for (const entry of outputs) {
    if (!listed.has(entry.path) || ITEMS_FILE.test(entry.path)) continue;
    if (entry.path === 'excluded.jsonl' || entry.path === 'rejected.jsonl') continue;
    checkDigest(dir, entry, check);
  }

  const itemsRoot = items.root().toString('hex');
  check(
    'items_root',
    itemsRoot === manifest.items_root && unreadable === 0,
    itemsRoot === manifest.items_root
      ? `${itemsRoot} is the Merkle root of the ${admitted} admitted lines in ${itemFiles.length} items file(s)` +
          (unreadable > 0 ? `, but ${unreadable} line(s) carry no readable _obhut provenance` : '')
      : `the ${admitted} admitted lines give ${itemsRoot}, the manifest says ${String(manifest.items_root)}`,
  );

  checkSubjects(dir, manifest, listed, subjects, check);

  const counts = manifest.counts ?? ({} as Manifest['counts']);
  const countsOk =
    counts.admitted === admitted &&
    counts.excluded === excluded &&
    counts.rejected === rejected &&
    counts.input === admitted + excluded + rejected;
  check(
    'counts',
    countsOk,
    countsOk
      ? `${counts.input} records = ${admitted} admitted + ${excluded} excluded + ${rejected} rejected, as published`
      : `published: ${admitted} admitted, ${excluded} excluded, ${rejected} rejected; the manifest says ${JSON.stringify(counts)}`,
  );
  const inputRecords = (manifest.inputs ?? []).reduce((n, input) => n + (input.records ?? 0), 0);
  check(
    'inputs',
    inputRecords === counts.input,
    `the ${(manifest.inputs ?? []).length} inputs' records add up to ${inputRecords}` +
      (inputRecords === counts.input ? '' : `, not ${counts.input}`),
  );
  const reasonsOk = sameCounts(excludedByReason, manifest.excluded_by_reason ?? {});
  check(
    'excluded_by_reason',
    reasonsOk,
    reasonsOk
      ? 'matches the reasons in excluded.jsonl'
      : `excluded.jsonl gives ${JSON.stringify(excludedByReason)}`,
  );
  const codesOk = sameCounts(rejectedByCode, manifest.rejected_by_code ?? {});
  check(
    'rejected_by_code',
    codesOk,
    codesOk
      ? 'matches the codes in rejected.jsonl'
      : `rejected.jsonl gives ${JSON.stringify(rejectedByCode)}`,
  );

  checkMedia(dir, manifest, media, check);
  checkPolicy(manifest, check);
  checkReceipt(dir, manifest, manifestSha256, check);

  const ok = checks.every((c) => c.ok);
  return {
    ok,
    checks,
    ...(ok
      ? {
          statement:
            `The folder is the build its manifest (SHA-256 ${manifestSha256}) describes: ` +
            `its ${listed.size} output files are byte for byte the ones listed; ` +
            `items_root ${itemsRoot} covers exactly the ${admitted} published admitted records; ` +
            `subjects_root ${String(manifest.subjects_root)} covers exactly the ${subjects.size} subjects those records name; ` +
            `the counts (${counts.input} records: ${admitted} admitted, ${excluded} excluded, ${rejected} rejected) match the published files. ` +
            'Not checked here: the consent register it was evaluated against and the log signature (`obhut verify build-receipt.json --key VKEY`).',
        }
      : {}),
  };
}

function readManifest(dir: string): { manifest: Manifest; bytes: Buffer } {
  const file = path.join(dir, 'manifest.json');
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ObhutError(
      code === 'ENOENT' || code === 'ENOTDIR' ? 'NOT_FOUND' : 'INPUT_UNREADABLE',
      code === 'ENOENT' || code === 'ENOTDIR'
        ? `${dir} is not a build output folder (no manifest.json)`
        : `cannot read ${file}: ${(err as Error).message}`,
      { cause: err },
    );
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(bytes.toString('utf8')) as Manifest;
  } catch {
    throw new ObhutError('VERIFY_FAILED', `${file} is not JSON`);
  }
  if (manifest?.format !== MANIFEST_FORMAT) {
    throw new ObhutError(
      'NOT_FOUND',
      `${dir} is not an Obhut build output (format ${String(manifest?.format)})`,
    );
  }
  return { manifest, bytes };
}

type Check = (name: string, ok: boolean, detail: string) => void;

/** Reads one listed lines file, checks its size, digest and line count; returns its lines. */
async function readBack(
  dir: string,
  entry: FileEntry,
  check: Check,
  onLine: (line: Buffer) => void,
): Promise<number> {
  const file = path.join(dir, entry.path);
  if (!existsSync(file)) {
    check(`file ${entry.path}`, false, 'listed in the manifest but missing');
    return 0;
  }
  const { lines, stored } = readOutputLines(file);
  let count = 0;
  try {
    for await (const line of lines) {
      onLine(line);
      count++;
    }
  } catch (err) {
    check(`file ${entry.path}`, false, `cannot be read: ${(err as Error).message}`);
    return count;
  }
  const same = stored.bytes === entry.bytes && stored.sha256 === entry.sha256;
  const records = entry.records === undefined || entry.records === count;
  check(
    `file ${entry.path}`,
    same && records,
    same
      ? `${stored.bytes} bytes, SHA-256 ${stored.sha256}, ${count} lines` +
          (records ? '' : ` (the manifest says ${entry.records})`)
      : `${stored.bytes} bytes with SHA-256 ${stored.sha256}; the manifest says ${entry.bytes} bytes, ${entry.sha256}`,
  );
  return count;
}

/** A Parquet items file: its digest, and each row's leaf with its `_obhut` column. */
async function readBackParquet(
  dir: string,
  entry: FileEntry,
  check: Check,
  onItem: (leaf: Buffer, provenance: Record<string, unknown> | undefined) => void,
): Promise<number> {
  if (!checkDigest(dir, entry, check)) return 0;
  try {
    const rows = await readParquetLeaves(path.join(dir, entry.path), (leaf, provenance) => {
      let parsed: Record<string, unknown> | undefined;
      try {
        parsed = typeof provenance === 'string' ? JSON.parse(provenance) : undefined;
      } catch {
        parsed = undefined;
      }
      onItem(leaf, parsed);
    });
    if (entry.records !== undefined && rows !== entry.records) {
      check(`rows ${entry.path}`, false, `${rows} rows; the manifest says ${entry.records}`);
    }
    return rows;
  } catch (err) {
    check(`file ${entry.path}`, false, `cannot be read as Parquet: ${(err as Error).message}`);
    return 0;
  }
}

/** A listed file that is not read line by line (subjects.bin): its size and digest. */
function checkDigest(dir: string, entry: FileEntry, check: Check): boolean {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(dir, entry.path));
  } catch {
    check(`file ${entry.path}`, false, 'listed in the manifest but missing');
    return false;
  }
  const digest = sha256(bytes);
  const same = bytes.length === entry.bytes && digest === entry.sha256;
  check(
    `file ${entry.path}`,
    same,
    same
      ? `${bytes.length} bytes, SHA-256 ${digest}`
      : `${bytes.length} bytes with SHA-256 ${digest}; the manifest says ${entry.bytes} bytes, ${entry.sha256}`,
  );
  return true;
}

async function countJsonLines(
  dir: string,
  outputs: readonly FileEntry[],
  name: string,
  check: Check,
  onValue: (value: Record<string, unknown>) => void,
): Promise<number> {
  const entry = outputs.find((e) => e.path === name);
  if (!entry) {
    check(`file ${name}`, false, 'not listed in the manifest');
    return 0;
  }
  let bad = 0;
  const count = await readBack(dir, entry, check, (line) => {
    try {
      onValue(JSON.parse(line.toString('utf8')) as Record<string, unknown>);
    } catch {
      bad++;
    }
  });
  if (bad > 0) check(`file ${name}`, false, `${bad} line(s) are not JSON`);
  return count;
}

/** The `_obhut` object at the end of an admitted line, or undefined if it has none. */
function provenanceOf(line: Buffer): Record<string, unknown> | undefined {
  const at = line.lastIndexOf(PROVENANCE);
  if (at < 0 || line[line.length - 1] !== 0x7d) return undefined;
  try {
    const value = JSON.parse(line.subarray(at + 10, line.length - 1).toString('utf8'));
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * subjects.bin against subjects_root and subjects_count, and against the set of subjects the
 * published items name in their provenance: the list must be exactly those, sorted.
 */
function checkSubjects(
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
function checkMedia(
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

function checkPolicy(manifest: Manifest, check: Check): void {
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
function checkReceipt(dir: string, manifest: Manifest, manifestSha256: string, check: Check): void {
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

function sameCounts(a: Record<string, number>, b: Readonly<Record<string, number>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}

function safeName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    name.length > 0 &&
    !name.includes('/') &&
    !name.includes('\\') &&
    name !== '..' &&
    name !== '.'
  );
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
