import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ObhutError } from '../../errors/index.js';
import { canonicalPolicyJson, type Policy, parsePolicy } from '../../policy/index.js';
import { type Mapping, parseMapping } from '../../records/index.js';
import { type BuildPlan, parsePlan } from './plan.js';

/** A plan with the SHA-256 of its file, which names it in shards and the merged manifest. */
export interface LoadedPlan {
  readonly plan: BuildPlan;
  readonly sha256: string;
}

// The consent states dominate a plan's size: 44 bytes of base64 a decided subject.
const MAX_PLAN_BYTES = 2 * 1024 * 1024 * 1024 - 1;

export async function loadPlan(file: string): Promise<LoadedPlan> {
  let text: Buffer;
  try {
    text = await readFile(file);
  } catch (err) {
    throw new ObhutError('PLAN_INVALID', `cannot read plan ${file}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  if (text.length > MAX_PLAN_BYTES) throw new ObhutError('PLAN_INVALID', `${file} is too large`);
  return {
    plan: parsePlan(text.toString('utf8'), file),
    sha256: createHash('sha256').update(text).digest('hex'),
  };
}

/** The plan's policy, checked to read back to the very text (and digest) the plan pinned. */
export function planPolicy(plan: BuildPlan): Policy {
  const parsed = parsePolicy(plan.policy.json);
  if (!parsed.ok) throw new ObhutError('PLAN_INVALID', `the plan's policy: ${parsed.error}`);
  const json = canonicalPolicyJson(parsed.value);
  if (
    json !== plan.policy.json ||
    createHash('sha256').update(json).digest('hex') !== plan.policy.sha256
  ) {
    throw new ObhutError('PLAN_INVALID', "the plan's policy does not match its digest");
  }
  return parsed.value;
}

export function planMapping(plan: BuildPlan): Mapping | undefined {
  if (plan.mapping === undefined) return undefined;
  const parsed = parseMapping(plan.mapping);
  if (!parsed.ok) throw new ObhutError('PLAN_INVALID', `the plan's mapping: ${parsed.error}`);
  return parsed.mapping;
}
