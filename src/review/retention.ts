import type { TransparencyLog } from '../log/index.js';
import type { Store } from '../store/index.js';
import { recordDeletion } from './access.js';
import { removeMedia } from './files.js';

export const DEFAULT_RAW_DAYS = 30;
export const DEFAULT_DERIVED_DAYS = 90;
const DAY_MS = 86_400_000;

export interface RetentionOptions {
  readonly now?: Date;
  /** Report what would be deleted, delete nothing. */
  readonly dryRun?: boolean;
  /** Raw recordings and records are kept this many days (default 30; OBHUT_REVIEW_RAW_DAYS in `obhut`). */
  readonly rawDays?: number;
  /** Reviewer copies and redacted views (default 90; OBHUT_REVIEW_DERIVED_DAYS in `obhut`). */
  readonly derivedDays?: number;
}

export interface SweepResult {
  readonly now: string;
  readonly dryRun: boolean;
  readonly rawDays: number;
  readonly derivedDays: number;
  /** Items whose raw part was (or, in a dry run, would be) deleted. */
  readonly raw: readonly string[];
  /** Items whose derivatives were (or would be) deleted. */
  readonly derived: readonly string[];
}

/** What a sweep needs of a session. */
export interface RetentionSession {
  readonly store: Store;
  readonly log: TransparencyLog;
  readonly config: { readonly home: string };
}

/**
 * Deletes what review keeps past its time. Raw recordings and records go `rawDays` after the
 * item was queued, unless a task of it is still open or flagged or a legal hold covers the item
 * or its subject; reviewer copies and redacted views go after `derivedDays`, unless a task is
 * flagged or a hold applies (their open tasks are then removed). Each deletion is logged as a
 * `deletion` entry (reason `retention`) once the register records it; the file goes first, so a
 * crash leaves at worst a record pointing at nothing, which the next sweep finishes.
 */
export async function sweepRetention(
  session: RetentionSession,
  options: RetentionOptions = {},
): Promise<SweepResult> {
  const now = options.now ?? new Date();
  const rawDays = options.rawDays ?? DEFAULT_RAW_DAYS;
  const derivedDays = options.derivedDays ?? DEFAULT_DERIVED_DAYS;
  const dryRun = options.dryRun ?? false;
  const { store, log } = session;
  const home = session.config.home;
  const derivedDue = await store.review.derivedDue(now.getTime() - derivedDays * DAY_MS);
  const derived: string[] = [];
  for (const id of derivedDue) {
    if (dryRun) {
      derived.push(id);
      continue;
    }
    const item = await store.review.item(id);
    await removeMedia(home, item?.derivedMedia);
    if (await store.review.markDeleted(id, 'derived', now)) {
      await recordDeletion(log, { item: id, what: 'derived', reason: 'retention', at: now });
      derived.push(id);
    }
  }
  const rawDue = await store.review.rawDue(now.getTime() - rawDays * DAY_MS);
  const raw: string[] = [];
  for (const id of rawDue) {
    if (dryRun) {
      raw.push(id);
      continue;
    }
    const part = await store.review.rawPart(id);
    await removeMedia(home, part?.media);
    if (await store.review.markDeleted(id, 'raw', now)) {
      await recordDeletion(log, { item: id, what: 'raw', reason: 'retention', at: now });
      raw.push(id);
    }
  }
  return { now: now.toISOString(), dryRun, rawDays, derivedDays, raw, derived };
}

export interface RetentionSchedule {
  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void>;
}

/**
 * Sweeps soon after start and then every `intervalMs`, on unref'd timers (they never keep the
 * process alive). Sweeps never overlap; a failed one is reported and the next one tries again.
 */
export function scheduleRetention(
  session: RetentionSession,
  intervalMs: number,
  options: {
    readonly onSwept?: (result: SweepResult) => void;
    readonly onError?: (err: unknown) => void;
    readonly sweep?: Omit<RetentionOptions, 'now' | 'dryRun'>;
  } = {},
): RetentionSchedule {
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = sweepRetention(session, options.sweep)
      .then(
        (result) => options.onSwept?.(result),
        (err) =>
          (
            options.onError ??
            ((e) => process.stderr.write(`obhut: retention sweep failed: ${e}\n`))
          )(err),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const first = setTimeout(run, Math.min(intervalMs, 10_000));
  first.unref();
  const every = setInterval(run, intervalMs);
  every.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
