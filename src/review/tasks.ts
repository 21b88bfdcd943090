import { subjectStatus } from '../consent/index.js';
import { ObhutError } from '../errors/index.js';
import type { Receipt, TransparencyLog } from '../log/index.js';
import type { StaffStore } from '../staff/index.js';
import { recordAccess, recordDeletion } from './access.js';
import { mediaPath, removeMedia, wavDuration } from './files.js';
import { newFlagId } from './ids.js';
import type { ReviewItem, ReviewTask, ReviewView } from './model.js';
import type { ReviewStores } from './review-store.js';
import { exposureMs } from './rules.js';
import { validateAnswer, validateFlag, validateNote } from './validate.js';

/** What the review operations need: the store, the log and the home folder (for media). */
export interface ReviewContext {
  /** Review's own port, and staff accounts (media links and the admin's staff page read them). */
  readonly store: ReviewStores & { readonly staff: StaffStore };
  readonly log: TransparencyLog;
  readonly home: string;
}

/**
 * The context of an open session (the composition root's `openSession`): review reads the home
 * folder from its configuration and nothing else of it.
 */
export function reviewContext(session: {
  readonly store: ReviewStores & { readonly staff: StaffStore };
  readonly log: TransparencyLog;
  readonly config: { readonly home: string };
}): ReviewContext {
  return { store: session.store, log: session.log, home: session.config.home };
}

export type OpenedTask =
  | {
      readonly status: 'open';
      readonly task: ReviewTask;
      /** The task's item, as loaded to open it (callers need not load it again). */
      readonly item: ReviewItem;
      readonly view: ReviewView;
      /** Whether there is a reviewer's copy of the media to listen to or look at. */
      readonly hasMedia: boolean;
      /** The `access` (view) entry's receipt. */
      readonly receipt: Receipt;
    }
  | { readonly status: 'removed' | 'closed'; readonly task: ReviewTask };

/**
 * Opens a task for a member of staff. The subject's human_review consent is checked again first,
 * against the register as it is now: when they objected since the item was queued (or, for an
 * item admitted only by their consent, withdrew it), the item is withdrawn (`withdrawItem`) and
 * `removed` is returned. Otherwise a `view` access entry is logged and the redacted view
 * returned. Authorization (assigned reviewer or lead) is the caller's job.
 */
export async function openTask(
  ctx: ReviewContext,
  request: { task: string; actor: string; now?: Date },
): Promise<OpenedTask> {
  const now = request.now ?? new Date();
  const { task, item } = await taskAndItem(ctx.store, request.task);
  if (task.status === 'removed') return { status: 'removed', task };
  if (await subjectWithdrew(ctx.store, item, now)) {
    await withdrawItem(ctx, item.id, now);
    return { status: 'removed', task: (await ctx.store.review.task(task.id))! };
  }
  if (item.view === undefined) return { status: 'closed', task };
  const { receipt } = await recordAccess(ctx.log, {
    actor: request.actor,
    task: task.id,
    subject: item.subject,
    action: 'view',
    at: now,
  });
  return {
    status: 'open',
    task,
    item,
    view: item.view,
    hasMedia: item.derivedMedia !== undefined,
    receipt,
  };
}

/** Whether the subject has, as of `now`, objected to human review or withdrawn a needed consent. */
async function subjectWithdrew(store: ReviewStores, item: ReviewItem, now: Date): Promise<boolean> {
  if (item.subject === undefined) return false;
  const purposes = await subjectStatus(store, item.subject, now.getTime());
  const state = purposes.find((p) => p.purpose === 'human_review')?.state ?? 'none';
  return state === 'objected' || (item.needsConsent && state !== 'consented');
}

/**
 * Takes an item out of review because its subject objected: every task of it is removed, the
 * reviewer's copy deleted, and the raw part too unless a legal hold or a flag keeps it; each
 * deletion is logged (`deletion`, reason `objection`).
 */
export async function withdrawItem(ctx: ReviewContext, itemId: string, now: Date): Promise<void> {
  for (const task of await ctx.store.review.tasksOf(itemId)) {
    if (task.status !== 'flagged') await ctx.store.review.removeTask(task.id, now);
  }
  const item = await ctx.store.review.item(itemId);
  if (item && item.derivedDeletedAt === undefined) {
    await removeMedia(ctx.home, item.derivedMedia);
    if (await ctx.store.review.markDeleted(itemId, 'derived', now))
      await recordDeletion(ctx.log, {
        item: itemId,
        what: 'derived',
        reason: 'objection',
        at: now,
      });
  }
  if ((await ctx.store.review.rawDue(Number.MAX_SAFE_INTEGER, itemId)).length > 0) {
    const raw = await ctx.store.review.rawPart(itemId);
    await removeMedia(ctx.home, raw?.media);
    if (await ctx.store.review.markDeleted(itemId, 'raw', now))
      await recordDeletion(ctx.log, { item: itemId, what: 'raw', reason: 'objection', at: now });
  }
}

/**
 * The reviewer's copy of a task's media, for streaming: logs a `listen` access entry first and
 * counts the exposure (the audio's duration, or a fixed amount for an image) once per task and
 * member towards their daily limit. Undefined when the task has no media (or it was deleted).
 */
export async function listenToTask(
  ctx: ReviewContext,
  request: { task: string; actor: string; now?: Date },
): Promise<{ file: string; item: ReviewItem; receipt: Receipt } | undefined> {
  const now = request.now ?? new Date();
  const { task, item } = await taskAndItem(ctx.store, request.task);
  if (task.status !== 'open' || item.derivedMedia === undefined) return undefined;
  if (await subjectWithdrew(ctx.store, item, now)) {
    await withdrawItem(ctx, item.id, now);
    return undefined;
  }
  const { receipt } = await recordAccess(ctx.log, {
    actor: request.actor,
    task: task.id,
    subject: item.subject,
    action: item.kind === 'audio' ? 'listen' : 'view',
    at: now,
  });
  const seconds =
    item.kind === 'audio' ? await wavDuration(ctx.home, item.derivedMedia) : undefined;
  await ctx.store.review.recordExposure({
    reviewer: request.actor,
    task: task.id,
    kind: item.kind,
    ms: exposureMs(item.kind, seconds),
    at: now,
  });
  return { file: mediaPath(ctx.home, item.derivedMedia), item, receipt };
}

/**
 * Stores a reviewer's answer (validated against the task's labels) under their active
 * assignment, with their optional comment (plain text, `validateNote`), and logs an `answer`
 * access entry. `done` when it was the k-th answer.
 */
export async function answerTask(
  ctx: ReviewContext,
  request: { task: string; actor: string; answer: unknown; comment?: unknown; now?: Date },
): Promise<{ done: boolean }> {
  const now = request.now ?? new Date();
  const comment = validateNote(request.comment);
  if (!comment.ok) throw new ObhutError('REQUEST_INVALID', `comment: ${comment.error}`);
  const { task, item } = await taskAndItem(ctx.store, request.task);
  if (item.view === undefined) throw closed(task.id);
  const valid = validateAnswer(request.answer, item.view.labels, item.kind);
  if (!valid.ok) throw new ObhutError('REQUEST_INVALID', valid.error);
  const result = await ctx.store.review.answer(
    task.id,
    request.actor,
    valid.value,
    now,
    comment.value,
  );
  check(result.outcome, task.id);
  await recordAccess(ctx.log, {
    actor: request.actor,
    task: task.id,
    subject: item.subject,
    action: 'answer',
    at: now,
  });
  return { done: result.done };
}

/**
 * Flags a task (violence, sexual_abuse, self_harm, threat, other, with an optional note): it
 * moves to the trust_safety queue and the reviewer's assignment ends, so they can stop at once.
 */
export async function flagTask(
  ctx: ReviewContext,
  request: { task: string; actor: string; flag: unknown; now?: Date },
): Promise<{ flag: string }> {
  const now = request.now ?? new Date();
  const valid = validateFlag(request.flag);
  if (!valid.ok) throw new ObhutError('REQUEST_INVALID', valid.error);
  const { task, item } = await taskAndItem(ctx.store, request.task);
  const id = newFlagId();
  const outcome = await ctx.store.review.flag(
    {
      id,
      task: task.id,
      reviewer: request.actor,
      category: valid.value.category,
      ...(valid.value.note === undefined ? {} : { note: valid.value.note }),
    },
    now,
  );
  check(outcome, task.id);
  await recordAccess(ctx.log, {
    actor: request.actor,
    task: task.id,
    subject: item.subject,
    action: 'flag',
    at: now,
  });
  return { flag: id };
}

/** Gives a task back without answering ("skip: not comfortable"); no penalty, no reason asked. */
export async function releaseTask(
  ctx: ReviewContext,
  request: { task: string; actor: string; now?: Date },
): Promise<void> {
  const now = request.now ?? new Date();
  const { task, item } = await taskAndItem(ctx.store, request.task);
  check(await ctx.store.review.release(task.id, request.actor, now), task.id);
  await recordAccess(ctx.log, {
    actor: request.actor,
    task: task.id,
    subject: item.subject,
    action: 'release',
    at: now,
  });
}

export async function taskAndItem(
  store: Pick<ReviewStores, 'review'>,
  taskId: string,
): Promise<{ task: ReviewTask; item: ReviewItem }> {
  const task = await store.review.task(taskId);
  const item = task && (await store.review.item(task.item));
  if (!task || !item) throw new ObhutError('NOT_FOUND', `no review task ${taskId}`);
  return { task, item };
}

function check(outcome: 'ok' | 'not_found' | 'closed' | 'not_assigned', task: string): void {
  if (outcome === 'ok') return;
  if (outcome === 'not_found') throw new ObhutError('NOT_FOUND', `no review task ${task}`);
  if (outcome === 'closed') throw closed(task);
  throw new ObhutError(
    'REVIEW_CONFLICT',
    `you hold no active assignment of task ${task} (it may have expired)`,
  );
}

function closed(task: string): ObhutError {
  return new ObhutError('REVIEW_CONFLICT', `task ${task} is no longer open for review`);
}
