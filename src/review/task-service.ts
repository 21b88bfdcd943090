// What the review API does with tasks for the member of staff asking: take the next one, read
// one, and answer, flag or give back one they hold. Each checks the member's right to the task
// itself (their assignment, or a lead's role); the route has checked the role already.
import { createHash } from 'node:crypto';
import { authorize, can } from '../authz/index.js';
import { ObhutError } from '../errors/index.js';
import { type ReviewActor, rulesFor } from './actor.js';
import type {
  AnswerBody,
  AnswerResult,
  FlagBody,
  FlagResult,
  NoTaskReason,
  TaskView,
} from './api-types.js';
import { flagGuidance, type GuidanceLang } from './flag-guidance.js';
import { labelsFromChoices } from './label-choices.js';
import type { AssignmentRules } from './model.js';
import { exposureReached } from './rules.js';
import { TaskRemovedError } from './task-removed.js';
import { taskSubject } from './task-subject.js';
import { taskView } from './task-view.js';
import {
  answerTask,
  flagTask,
  openTask,
  type ReviewContext,
  releaseTask,
  taskAndItem,
} from './tasks.js';

/** How often GET /tasks/next passes over a task withdrawn while it was being handed out. */
const NEXT_ATTEMPTS = 20;

/**
 * Assigns and opens the next task for the member, or says why there is none (the console says
 * so: a break after the exposure limit).
 */
export async function takeNextTask(
  ctx: ReviewContext,
  actor: ReviewActor,
  rules: AssignmentRules,
): Promise<{ task: Partial<TaskView> } | { reason: NoTaskReason }> {
  const me = actor.staff;
  const mine = rulesFor(rules, me);
  // An item whose subject objected meanwhile is withdrawn when opened; take the next one.
  for (let attempt = 0; attempt < NEXT_ATTEMPTS; attempt++) {
    const now = new Date();
    const assignment = await ctx.store.review.assignNext(me.id, mine, now);
    if (!assignment) break;
    const object = { assignee: me.id, expires_at: assignment.expiresAt };
    authorize(actor.ability, 'read', 'Task', object);
    const opened = await openTask(ctx, { task: assignment.task, actor: me.id, now });
    if (opened.status !== 'open') {
      // Removed (and its assignments ended) or no longer viewable: give it back if held.
      if (opened.status === 'closed') await ctx.store.review.release(assignment.task, me.id, now);
      continue;
    }
    return { task: await taskView(ctx, actor, rules, opened, object) };
  }
  const now = new Date();
  const reason = exposureReached(await ctx.store.review.exposureToday(me.id, now), mine)
    ? 'exposure_limit'
    : (await ctx.store.review.assignedToday(me.id, now)) >= mine.dailyQuota
      ? 'daily_quota'
      : 'queue_empty';
  return { reason };
}

/** A task as its assigned reviewer (or a lead) may see it; TaskRemovedError once removed. */
export async function readTask(
  ctx: ReviewContext,
  actor: ReviewActor,
  rules: AssignmentRules,
  id: string,
): Promise<Partial<TaskView>> {
  const me = actor.staff;
  const { task } = await taskAndItem(ctx.store, id);
  const object = await taskSubject(ctx.store, task, me.id);
  // Whoever flagged the task is not told what trust & safety decided (the guidance says
  // so): removed after `reported` or `escalated` is refused like pending or requeued (403).
  const lead = can(actor.ability, 'read', 'Task', {});
  if (task.status === 'removed' && ((object.held && !object.flagged) || lead))
    throw new TaskRemovedError(task.id);
  authorize(actor.ability, 'read', 'Task', object);
  const opened = await openTask(ctx, { task: task.id, actor: me.id, now: new Date() });
  if (opened.status !== 'open') throw new TaskRemovedError(task.id);
  return taskView(ctx, actor, rules, opened, object);
}

/** Answers a task the member holds; the answer id is stable per task and member. */
export async function answerHeldTask(
  ctx: ReviewContext,
  actor: ReviewActor,
  id: string,
  body: AnswerBody,
): Promise<AnswerResult> {
  const me = actor.staff;
  const { task, item } = await taskAndItem(ctx.store, id);
  authorize(actor.ability, 'answer', 'Task', await taskSubject(ctx.store, task, me.id));
  if (item.view === undefined)
    throw new ObhutError('REVIEW_CONFLICT', `task ${task.id} is no longer open for review`);
  const labels = Array.isArray(body.labels)
    ? labelsFromChoices(body.labels, item.view.labels)
    : body.labels;
  const answer = {
    labels,
    ...(body.transcript === undefined ? {} : { transcript: body.transcript }),
  };
  // The comment is kept with the answer (plain text); it is not part of any TaskView.
  const { done } = await answerTask(ctx, {
    task: task.id,
    actor: me.id,
    answer,
    ...(body.comment === undefined ? {} : { comment: body.comment }),
  });
  const answerId = createHash('sha256').update(`${task.id}\0${me.id}`).digest('hex').slice(0, 32);
  return { answer_id: `ra_${answerId}`, done };
}

/**
 * Flags a task the member holds; they are told what happens next in `lang`, with the operator's
 * support contact.
 */
export async function flagHeldTask(
  ctx: ReviewContext,
  actor: ReviewActor,
  id: string,
  body: FlagBody,
  guidance: { readonly lang: GuidanceLang; readonly support: string | undefined },
): Promise<FlagResult> {
  const me = actor.staff;
  const { task } = await taskAndItem(ctx.store, id);
  authorize(actor.ability, 'flag', 'Task', await taskSubject(ctx.store, task, me.id));
  const { flag } = await flagTask(ctx, { task: task.id, actor: me.id, flag: body });
  return { flag_id: flag, guidance: flagGuidance(guidance.lang, guidance.support) };
}

/** Gives back a task the member holds, without answering (no penalty, no reason recorded). */
export async function releaseHeldTask(
  ctx: ReviewContext,
  actor: ReviewActor,
  id: string,
): Promise<void> {
  const me = actor.staff;
  const { task } = await taskAndItem(ctx.store, id);
  authorize(actor.ability, 'release', 'Task', await taskSubject(ctx.store, task, me.id));
  await releaseTask(ctx, { task: task.id, actor: me.id });
}
