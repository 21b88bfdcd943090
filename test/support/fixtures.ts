import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importConsentFile, loadConsentSnapshot } from '../../src/consent/index.js';
import { type BuildOptions, runBuild } from '../../src/gate/run-build.js';
import { generateNoteKey, parseSignerKey, TransparencyLog } from '../../src/log/index.js';
import { DEFAULT_POLICY, type Policy } from '../../src/policy/index.js';
import { parseRfc3339 } from '../../src/records/index.js';
import { openPostgresStore, openSqliteStore, type Store } from '../../src/store/index.js';
import { createTestSchema } from './postgres.js';
import type { ResettableSchema } from './postgres-reset.js';
import { freshSqliteRegister } from './sqlite-template.js';

export interface Workspace {
  readonly dir: string;
  readonly store: Store;
  readonly log: TransparencyLog;
  readonly secret: Buffer;
  write(name: string, lines: readonly (string | object)[]): Promise<string>;
  importEvents(events: readonly object[]): Promise<void>;
  /**
   * Builds as `obhut build` does: at the log's latest checkpoint, or at the checkpoint of size
   * `checkpointSize` (to repeat a build exactly), with the build appended to the log.
   */
  build(
    inputs: readonly string[],
    options?: Partial<BuildOptions> & {
      at?: string;
      policy?: Policy;
      out?: string;
      checkpointSize?: number;
    },
  ): ReturnType<typeof runBuild>;
  close(): Promise<void>;
}

export type Backend = 'sqlite' | 'postgres';

/**
 * A temporary folder with a fresh registry on the given backend. On PostgreSQL the registry is a
 * new schema, migrated and dropped on close; or, given `shared`, that already-migrated schema
 * brought back to its just-migrated state (for tests that make many registries, issue 13), which
 * its owner drops.
 */
export async function workspace(
  backend: Backend = 'sqlite',
  secret = randomBytes(32),
  shared?: ResettableSchema,
): Promise<Workspace> {
  const dir = await mkdtemp(path.join(tmpdir(), 'obhut-test-'));
  let store: Store;
  let dropSchema: (() => Promise<void>) | undefined;
  if (backend === 'postgres' && shared !== undefined) {
    await shared.reset();
    store = await openPostgresStore(shared.url);
  } else if (backend === 'postgres') {
    const schema = (await createTestSchema())!;
    store = await openPostgresStore(schema.url);
    dropSchema = schema.drop;
  } else {
    const file = path.join(dir, 'obhut.db');
    await freshSqliteRegister(file);
    store = await openSqliteStore(file);
  }
  const log = new TransparencyLog(
    store,
    parseSignerKey(generateNoteKey('test.local/log').signerKey),
  );
  await log.writer.ensureCheckpoint();
  let counter = 0;
  const ws: Workspace = {
    dir,
    store,
    log,
    secret,
    async write(name, lines) {
      const file = path.join(dir, name);
      await writeFile(
        file,
        `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`,
      );
      return file;
    },
    async importEvents(events) {
      const file = await ws.write(`events-${counter++}.jsonl`, events);
      const result = await importConsentFile(file, log, secret);
      if (result.rejected.length > 0)
        throw new Error(`fixture events rejected: ${JSON.stringify(result.rejected)}`);
    },
    async build(inputs, options = {}) {
      const at = options.at ?? '2026-01-01T00:00:00Z';
      const policy = options.policy ?? DEFAULT_POLICY;
      const { checkpointSize, ...rest } = options;
      const checkpoint = await log.reader.checkpoint(checkpointSize);
      const consent = await loadConsentSnapshot(store, policy.purpose, at, parseRfc3339(at)!, {
        logSize: checkpoint.size,
      });
      return runBuild({
        inputs,
        out: options.out ?? path.join(dir, `out-${counter++}`),
        policy,
        consent,
        checkpoint,
        log,
        registry: store,
        secret,
        ...rest,
      });
    },
    async close() {
      await store.close();
      await dropSchema?.();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return ws;
}

export async function readJsonl<T = Record<string, unknown>>(file: string): Promise<T[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as T);
}

/** Every admitted line of a build folder, in output order. */
export async function admittedLines(out: string): Promise<string[]> {
  const shards = (await readdir(out)).filter((f) => f.startsWith('items-')).sort();
  const lines: string[] = [];
  for (const shard of shards) {
    const text = await readFile(path.join(out, shard), 'utf8');
    lines.push(...text.split('\n').filter((l) => l.length > 0));
  }
  return lines;
}

/** All files of a folder, recursively, as name → bytes. */
export async function folderContents(dir: string): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    result.set(path.relative(dir, full), await readFile(full));
  }
  return result;
}

/**
 * A build folder's files except build-receipt.json: two builds at the same checkpoint are the
 * same dataset with byte-identical files, but each is its own log entry with its own receipt.
 */
export async function datasetContents(out: string): Promise<Map<string, Buffer>> {
  const files = await folderContents(out);
  files.delete('build-receipt.json');
  return files;
}

export const adult = (account: string, region = 'DE') => ({
  platform: 'ig',
  account,
  age: 'adult',
  region,
});

export const objection = (account: string, at = '2025-05-20T08:00:00Z', action = 'object') => ({
  platform: 'ig',
  account,
  purpose: 'ai_training',
  action,
  at,
  channel: 'portal',
});
