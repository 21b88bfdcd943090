import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ObhutError } from '../errors/index.js';
import { TreeHasher } from '../merkle/index.js';
import { type FileEntry, MANIFEST_FORMAT, type Manifest } from './manifest.js';
import { readOutputLines } from './output-lines.js';
import { readParquetLeaves } from './parquet-leaf.js';
import {
  type Check,
  checkMedia,
  checkPolicy,
  checkReceipt,
  checkSubjects,
  sameCounts,
} from './verify-build-checks.js';

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
