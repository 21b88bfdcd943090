import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { ObhutError } from '../../errors/index.js';
import { type Config, loadSettings, readConfig } from '../../runtime/config.js';
import type { BuildProgress, BuildQueue, ShardJob } from '../../store/build-queue.js';
import { print } from '../io.js';
import {
  type MergeResult,
  mergeCommand,
  mergeSummary,
  mergeText,
  planCommand,
} from './build-shards.js';

/** The options of `obhut build` a queued build takes (those a plan pins, and the output). */
export interface QueuedBuildFlags {
  input?: string[];
  map?: string;
  policy?: string;
  at?: string;
  checkpoint?: string;
  shardRecords?: string;
  shards?: string;
  work?: string;
  out?: string;
  overwrite?: boolean;
  json?: boolean;
}

/** How often the submitting process looks at its build's shards. */
const POLL_MS = 1000;

/** The queue, from OBHUT_DATABASE_URL and the OBHUT_QUEUE_* settings; PostgreSQL only. */
export async function openQueue(config: Config = readConfig()): Promise<BuildQueue> {
  if (!config.databaseUrl) {
    throw new ObhutError(
      'QUEUE_NEEDS_POSTGRES',
      'the build queue lives in PostgreSQL: set OBHUT_DATABASE_URL to a postgres:// URL (on SQLite, run the shards with `obhut build plan`, `run-shard` and `merge`)',
    );
  }
  const settings = loadSettings();
  // pg-boss (and pg) load only for a queued build or a worker, not for every `obhut build`.
  const { openBuildQueue } = await import('../../store/build-queue.js');
  return openBuildQueue({
    url: config.databaseUrl,
    schema: settings.OBHUT_QUEUE_SCHEMA,
    leaseSeconds: settings.OBHUT_QUEUE_LEASE_SECONDS,
    retries: settings.OBHUT_QUEUE_RETRIES,
    onError: (error) => process.stderr.write(`obhut: queue: ${error.message}\n`),
  });
}

/**
 * `obhut build --queue --shards N`: plan into a work folder every worker sees, enqueue the N
 * shards, wait for them, and merge here. The submitting process merges (rather than a merge job)
 * because it already holds what the merge needs (the log key and the register) and stays until
 * the build is published anyway; a worker then needs only the plan, the inputs and the pseudonym key.
 */
export async function queuedBuildCommand(
  flags: QueuedBuildFlags,
  config: Config = readConfig(),
): Promise<MergeResult & { queueId: string; shardRuns: number }> {
  if (!flags.out) throw new ObhutError('USAGE', "required option '--out <dir>' not specified");
  if (flags.shards === undefined) {
    throw new ObhutError('USAGE', '--queue needs --shards N');
  }
  const queue = await openQueue(config);
  const id = randomUUID();
  const out = path.resolve(flags.out);
  // Beside the output by default, so it is on the storage the output is on.
  const work = path.resolve(flags.work ?? `${out}.queue-${id}`);
  let progress: BuildProgress | undefined;
  try {
    // A folder of its own (it is removed once the build is published): never an existing one.
    await mkdir(path.dirname(work), { recursive: true });
    await mkdir(work).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
      throw new ObhutError('OUTPUT_EXISTS', `the work folder ${work} exists; name a new one`);
    });
    await mkdir(path.join(work, 'shards'));
    const planFile = path.join(work, 'plan.json');
    // Until its jobs are queued, a build that fails leaves no work folder behind.
    const plan = await planCommand(
      {
        ...(flags.input ? { input: flags.input } : {}),
        ...(flags.map ? { map: flags.map } : {}),
        ...(flags.policy ? { policy: flags.policy } : {}),
        ...(flags.at ? { at: flags.at } : {}),
        ...(flags.checkpoint ? { checkpoint: flags.checkpoint } : {}),
        ...(flags.shardRecords ? { shardRecords: flags.shardRecords } : {}),
        shards: flags.shards,
        out: planFile,
      },
      config,
    ).catch(async (error: unknown) => {
      await rm(work, { recursive: true, force: true });
      throw error;
    });
    const jobs: ShardJob[] = plan.shards.map((_, i) => ({
      build: id,
      plan: planFile,
      shard: i + 1,
      shards: plan.shards.length,
      out: path.join(work, 'shards', String(i + 1)),
    }));
    await queue.enqueue(jobs);
    process.stderr.write(
      `obhut: build ${id} queued: ${jobs.length} shard(s), plan ${planFile}; follow it with \`obhut build status ${id}\`\n`,
    );
    let shown = '';
    for (;;) {
      progress = await queue.progress(id);
      if (!progress) throw new ObhutError('QUEUED_BUILD_NOT_FOUND', `build ${id} left the queue`);
      const line = progressText(progress);
      if (line !== shown) process.stderr.write(`obhut: ${line}\n`);
      shown = line;
      if (progress.failed > 0) {
        throw new ObhutError(
          'QUEUED_BUILD_FAILED',
          `build ${id}: ${progress.errors.map((e) => `shard ${e.shard}: ${e.message}`).join('; ')}; nothing was published, the work folder ${work} is kept`,
        );
      }
      if (progress.completed === progress.shards) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await queue.stop();
  }
  if (!progress) throw new ObhutError('QUEUED_BUILD_NOT_FOUND', `build ${id} left the queue`);
  const result = await mergeCommand(
    path.join(work, 'plan.json'),
    Array.from({ length: progress.shards }, (_, i) => path.join(work, 'shards', String(i + 1))),
    { out, overwrite: flags.overwrite ?? false },
    config,
  );
  // Published: the shards have done their part (the manifest names the plan's digest).
  await rm(work, { recursive: true, force: true });
  return { ...result, queueId: id, shardRuns: progress.shards + progress.retries };
}

export function progressText(p: BuildProgress): string {
  const state = p.completed === p.shards ? 'shards done' : p.failed > 0 ? 'failed' : 'running';
  return `build ${p.build}: ${p.completed}/${p.shards} shards done, ${p.active} active, ${p.queued} queued, ${p.failed} failed, ${p.retries} retried (${state})`;
}

function progressJson(p: BuildProgress) {
  return {
    build: p.build,
    plan: p.plan,
    shards: p.shards,
    completed: p.completed,
    active: p.active,
    queued: p.queued,
    failed: p.failed,
    retries: p.retries,
    created_on: p.created_on,
    errors: p.errors,
  };
}

export function queuedSummary(result: MergeResult & { queueId: string; shardRuns: number }) {
  return { queue_id: result.queueId, shard_runs: result.shardRuns, ...mergeSummary(result) };
}

export function queuedText(result: MergeResult & { queueId: string; shardRuns: number }): string {
  return `Queued build ${result.queueId}: ${result.shardRuns} shard run(s)\n${mergeText(result)}`;
}

/** `obhut build status [ID]`: a queued build's shards by state, or every build the queue holds. */
export function registerBuildStatus(build: Command): void {
  build
    .command('status')
    .description(
      "a queued build's progress (shards done, active, queued, failed), from any machine",
    )
    .argument('[id]', 'the build id `obhut build --queue` printed (default: every queued build)')
    .option('--json', 'print the progress as JSON')
    .action(async (id: string | undefined, flags: { json?: boolean }) => {
      const found = await buildStatusCommand(id);
      print(
        flags.json,
        id === undefined ? { builds: found.map(progressJson) } : progressJson(found[0]!),
        () =>
          found.length === 0
            ? 'The queue holds no build.'
            : found
                .map(
                  (p) =>
                    `${progressText(p)}\n  queued ${p.created_on}, plan ${p.plan}${p.errors.map((e) => `\n  shard ${e.shard}: ${e.message}`).join('')}`,
                )
                .join('\n'),
      );
    });
}

export async function buildStatusCommand(id: string | undefined): Promise<BuildProgress[]> {
  const queue = await openQueue();
  try {
    if (id === undefined) return await queue.builds();
    const found = await queue.progress(id);
    if (!found) {
      throw new ObhutError('QUEUED_BUILD_NOT_FOUND', `the queue holds no build ${id}`);
    }
    return [found];
  } finally {
    await queue.stop();
  }
}
