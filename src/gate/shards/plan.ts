import * as z from 'zod';
import { ObhutError } from '../../errors/index.js';

/** A plan file's `format`; a plan in another format is refused, not guessed at. */
export const PLAN_FORMAT = 'obhut-build-plan/1';

/** One piece of work: a whole input, or the byte range of a JSONL input that starts at a line start. */
const UnitSchema = z
  .object({
    input: z.number().int().nonnegative(),
    start: z.number().int().nonnegative().optional(),
    end: z.number().int().nonnegative().optional(),
    first_line: z.number().int().positive().optional(),
  })
  .strict();

const CheckpointSchema = z
  .object({
    origin: z.string(),
    size: z.number().int().nonnegative(),
    root: z.string(),
    note: z.string(),
  })
  .strict();

export const PlanSchema = z
  .object({
    format: z.literal(PLAN_FORMAT),
    tool: z.object({ name: z.literal('obhut'), version: z.string() }).strict(),
    /** The policy as `canonicalPolicyJson` writes it, and its SHA-256. */
    policy: z.object({ json: z.string(), sha256: z.string() }).strict(),
    /** The `--map` mapping, when given. */
    mapping: z.record(z.string(), z.unknown()).optional(),
    shard_records: z.number().int().positive(),
    /** HMAC of a fixed text under the pseudonym key: a shard with another key refuses to run. */
    secret_fingerprint: z.string(),
    inputs: z
      .array(
        z
          .object({
            /** As given (and as the manifest and rejected.jsonl name it). */
            path: z.string(),
            /** Absolute, where shards read it (shared storage mounted at the same place). */
            resolved: z.string(),
            bytes: z.number().int().nonnegative(),
            sha256: z.string(),
          })
          .strict(),
      )
      .min(1),
    shards: z.array(z.object({ units: z.array(UnitSchema) }).strict()).min(1),
    consent: z
      .object({
        purpose: z.string(),
        at: z.string(),
        events_considered: z.number().int().nonnegative(),
        events_sha256: z.string(),
        subjects_objected: z.number().int().nonnegative(),
        subjects_consented: z.number().int().nonnegative(),
        checkpoint: CheckpointSchema,
        /**
         * Every subject with a decision (objected or consented), linked identities resolved:
         * base64 of 33-byte records (pseudonym, then 2 objected or 3 consented), sorted.
         */
        states: z.string(),
        states_sha256: z.string(),
      })
      .strict(),
  })
  .strict();

export type BuildPlan = z.infer<typeof PlanSchema>;
export type PlanUnit = z.infer<typeof UnitSchema>;

/** Most shards a plan may have; far more than any array job needs, and bounds what is allocated. */
export const MAX_SHARDS = 10_000;

/** Reads a plan from its text; PLAN_INVALID says what is wrong. */
export function parsePlan(text: string, file: string): BuildPlan {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ObhutError('PLAN_INVALID', `${file} is not JSON: ${(err as Error).message}`);
  }
  const parsed = PlanSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ObhutError(
      'PLAN_INVALID',
      `${file} is not an Obhut build plan (${issue.path.join('.') || 'plan'}: ${issue.message})`,
    );
  }
  if (parsed.data.shards.length > MAX_SHARDS) {
    throw new ObhutError('PLAN_INVALID', `${file} has more than ${MAX_SHARDS} shards`);
  }
  return parsed.data;
}
