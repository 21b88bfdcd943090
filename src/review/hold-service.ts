// Legal holds as the review API serves them: the active ones, placing one on an item or on a
// subject named by platform and account (pseudonymised here), and releasing one.
import { pseudonymise } from '../consent/index.js';
import { ObhutError } from '../errors/index.js';
import type { ReviewActor } from './actor.js';
import type { LegalHoldView } from './api-types.js';
import { placeHold, releaseHold } from './escalation.js';
import type { LegalHold } from './model.js';
import { decodeCursor, type PageRequest, pageLimit, pageOf } from './page.js';
import type { HoldState } from './review-store.js';
import type { ReviewContext } from './tasks.js';

/** A page of the holds in one state (active unless said otherwise), newest first. */
export async function listHolds(
  ctx: ReviewContext,
  query: PageRequest & { state?: HoldState | undefined },
): Promise<{ holds: LegalHoldView[]; next_cursor: string | null }> {
  const limit = pageLimit(query);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, 2);
  const fetched = await ctx.store.review.holdsPage({
    state: query.state ?? 'active',
    after: after && [after[0]!, after[1]!],
    limit: limit + 1,
  });
  const page = pageOf(fetched, limit, (h) => [h.createdAt, h.id]);
  return { holds: page.rows.map(holdView), next_cursor: page.nextCursor };
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
