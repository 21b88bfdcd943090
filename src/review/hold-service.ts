// Legal holds as the review API serves them: the active ones, placing one on an item or on a
// subject named by platform and account (pseudonymised here), and releasing one.
import { pseudonymise } from '../consent/index.js';
import { ObhutError } from '../errors/index.js';
import type { ReviewActor } from './actor.js';
import type { LegalHoldView } from './api-types.js';
import { placeHold, releaseHold } from './escalation.js';
import type { LegalHold } from './model.js';
import type { ReviewContext } from './tasks.js';

/** The active holds, newest first. */
export async function activeHolds(ctx: ReviewContext): Promise<LegalHoldView[]> {
  const holds = await ctx.store.review.holds({ active: true });
  return holds
    .map(holdView)
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || a.id.localeCompare(b.id));
}

/** Places a hold; a subject is named by platform and account together, under `secret`. */
export async function placeLegalHold(
  ctx: ReviewContext,
  secret: Uint8Array,
  actor: ReviewActor,
  body: { item_id?: string; subject_platform?: string; subject_account?: string; reason: string },
): Promise<LegalHoldView> {
  const { item_id, subject_platform, subject_account, reason } = body;
  if ((subject_platform === undefined) !== (subject_account === undefined))
    throw new ObhutError(
      'REQUEST_INVALID',
      'a subject is named by subject_platform and subject_account together',
    );
  const subject =
    subject_platform === undefined || subject_account === undefined
      ? undefined
      : pseudonymise(secret, { platform: subject_platform, account: subject_account });
  const hold = await placeHold(ctx, {
    ...(item_id === undefined ? {} : { item: item_id }),
    ...(subject === undefined ? {} : { subject }),
    reason,
    actor: actor.staff.id,
  });
  return holdView(hold);
}

export async function releaseLegalHold(
  ctx: ReviewContext,
  actor: ReviewActor,
  id: string,
): Promise<void> {
  await releaseHold(ctx, { hold: id, actor: actor.staff.id });
}

function holdView(h: LegalHold): LegalHoldView {
  return {
    id: h.id,
    ...(h.item === undefined ? {} : { item_id: h.item }),
    ...(h.subject === undefined ? {} : { subject: h.subject }),
    reason: h.reason,
    created_by: h.createdBy,
    created_at: h.createdAt,
    ...(h.releasedBy === undefined ? {} : { released_by: h.releasedBy }),
    ...(h.releasedAt === undefined ? {} : { released_at: h.releasedAt }),
  };
}
