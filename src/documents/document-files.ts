import type { FileEntry, Manifest } from '../gate/manifest.js';

/** The names `obhut build --docs` gives the documents it writes into the build folder. */
export const DOCUMENT_FILES = {
  card: 'README.md',
  croissant: 'croissant.json',
  aiActMarkdown: 'ai-act-summary.md',
  aiActJson: 'ai-act-summary.json',
} as const;

const DOCUMENT_NAMES: ReadonlySet<string> = new Set(Object.values(DOCUMENT_FILES));

/** An items shard as BuildWriter names it (`items-00000.jsonl`, or another format's extension). */
const SHARD = /^items-\d{5,}\.[a-z0-9.]+$/;

/** The build's data files: every output except the documents describing them. */
export function dataOutputs(manifest: Manifest): readonly FileEntry[] {
  return manifest.outputs.filter((entry) => !DOCUMENT_NAMES.has(entry.path));
}

/** The items shards among the outputs, in the manifest's (name) order. */
export function shardOutputs(manifest: Manifest): readonly FileEntry[] {
  return manifest.outputs.filter((entry) => SHARD.test(entry.path));
}

/** The media type a file is served as, from its name; undefined when unknown. */
export function encodingFormat(name: string): string | undefined {
  if (name.endsWith('.jsonl')) return 'application/jsonlines';
  if (name.endsWith('.jsonl.gz')) return 'application/gzip';
  if (name.endsWith('.jsonl.zst')) return 'application/zstd';
  if (name.endsWith('.parquet')) return 'application/x-parquet';
  if (name.endsWith('.bin')) return 'application/octet-stream';
  return undefined;
}
