import { randomBytes } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { ObhutError } from '../../errors/index.js';
import { DEFAULT_SHARD_RECORDS } from '../../gate/run-build.js';
import { loadPlan, planPolicy } from '../../gate/shards/load-plan.js';
import { makePlan } from '../../gate/shards/make-plan.js';
import { type MergeResult, mergeShards } from '../../gate/shards/merge-shards.js';
import type { BuildPlan } from '../../gate/shards/plan.js';
import { runShard, type ShardRecord } from '../../gate/shards/run-shard.js';
import { DEFAULT_POLICY } from '../../policy/index.js';
import { parseRfc3339 } from '../../records/index.js';
import { type Config, readConfig } from '../../runtime/config.js';
import { readSecret } from '../../runtime/home.js';
import { consentAtCheckpoint } from '../consent-at-checkpoint.js';
import { print, withSession } from '../io.js';
import { loadMapping } from '../mapping-option.js';
import { collect, loadPolicy, piiKeyOf } from '../policy-options.js';

interface PlanFlags {
  input?: string[];
  map?: string;
  policy?: string;
  at?: string;
  checkpoint?: string;
  shards: string;
  shardRecords?: string;
  out: string;
  json?: boolean;
}

/** `obhut build plan`, `build run-shard` and `build merge`: one build over several machines. */
export function registerShardCommands(build: Command): void {
  build
    .command('plan')
    .description(
      'pin a build (inputs, split into shards, policy, consent register at a checkpoint) in a plan file that shards run from without a database',
    )
    .option('--input <file>', 'as for `obhut build`; repeat for several (required)', collect)
    .option('--map <file>', "mapping from the inputs' columns to item record fields")
    .option('--policy <file>', 'policy file (JSON or YAML); default: the built-in policy')
    .option('--at <time>', 'evaluate the consent register as of this RFC 3339 time (default: now)')
    .option(
      '--checkpoint <size>',
      'the log checkpoint to read the register at (default: the latest)',
    )
    .requiredOption('--shards <n>', 'number of shards')
    .option('--shard-records <n>', 'admitted records per items file', String(DEFAULT_SHARD_RECORDS))
    .requiredOption('--out <file>', 'the plan file to write')
    .option('--json', 'print the summary as JSON')
    .action(async (flags: PlanFlags) => {
      const plan = await planCommand(flags);
      print(flags.json, planSummary(flags.out, plan), () => planText(flags.out, plan));
    });

  build
    .command('run-shard')
    .description('evaluate shard K (1 to N) of a plan into a shard folder; needs no database')
    .argument('<plan>', 'the plan file')
    .argument('<k>', 'the shard number, from 1 to N')
    .requiredOption(
      '--out <dir>',
      'the shard folder (replaced if it holds an earlier run of a shard)',
    )
    .option('--workers <n>', 'worker threads (default: by shard size and cores; 0: none)')
    .option('--json', 'print the summary as JSON')
    .action(
      async (
        planFile: string,
        k: string,
        flags: { out: string; workers?: string; json?: boolean },
      ) => {
        const record = await runShardCommand(planFile, k, flags);
        print(flags.json, { out: flags.out, ...record }, () => shardText(flags.out, record));
      },
    );

  build
    .command('merge')
    .description(
      "publish a plan's shards as one build, exactly as `obhut build` would, logged once",
    )
    .argument('<plan>', 'the plan file')
    .argument('<shards...>', 'every shard folder of the plan, each once')
    .requiredOption('--out <dir>', 'output folder (must not exist, unless --overwrite)')
    .option('--overwrite', 'replace the output folder if it holds a build')
    .option('--json', 'print the summary as JSON')
    .action(
      async (
        planFile: string,
        shards: string[],
        flags: { out: string; overwrite?: boolean; json?: boolean },
      ) => {
        const result = await mergeCommand(planFile, shards, flags);
        print(flags.json, mergeSummary(result), () => mergeText(result));
      },
    );
}

export async function planCommand(flags: PlanFlags, config?: Config): Promise<BuildPlan> {
  if (!flags.input || flags.input.length === 0) {
    throw new ObhutError('USAGE', "required option '--input <file>' not specified");
  }
  const shards = Number(flags.shards);
  const shardRecords = Number(flags.shardRecords ?? DEFAULT_SHARD_RECORDS);
  if (!Number.isInteger(shardRecords) || shardRecords < 1) {
    throw new ObhutError('USAGE', '--shard-records must be a positive integer');
  }
  const policy = flags.policy ? await loadPolicy(flags.policy) : DEFAULT_POLICY;
  const mapping = flags.map === undefined ? undefined : await loadMapping(flags.map);
  const at = flags.at ?? new Date().toISOString();
  const atMs = parseRfc3339(at);
  if (atMs === undefined)
    throw new ObhutError('USAGE', `--at "${flags.at}" is not an RFC 3339 date-time`);
  const plan = await withSession(async (session) => {
    const { checkpoint, consent } = await consentAtCheckpoint(
      session,
      policy.purpose,
      at,
      atMs,
      flags.checkpoint,
    );
    return makePlan({
      inputs: flags.input!,
      ...(mapping ? { mapping } : {}),
      policy,
      consent,
      checkpoint,
      origin: session.log.origin,
      secret: session.secret,
      shards,
      shardRecords,
    });
  }, config);
  // Written beside its name and renamed, so a shard never reads half a plan.
  const target = path.resolve(flags.out);
  const temp = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  await writeFile(temp, `${JSON.stringify(plan, null, 2)}\n`, { flag: 'wx' });
  await rename(temp, target);
  return plan;
}

export async function runShardCommand(
  planFile: string,
  k: string,
  flags: { out: string; workers?: string },
  config: Config = readConfig(),
): Promise<ShardRecord> {
  const plan = await loadPlan(planFile);
  const shard = Number(k);
  if (!/^\d+$/.test(k)) throw new ObhutError('USAGE', `the shard number "${k}" is not a number`);
  const workers = flags.workers === undefined ? undefined : Number(flags.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0 || workers > 64)) {
    throw new ObhutError('USAGE', '--workers must be an integer from 0 to 64');
  }
  // The key only: a shard opens no database.
  const secret = config.secret ?? (await readSecret(config.home));
  return runShard({
    plan,
    shard,
    out: flags.out,
    secret,
    ...piiKeyOf(planPolicy(plan.plan)),
    ...(workers === undefined ? {} : { workers }),
  });
}

export type { MergeResult };

export async function mergeCommand(
  planFile: string,
  shards: readonly string[],
  flags: { out: string; overwrite?: boolean },
  config?: Config,
): Promise<MergeResult> {
  const plan = await loadPlan(planFile);
  return withSession(
    (session) =>
      mergeShards({
        plan,
        shardDirs: shards,
        out: flags.out,
        overwrite: flags.overwrite ?? false,
        log: session.log,
        registry: session.store,
        secret: session.secret,
      }),
    config,
  );
}

function planSummary(out: string, plan: BuildPlan) {
  return {
    out,
    shards: plan.shards.map((s, i) => ({
      shard: i + 1,
      units: s.units.length,
      bytes: s.units.reduce(
        (sum, u) => sum + (u.start === undefined ? plan.inputs[u.input]!.bytes : u.end! - u.start),
        0,
      ),
    })),
    inputs: plan.inputs.length,
    consent: { at: plan.consent.at, checkpoint_size: plan.consent.checkpoint.size },
  };
}

function planText(out: string, plan: BuildPlan): string {
  const summary = planSummary(out, plan);
  return [
    `Plan ${out}: ${summary.inputs} input(s) in ${plan.shards.length} shard(s); consent register as of ${plan.consent.at} at log checkpoint ${plan.consent.checkpoint.size}`,
    ...summary.shards.map((s) => `  shard ${s.shard}: ${s.units} piece(s), ${s.bytes} bytes`),
    `Run each with \`obhut build run-shard ${out} K --out DIR\`, then \`obhut build merge ${out} DIR… --out BUILD\`.`,
  ].join('\n');
}

function shardText(out: string, record: ShardRecord): string {
  return `Shard ${record.shard} of ${record.shards} written to ${out} (${record.results.batches} batches, ${record.results.bytes} bytes, ${record.media.files} media files)`;
}

export function mergeSummary(result: MergeResult) {
  const { manifest } = result;
  return {
    out: result.out,
    build_id: result.buildId,
    manifest_sha256: result.manifestSha256,
    log_index: result.logIndex,
    counts: manifest.counts,
    items_root: manifest.items_root,
    subjects_root: manifest.subjects_root,
    subjects_count: manifest.subjects_count,
    plan: manifest.plan,
  };
}

export function mergeText(result: MergeResult): string {
  const { manifest } = result;
  const { counts } = manifest;
  return [
    `Built ${result.out} from ${manifest.plan?.shards} shard(s)`,
    `records read ${counts.input}, admitted ${counts.admitted}, excluded ${counts.excluded}, rejected ${counts.rejected}`,
    `items_root    ${manifest.items_root}`,
    `subjects_root ${manifest.subjects_root} (${manifest.subjects_count} subjects)`,
    `build ${result.buildId} logged as entry ${result.logIndex} of ${manifest.consent.checkpoint.origin}`,
  ].join('\n');
}
