import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  aiActMarkdown,
  aiActSummary,
  type ContentProfile,
  ContentProfiler,
  croissantMetadata,
  DOCUMENT_FILES,
  datasetCard,
  type ProviderFacts,
  parseProviderFacts,
  shardOutputs,
} from '../documents/index.js';
import { ObhutError } from '../errors/index.js';
import { MAX_RECORD_BYTES } from '../evaluation/evaluate-line.js';
import type { BuildDocument } from '../gate/build-documents-hook.js';
import { MANIFEST_FORMAT, type Manifest } from '../gate/manifest.js';
import { readFileLines } from '../io/line-reader.js';

// The file side of the documents: reading a build folder and provider facts, writing results.
// The documents themselves are pure functions in src/documents/.

export interface BuildFolder {
  readonly dir: string;
  readonly manifest: Manifest;
  readonly manifestSha256: string;
  readonly profile: ContentProfile | null;
}

/** Reads a build's manifest and profiles its items files, checking each against the manifest. */
export async function readBuildFolder(dir: string): Promise<BuildFolder> {
  const file = path.join(dir, 'manifest.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ObhutError('INPUT_UNREADABLE', `cannot read ${file}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch (err) {
    throw new ObhutError('INPUT_UNREADABLE', `${file} is not JSON`, { cause: err });
  }
  if (manifest?.format !== MANIFEST_FORMAT || !Array.isArray(manifest.outputs)) {
    throw new ObhutError('INPUT_UNREADABLE', `${file} is not an Obhut build manifest`);
  }
  return {
    dir,
    manifest,
    manifestSha256: createHash('sha256').update(text).digest('hex'),
    profile: profileItems(manifest, dir),
  };
}

/**
 * Profiles the admitted items from the items files. A file whose digest differs from the
 * manifest's fails the command: the documents must describe the files the manifest names.
 * Null when an items file is in a format other than JSON lines.
 */
export function profileItems(manifest: Manifest, dir: string): ContentProfile | null {
  const shards = shardOutputs(manifest);
  if (shards.some((s) => !s.path.endsWith('.jsonl'))) return null;
  const profiler = new ContentProfiler();
  for (const shard of shards) {
    const file = path.join(dir, shard.path);
    const hash = createHash('sha256');
    try {
      for (const line of readFileLines(file, MAX_RECORD_BYTES, (chunk) => hash.update(chunk))) {
        if (line.tooLong || line.bytes.length === 0) continue;
        profiler.add(JSON.parse(line.bytes.toString('utf8')) as Record<string, unknown>);
      }
    } catch (err) {
      throw new ObhutError('INPUT_UNREADABLE', `cannot read ${file}: ${(err as Error).message}`, {
        cause: err,
      });
    }
    const sha256 = hash.digest('hex');
    if (sha256 !== shard.sha256) {
      throw new ObhutError(
        'VERIFY_FAILED',
        `${file} has SHA-256 ${sha256}, but the manifest says ${shard.sha256}`,
      );
    }
  }
  return profiler.finish();
}

/** Reads the provider facts file; without one, every fact it would hold is reported missing. */
export async function loadProviderFacts(file: string | undefined): Promise<ProviderFacts> {
  if (file === undefined) return {};
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ObhutError(
      'PROVIDER_FACTS_INVALID',
      `cannot read ${file}: ${(err as Error).message}`,
      { cause: err },
    );
  }
  const parsed = parseProviderFacts(text);
  if (!parsed.ok) throw new ObhutError('PROVIDER_FACTS_INVALID', `${file}: ${parsed.error}`);
  return parsed.value;
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The three documents `obhut build --docs` writes, from the manifest it is about to write. */
export function buildDocumentsHook(facts: ProviderFacts) {
  return async (manifest: Manifest, folder: string): Promise<readonly BuildDocument[]> => {
    const profile = profileItems(manifest, folder);
    const summary = aiActSummary({ builds: [{ manifest, profile }], facts });
    return [
      { path: DOCUMENT_FILES.card, text: datasetCard({ manifest, profile, facts }) },
      {
        path: DOCUMENT_FILES.croissant,
        text: json(croissantMetadata({ manifest, profile, facts })),
      },
      { path: DOCUMENT_FILES.aiActMarkdown, text: aiActMarkdown(summary) },
      { path: DOCUMENT_FILES.aiActJson, text: json(summary) },
    ];
  };
}

/**
 * Writes files so that either all of them are in place or none changed: each is written beside
 * its target under a temporary name, and renamed only when every one is written.
 */
export async function writeAll(files: readonly { path: string; text: string }[]): Promise<void> {
  const temps = files.map((f) => `${f.path}.tmp-${process.pid}`);
  try {
    for (const [i, f] of files.entries()) await writeFile(temps[i]!, f.text, { flag: 'wx' });
    for (const [i, f] of files.entries()) await rename(temps[i]!, f.path);
  } catch (err) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw err;
  }
}
