import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ObhutError } from '../../errors/index.js';
import type { BatchResult } from '../../evaluation/evaluate-batch.js';
import type { Receipt, TransparencyLog } from '../../log/index.js';
import { CaptureSet } from '../../optout/capture-set.js';
import type { BuildRegistry } from '../build-registry.js';
import { BuildWriter } from '../build-writer.js';
import { logBuild } from '../log-build.js';
import type { Manifest } from '../manifest.js';
import { optoutSummary, prepareOptout } from '../optout-setup.js';
import { OutputFolder } from '../output-folder.js';
import { BUILD_ID_HEX, buildManifest } from '../run-build.js';
import { type LoadedPlan, planPolicy } from './load-plan.js';
import { secretFingerprint } from './make-plan.js';
import { SHARD_FILE, SHARD_FORMAT, type ShardRecord } from './run-shard.js';
import { RESULTS_FILE, readResults } from './shard-results.js';

export interface MergeOptions {
  readonly plan: LoadedPlan;
  readonly shardDirs: readonly string[];
  readonly out: string;
  readonly overwrite?: boolean;
  readonly log: TransparencyLog;
  readonly registry: BuildRegistry;
  readonly secret: Buffer;
}

export interface MergeResult {
  readonly out: string;
  readonly manifest: Manifest;
  readonly manifestSha256: string;
  readonly buildId: string;
  readonly logIndex: number;
  readonly receipt: Receipt;
}

/**
 * Publishes one build from a plan's shards. Every shard must be of this plan, complete (its
 * record written and its results matching their digest) and present exactly once; otherwise
 * nothing is written. The shards' evaluated batches are replayed, in plan order, through the
 * same writer a single build uses (duplicate ids across shards, items files, excluded and
 * rejected lines, subjects, items_root), so the outputs are those of `obhut build` with the
 * same inputs, policy, `--at` and `--checkpoint`.
 */
export async function mergeShards(options: MergeOptions): Promise<MergeResult> {
  const { plan, sha256: planSha256 } = options.plan;
  const policy = planPolicy(plan);
  const ordered = await checkShards(options.plan, options.shardDirs);
  const { checkpoint: pinned } = plan.consent;
  if (pinned.origin !== options.log.origin) {
    throw new ObhutError(
      'PLAN_INVALID',
      `the plan was made against the log ${pinned.origin}, not this register's ${options.log.origin}`,
    );
  }
  const checkpoint = await options.log.reader.checkpoint(pinned.size);
  if (checkpoint.root.toString('base64') !== pinned.root || checkpoint.note !== pinned.note) {
    throw new ObhutError(
      'PLAN_INVALID',
      `the plan's checkpoint at size ${pinned.size} is not this log's checkpoint at that size`,
    );
  }
  if (secretFingerprint(options.secret) !== plan.secret_fingerprint) {
    throw new ObhutError('PLAN_INVALID', 'the plan was made with another pseudonym key');
  }

  const inputPaths = plan.inputs.map((input) => input.path);
  const folder = await OutputFolder.create(options.out, options.overwrite ?? false, inputPaths);
  const writer = new BuildWriter(folder.staging, inputPaths, plan.shard_records);
  try {
    for (const dir of ordered) {
      for (const result of readResults(path.join(dir, RESULTS_FILE))) {
        const { inputIndex, numbers, outcomes } = result;
        if (
          !Number.isInteger(inputIndex) ||
          inputIndex < 0 ||
          inputIndex >= inputPaths.length ||
          numbers.length !== outcomes.length
        ) {
          throw new ObhutError('SHARD_INVALID', `${dir}: a batch does not fit the plan's inputs`);
        }
        writer.apply(withMediaIn(dir, result));
      }
    }
    const finished = writer.finish();
    const captures = new CaptureSet();
    const optout = await prepareOptout({ policy }, [], captures);
    const manifest: Manifest = {
      ...buildManifest(
        {
          policy,
          consent: {
            at: plan.consent.at,
            eventsConsidered: plan.consent.events_considered,
            eventsSha256: plan.consent.events_sha256,
            objected: plan.consent.subjects_objected,
            consented: plan.consent.subjects_consented,
          },
          checkpoint,
          log: options.log,
        },
        writer,
        finished,
        plan.inputs.map(({ path, bytes, sha256 }) => ({ path, bytes, sha256 })),
        undefined,
        optout && optoutSummary(optout, writer, [], captures),
      ),
      plan: { sha256: planSha256, shards: plan.shards.length },
    };
    const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
    await writeFile(path.join(folder.staging, 'manifest.json'), manifestText, { flag: 'wx' });
    const manifestSha256 = createHash('sha256').update(manifestText).digest('hex');
    const buildId = manifestSha256.slice(0, BUILD_ID_HEX);
    folder.checkPublishable();
    // As a single build: logged once, before it is published, then recorded with its subjects.
    const { logIndex, receipt } = await logBuild(
      options.log,
      options.registry,
      folder.staging,
      policy.purpose,
      manifest,
      manifestSha256,
      buildId,
    );
    await folder.publish();
    return { out: folder.target, manifest, manifestSha256, buildId, logIndex, receipt };
  } catch (err) {
    writer.abort();
    await folder.discard();
    throw err;
  }
}

/**
 * The shard folders in shard order, once each checked to be of this plan and complete.
 * Refuses (SHARD_INVALID) a folder that is not a finished shard, one of another plan, a shard
 * given twice, and a plan with shards missing, naming them.
 */
export async function checkShards(loaded: LoadedPlan, dirs: readonly string[]): Promise<string[]> {
  const n = loaded.plan.shards.length;
  const byNumber = new Map<number, string>();
  for (const dir of dirs) {
    const recordFile = path.join(dir, SHARD_FILE);
    if (!existsSync(recordFile)) {
      throw new ObhutError(
        'SHARD_INVALID',
        `${dir} is not a finished shard (no ${SHARD_FILE}); run \`obhut build run-shard\` for it again`,
      );
    }
    let record: ShardRecord;
    try {
      record = JSON.parse(readFileSync(recordFile, 'utf8')) as ShardRecord;
    } catch (err) {
      throw new ObhutError('SHARD_INVALID', `${recordFile} is not JSON: ${(err as Error).message}`);
    }
    if (record.format !== SHARD_FORMAT || record.plan_sha256 !== loaded.sha256) {
      throw new ObhutError(
        'SHARD_INVALID',
        `${dir} is a shard of another plan (plan ${String(record.plan_sha256).slice(0, 16)}…, not ${loaded.sha256.slice(0, 16)}…)`,
      );
    }
    if (
      !Number.isInteger(record.shard) ||
      record.shard < 1 ||
      record.shard > n ||
      record.shards !== n
    ) {
      throw new ObhutError(
        'SHARD_INVALID',
        `${dir} says it is shard ${record.shard} of ${record.shards}; the plan has ${n}`,
      );
    }
    const earlier = byNumber.get(record.shard);
    if (earlier !== undefined) {
      throw new ObhutError(
        'SHARD_INVALID',
        `shard ${record.shard} is given twice (${earlier} and ${dir}); give each shard once`,
      );
    }
    const results = await digestFile(path.join(dir, RESULTS_FILE));
    if (results.bytes !== record.results.bytes || results.sha256 !== record.results.sha256) {
      throw new ObhutError(
        'SHARD_INVALID',
        `${dir}: ${RESULTS_FILE} is not what the shard wrote (size or SHA-256 differs); run the shard again`,
      );
    }
    byNumber.set(record.shard, dir);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !byNumber.has(k));
  if (missing.length > 0) {
    throw new ObhutError(
      'SHARD_INVALID',
      `shard(s) ${missing.join(', ')} of ${n} missing; nothing was published`,
    );
  }
  return Array.from({ length: n }, (_, i) => byNumber.get(i + 1)!);
}

// What describeMedia names a media file: its SHA-256 and a short, cleaned extension.
const MEDIA_PATH = /^media\/[0-9a-f]{64}(\.[.a-z0-9]{0,8})?$/;

/**
 * Points admitted media at the shard folder's copy. The path is checked to be a media name,
 * as the build writer joins it to the output folder: a shard folder is read, not trusted.
 */
function withMediaIn(dir: string, result: BatchResult): BatchResult {
  if (!result.outcomes.some((o) => o.kind === 'admitted' && o.media)) return result;
  return {
    ...result,
    outcomes: result.outcomes.map((o) => {
      if (o.kind !== 'admitted' || !o.media) return o;
      if (!MEDIA_PATH.test(o.media.entry.path) || o.media.source !== o.media.entry.path) {
        throw new ObhutError('SHARD_INVALID', `${dir} names media at "${o.media.entry.path}"`);
      }
      return { ...o, media: { ...o.media, source: path.join(dir, o.media.entry.path) } };
    }),
  };
}

async function digestFile(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(file)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } catch (err) {
    throw new ObhutError('SHARD_INVALID', `cannot read ${file}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return { bytes, sha256: hash.digest('hex') };
}
