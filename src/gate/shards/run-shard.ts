import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { ObhutError } from '../../errors/index.js';
import type { BatchResult, PackedOutcome } from '../../evaluation/evaluate-batch.js';
import { MAX_RECORD_BYTES } from '../../evaluation/evaluate-line.js';
import { type LineBatch, LineBatcher } from '../../evaluation/line-batch.js';
import { type LineRange, readFileLines } from '../../io/line-reader.js';
import { removeAbandonedStaging, stagingPath } from '../../io/sibling-files.js';
import { CaptureSet } from '../../optout/capture-set.js';
import { createEvaluator } from '../evaluator-pool.js';
import { prepareOptout } from '../optout-setup.js';
import { requireRedactionKey } from '../redaction-key.js';
import { type InputSource, prepareSources } from '../sources/index.js';
import { unpackConsentStates } from './consent-table.js';
import { type LoadedPlan, planMapping, planPolicy } from './load-plan.js';
import { secretFingerprint } from './make-plan.js';
import { RESULTS_FILE, ResultsWriter } from './shard-results.js';

export const SHARD_FILE = 'shard.json';
export const SHARD_FORMAT = 'obhut-shard/1';

/** What a finished shard folder says of itself; written last, so its presence means complete. */
export interface ShardRecord {
  readonly format: typeof SHARD_FORMAT;
  readonly plan_sha256: string;
  /** 1-based. */
  readonly shard: number;
  readonly shards: number;
  readonly results: { readonly bytes: number; readonly sha256: string; readonly batches: number };
  readonly media: { readonly files: number };
}

export interface ShardOptions {
  readonly plan: LoadedPlan;
  /** 1-based, as array jobs count (Slurm's SLURM_ARRAY_TASK_ID; add 1 to a 0-based index). */
  readonly shard: number;
  readonly out: string;
  readonly secret: Buffer;
  readonly piiKey?: Uint8Array;
  readonly workers?: number;
}

const PARALLEL_MIN_BYTES = 32 * 1024 * 1024;

/**
 * Evaluates one shard of a plan with no database: the plan carries the register's decided
 * subjects, the inputs are read from where the plan says, and the pseudonym key comes from the
 * caller. The shard folder is written beside its target and renamed into place when complete;
 * the same plan, inputs and key always give the same bytes.
 */
export async function runShard(options: ShardOptions): Promise<ShardRecord> {
  const { plan, sha256: planSha256 } = options.plan;
  const n = plan.shards.length;
  if (!Number.isInteger(options.shard) || options.shard < 1 || options.shard > n) {
    throw new ObhutError('USAGE', `the shard number must be from 1 to ${n} (the plan has ${n})`);
  }
  if (secretFingerprint(options.secret) !== plan.secret_fingerprint) {
    throw new ObhutError(
      'PLAN_INVALID',
      'the pseudonym key differs from the one the plan was made with (check OBHUT_SECRET)',
    );
  }
  const policy = planPolicy(plan);
  const mapping = planMapping(plan);
  requireRedactionKey(policy, options.piiKey);
  const units = plan.shards[options.shard - 1]!.units;
  for (const unit of units) checkInput(plan.inputs[unit.input]);
  const consent = unpackConsentStates(
    Buffer.from(plan.consent.states, 'base64'),
    plan.consent.states_sha256,
  );

  const target = path.resolve(options.out);
  if (existsSync(target) && !existsSync(path.join(target, SHARD_FILE))) {
    throw new ObhutError(
      'OUTPUT_EXISTS',
      `${options.out} exists and is not a shard folder, so it will not be replaced`,
    );
  }
  await mkdir(path.dirname(target), { recursive: true });
  // A shard killed mid-run (a preempted array task) left its staging folder; the retry
  // removes it, and only this machine's whose process is gone.
  removeAbandonedStaging(target);
  const staging = stagingPath(target);
  await mkdir(staging, { mode: 0o755 });
  const results = new ResultsWriter(path.join(staging, RESULTS_FILE));
  try {
    const captures = new CaptureSet();
    // Whole inputs (compressed, Parquet, WebDataset, mapped) are converted first, as a build does.
    const wholeUnits = units.filter((u) => u.start === undefined);
    const converted = await prepareSources(
      wholeUnits.map((u) => plan.inputs[u.input]!.resolved),
      path.join(staging, '.work'),
      captures,
      mapping,
    );
    const sources: { source: InputSource; range?: LineRange; input: number }[] = [];
    let w = 0;
    for (const unit of units) {
      const resolved = plan.inputs[unit.input]!.resolved;
      if (unit.start === undefined) {
        const source = converted[w++]!;
        checkDigest(plan.inputs[unit.input]!, source.converted?.sha256);
        sources.push({ source, input: unit.input });
      } else {
        sources.push({
          source: { read: resolved, dir: path.dirname(resolved) },
          range: { start: unit.start, end: unit.end!, firstLine: unit.first_line! },
          input: unit.input,
        });
      }
    }
    const optout = await prepareOptout(
      { policy },
      sources.map((s) => s.source),
      captures,
    );
    const bytes = units.reduce(
      (sum, u) => sum + (u.start === undefined ? plan.inputs[u.input]!.bytes : u.end! - u.start),
      0,
    );
    const workers =
      options.workers ??
      (bytes >= PARALLEL_MIN_BYTES ? Math.max(1, Math.min(availableParallelism() - 1, 4)) : 0);
    // Evaluated under their index in the plan (provenance names it); the inputs of other
    // shards are never read, and any real folder stands in for theirs.
    const inputDirs = plan.inputs.map(() => staging);
    for (const { source, input } of sources) inputDirs[input] = source.dir;
    const evaluator = await createEvaluator(
      {
        policy,
        consent: consent.shared,
        secret: options.secret,
        inputDirs,
        ...(options.piiKey === undefined ? {} : { piiKey: options.piiKey }),
        ...(optout ? { optout: { policy: optout.policy, captures: captures.list() } } : {}),
      },
      workers,
    );
    const media = new MediaKeeper(staging);
    try {
      const batcher = new LineBatcher();
      // Each submitted batch's block, until its result is written and the block can be reused.
      const blocks = new Map<number, Uint8Array>();
      const take = async () => {
        const result = await evaluator.next();
        results.write(media.keep(result), result.inputIndex);
        const block = blocks.get(result.seq);
        if (block) {
          blocks.delete(result.seq);
          batcher.recycle(block);
        }
      };
      const submit = (batch: LineBatch) => {
        blocks.set(batch.seq, batch.data);
        evaluator.submit(batch);
      };
      for (const { source, range, input } of sources) {
        for (const line of readFileLines(source.read, MAX_RECORD_BYTES, undefined, range)) {
          batcher.add(line);
          if (batcher.full) {
            submit(batcher.take(input));
            while (
              evaluator.pending > evaluator.window ||
              (evaluator.pending > 0 && evaluator.ready)
            )
              await take();
            if (workers > 0) await new Promise((resolve) => setImmediate(resolve));
          }
        }
        if (!batcher.empty) submit(batcher.take(input));
      }
      while (evaluator.pending > 0) await take();
    } finally {
      await evaluator.close();
    }
    await rm(path.join(staging, '.work'), { recursive: true, force: true });
    const record: ShardRecord = {
      format: SHARD_FORMAT,
      plan_sha256: planSha256,
      shard: options.shard,
      shards: n,
      results: results.close(),
      media: { files: media.files },
    };
    await writeFile(path.join(staging, SHARD_FILE), `${JSON.stringify(record, null, 2)}\n`, {
      flag: 'wx',
    });
    // A shard run again replaces its earlier folder: its bytes are the same.
    if (existsSync(target)) {
      const old = `${staging}.old`;
      await rename(target, old);
      await rename(staging, target);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(staging, target);
    }
    return record;
  } catch (err) {
    results.abort();
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
}

/** An input must still be the size the plan pinned; whole inputs are also checked by digest. */
function checkInput(input: { path: string; resolved: string; bytes: number } | undefined): void {
  if (!input) throw new ObhutError('PLAN_INVALID', 'a shard names an input the plan lacks');
  let size: number;
  try {
    size = statSync(input.resolved).size;
  } catch (err) {
    throw new ObhutError(
      'INPUT_UNREADABLE',
      `cannot read input ${input.resolved}: ${(err as Error).message}`,
      { cause: err },
    );
  }
  if (size !== input.bytes) {
    throw new ObhutError(
      'PLAN_INVALID',
      `input ${input.resolved} is ${size} bytes, but the plan pinned ${input.bytes}; it changed since the plan was made`,
    );
  }
}

/** A whole input's digest, where reading it gave one (converted inputs), must be the plan's. */
function checkDigest(
  input: { resolved: string; sha256: string },
  sha256: string | undefined,
): void {
  if (sha256 !== undefined && sha256 !== input.sha256) {
    throw new ObhutError(
      'PLAN_INVALID',
      `input ${input.resolved} is not the file the plan pinned (its SHA-256 differs); it changed since the plan was made`,
    );
  }
}

/**
 * Admitted media is copied into the shard folder (named by content, as in a build) and the
 * outcome points there, relative to the shard: converted inputs' media lives in the shard's
 * staging only, and the merge may not see the inputs' folders.
 */
class MediaKeeper {
  files = 0;
  constructor(private readonly dir: string) {}

  keep(result: BatchResult): BatchResult {
    if (!result.outcomes.some((o) => o.kind === 'admitted' && o.media)) return result;
    const outcomes = result.outcomes.map((o): PackedOutcome => {
      if (o.kind !== 'admitted' || !o.media) return o;
      const target = path.join(this.dir, o.media.entry.path);
      if (!existsSync(target)) {
        mkdirSync(path.dirname(target), { recursive: true });
        copyFileSync(o.media.source, target);
        this.files++;
      }
      return { ...o, media: { ...o.media, source: o.media.entry.path } };
    });
    return { ...result, outcomes };
  }
}
