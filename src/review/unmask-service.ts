// Break-glass unmasking as the review API serves it: ask, approve (two others), and read the
// request, which gives its requester the subject's identity while the approval lasts.
import { authorize, project } from '../authz/index.js';
import { ObhutError } from '../errors/index.js';
import type { ReviewActor } from './actor.js';
import type { Identity, UnmaskRequestView } from './api-types.js';
import { approveUnmask, requestUnmask, unmaskRaw } from './escalation.js';
import type { UnmaskRequest } from './model.js';
import { identityOf } from './raw-record.js';
import { mayUnmask, unmaskStatus } from './rules.js';
import type { ReviewContext } from './tasks.js';

/** Asks to see who a task's subject is; `id` is the new request's, for the request log. */
export async function askToUnmask(
  ctx: ReviewContext,
  actor: ReviewActor,
  body: { task_id: string; justification: string },
): Promise<{ id: string; request: Partial<UnmaskRequestView> }> {
  const request = await requestUnmask(ctx, {
    task: body.task_id,
    actor: actor.staff.id,
    justification: body.justification,
  });
  return {
    id: request.id,
    request: project(actor.ability, 'read', 'Unmask', unmaskView(request, Date.now())),
  };
}

/** Approves a request (not one's own, once each); the second approval opens it. */
export async function approveUnmaskRequest(
  ctx: ReviewContext,
  actor: ReviewActor,
  id: string,
): Promise<{ id: string; request: Partial<UnmaskRequestView> }> {
  const existing = await getUnmask(ctx, id);
  const now = new Date();
  authorize(actor.ability, 'approve', 'Unmask', unmaskView(existing, now.getTime()));
  const approved = await approveUnmask(ctx, { request: existing.id, actor: actor.staff.id, now });
  return {
    id: approved.id,
    request: project(actor.ability, 'read', 'Unmask', unmaskView(approved, now.getTime())),
  };
}

/**
 * An unmask request, and for its requester, while the approval lasts, the subject's identity
 * (logged as `unmask` before it is read out).
 */
export async function readUnmaskRequest(
  ctx: ReviewContext,
  actor: ReviewActor,
  id: string,
): Promise<{ request: Partial<UnmaskRequestView>; identity?: Identity }> {
  const me = actor.staff;
  const request = await getUnmask(ctx, id);
  const now = new Date();
  const view = unmaskView(request, now.getTime());
  authorize(actor.ability, 'read', 'Unmask', view);
  let identity: Identity | undefined;
  if (mayUnmask(request, me.id, now.getTime())) {
    try {
      const raw = await unmaskRaw(ctx, { request: request.id, actor: me.id, now });
      identity = identityOf(raw.record);
    } catch (err) {
      // The raw part was deleted (retention): the request stands, without an identity.
      if (!(err instanceof ObhutError && err.code === 'NOT_FOUND')) throw err;
    }
  }
  const shown = project(actor.ability, 'read', 'Unmask', {
    ...view,
    ...(identity === undefined ? {} : { identity }),
  });
  const { identity: who, ...rest } = shown;
  return { request: rest, ...(who === undefined ? {} : { identity: who }) };
}

async function getUnmask(ctx: ReviewContext, id: string): Promise<UnmaskRequest> {
  const request = await ctx.store.review.getUnmask(id);
  if (!request) throw new ObhutError('NOT_FOUND', `no unmask request ${id}`);
  return request;
}

/** An unmask request as the policy's conditions and field rules read it. */
function unmaskView(r: UnmaskRequest, nowMs: number): UnmaskRequestView {
  return {
    id: r.id,
    task_id: r.task,
    requested_by: r.requester,
    justification: r.justification,
    approvals: [...r.approvers],
    status: unmaskStatus(r, nowMs),
    created_at: r.createdAt,
    ...(r.expiresAt === undefined ? {} : { expires_at: r.expiresAt }),
  };
}
