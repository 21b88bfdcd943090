import { ObhutError } from '../errors/index.js';
import type { Receipt } from '../log/index.js';
import { recordAccess } from './access.js';
import { mediaPath } from './files.js';
import { HOLD_ID, newHoldId, newUnmaskId, PSEUDONYM } from './ids.js';
import type {
  FlagResolution,
  LegalHold,
  ReviewFlag,
  ReviewItem,
  ReviewView,
  UnmaskRequest,
} from './model.js';
import { DEFAULT_UNMASK_MINUTES, mayUnmask } from './rules.js';
import { type ReviewContext, taskAndItem } from './tasks.js';
import { validateJustification, validateNote } from './validate.js';

/**
 * trust_safety looks at a flagged task's redacted view (and may stream its reviewer copy):
 * logged as `reveal`.
 */
export async function revealFlag(
  ctx: ReviewContext,
  request: { flag: string; actor: string; now?: Date },
): Promise<{
  flag: ReviewFlag;
  /** The flagged task's item, as loaded for the entry. */
  item: ReviewItem;
  view: ReviewView | undefined;
  media: string | undefined;
  receipt: Receipt;
}> {
  const now = request.now ?? new Date();
  const flag = await ctx.store.review.getFlag(request.flag);
  if (!flag) throw new ObhutError('NOT_FOUND', `no flag ${request.flag}`);
  const { task, item } = await taskAndItem(ctx.store, flag.task);
  const { receipt } = await recordAccess(ctx.log, {
    actor: request.actor,
    task: task.id,
    subject: item.subject,
    action: 'reveal',
    at: now,
  });
  return {
    flag,
    item,
    view: item.view,
    media: item.derivedMedia === undefined ? undefined : mediaPath(ctx.home, item.derivedMedia),
    receipt,
  };
}

/**
 * Closes an open flag, keeping trust_safety's optional note (plain text, `validateNote`) with it:
 * `requeue` puts the task back in the queue, `remove` takes it out.
 */
export async function resolveFlag(
  ctx: ReviewContext,
  request: {
    flag: string;
    actor: string;
    resolution: FlagResolution;
    note?: unknown;
    now?: Date;
  },
): Promise<ReviewFlag> {
  const note = validateNote(request.note);
  if (!note.ok) throw new ObhutError('REQUEST_INVALID', `note: ${note.error}`);
  const resolved = await ctx.store.review.resolveFlag(
    request.flag,
    request.actor,
    request.resolution,
    request.now ?? new Date(),
    note.value,
  );
  if (resolved) return resolved;
  if (await ctx.store.review.getFlag(request.flag))
    throw new ObhutError('REVIEW_CONFLICT', `flag ${request.flag} is already resolved`);
  throw new ObhutError('NOT_FOUND', `no flag ${request.flag}`);
}

/** Asks to see a task's raw part (identity, original recording); needs two other approvers. */
export async function requestUnmask(
  ctx: ReviewContext,
  request: { task: string; actor: string; justification: unknown; now?: Date },
): Promise<UnmaskRequest> {
  const valid = validateJustification(request.justification);
  if (!valid.ok) throw new ObhutError('REQUEST_INVALID', `justification: ${valid.error}`);
  const { task } = await taskAndItem(ctx.store, request.task);
  const id = newUnmaskId();
  await ctx.store.review.createUnmask({
    id,
    task: task.id,
    requester: request.actor,
    justification: valid.value,
    createdAt: (request.now ?? new Date()).toISOString(),
  });
  return (await ctx.store.review.getUnmask(id))!;
}

/**
 * Approves an unmask request. The requester cannot approve it, nobody twice; the second
 * approval opens it for `ttlMinutes` (default 30).
 */
export async function approveUnmask(
  ctx: ReviewContext,
  request: { request: string; actor: string; now?: Date; ttlMinutes?: number },
): Promise<UnmaskRequest> {
  const result = await ctx.store.review.approveUnmask(
    request.request,
    request.actor,
    request.now ?? new Date(),
    request.ttlMinutes ?? DEFAULT_UNMASK_MINUTES,
  );
  switch (result.outcome) {
    case 'ok':
      return result.request!;
    case 'not_found':
      throw new ObhutError('NOT_FOUND', `no unmask request ${request.request}`);
    case 'requester':
      throw new ObhutError('FORBIDDEN', 'the requester cannot approve their own unmask request');
    case 'already_approved':
      throw new ObhutError('REVIEW_CONFLICT', 'you have already approved this request');
    case 'decided':
      throw new ObhutError('REVIEW_CONFLICT', 'this request is already approved');
  }
}

/**
 * The raw part under an approved, unexpired unmask request, for its requester only: the record
 * as read and the original media file. Logged as `unmask` before anything is returned.
 */
export async function unmaskRaw(
  ctx: ReviewContext,
  request: { request: string; actor: string; now?: Date },
): Promise<{
  record: Record<string, unknown> | undefined;
  media: string | undefined;
  receipt: Receipt;
}> {
  const now = request.now ?? new Date();
  const unmask = await ctx.store.review.getUnmask(request.request);
  if (!unmask) throw new ObhutError('NOT_FOUND', `no unmask request ${request.request}`);
  if (!mayUnmask(unmask, request.actor, now.getTime()))
    throw new ObhutError(
      'FORBIDDEN',
      'only the requester may unmask, after two approvals and before the approval expires',
    );
  const { task, item } = await taskAndItem(ctx.store, unmask.task);
  const raw = await ctx.store.review.rawPart(item.id);
  if (!raw || (raw.record === undefined && raw.media === undefined))
    throw new ObhutError('NOT_FOUND', 'the raw part of this item was deleted');
  const { receipt } = await recordAccess(ctx.log, {
    actor: request.actor,
    task: task.id,
    subject: item.subject,
    action: 'unmask',
    at: now,
  });
  return {
    record: raw.record,
    media: raw.media === undefined ? undefined : mediaPath(ctx.home, raw.media),
    receipt,
  };
}

/** Places a legal hold on one item or on every item of one subject (by pseudonym). */
export async function placeHold(
  ctx: ReviewContext,
  request: { item?: string; subject?: string; reason: string; actor: string; now?: Date },
): Promise<LegalHold> {
  if ((request.item === undefined) === (request.subject === undefined))
    throw new ObhutError('REQUEST_INVALID', 'a hold names either an item or a subject');
  if (request.subject !== undefined && !PSEUDONYM.test(request.subject))
    throw new ObhutError('REQUEST_INVALID', 'subject: a pseudonym is 64 lower-case hex digits');
  if (request.item !== undefined && !(await ctx.store.review.item(request.item)))
    throw new ObhutError('NOT_FOUND', `no review item ${request.item}`);
  const reason = request.reason.trim();
  if (reason.length === 0 || reason.length > 500)
    throw new ObhutError('REQUEST_INVALID', 'reason: 1 to 500 characters');
  const hold = {
    id: newHoldId(),
    item: request.item,
    subject: request.subject,
    reason,
    createdBy: request.actor,
    createdAt: (request.now ?? new Date()).toISOString(),
  };
  await ctx.store.review.addHold(hold);
  return { ...hold, releasedBy: undefined, releasedAt: undefined };
}

export async function releaseHold(
  ctx: ReviewContext,
  request: { hold: string; actor: string; now?: Date },
): Promise<LegalHold> {
  if (!HOLD_ID.test(request.hold)) throw new ObhutError('NOT_FOUND', `no hold ${request.hold}`);
  const released = await ctx.store.review.releaseHold(
    request.hold,
    request.actor,
    request.now ?? new Date(),
  );
  if (!released) throw new ObhutError('NOT_FOUND', `no active hold ${request.hold}`);
  return released;
}
