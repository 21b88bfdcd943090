import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConsentSnapshot } from '../../../src/consent/index.js';
import { type LoadedPlan, loadPlan } from '../../../src/gate/shards/load-plan.js';
import { makePlan } from '../../../src/gate/shards/make-plan.js';
import { mergeShards } from '../../../src/gate/shards/merge-shards.js';
import { runShard } from '../../../src/gate/shards/run-shard.js';
import type { Policy } from '../../../src/policy/index.js';
import { parseRfc3339 } from '../../../src/records/index.js';
import type { Workspace } from '../../support/fixtures.js';

/** Makes a plan in the workspace, as `obhut build plan` does, and reads it back from its file. */
export async function planIn(
  ws: Workspace,
  inputs: readonly string[],
  options: { at: string; policy: Policy; shards: number; shardRecords?: number; name?: string },
): Promise<{ file: string; loaded: LoadedPlan }> {
  const checkpoint = await ws.log.reader.checkpoint();
  const consent = await loadConsentSnapshot(
    ws.store,
    options.policy.purpose,
    options.at,
    parseRfc3339(options.at)!,
    { logSize: checkpoint.size },
  );
  const plan = makePlan({
    inputs,
    policy: options.policy,
    consent,
    checkpoint,
    origin: ws.log.origin,
    secret: ws.secret,
    shards: options.shards,
    shardRecords: options.shardRecords ?? 100_000,
  });
  const file = path.join(ws.dir, options.name ?? 'plan.json');
  await writeFile(file, `${JSON.stringify(plan, null, 2)}\n`);
  return { file, loaded: await loadPlan(file) };
}

/** Runs every shard of a plan into `<dir>/shard-K` and returns the folders. */
export async function runAllShards(ws: Workspace, loaded: LoadedPlan, prefix = 'shard') {
  const dirs: string[] = [];
  for (let k = 1; k <= loaded.plan.shards.length; k++) {
    const out = path.join(ws.dir, `${prefix}-${k}`);
    await runShard({ plan: loaded, shard: k, out, secret: ws.secret, workers: 0 });
    dirs.push(out);
  }
  return dirs;
}

export function merge(ws: Workspace, loaded: LoadedPlan, dirs: readonly string[], out: string) {
  return mergeShards({
    plan: loaded,
    shardDirs: dirs,
    out,
    log: ws.log,
    registry: ws.store,
    secret: ws.secret,
  });
}
