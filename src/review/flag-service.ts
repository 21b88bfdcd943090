// trust_safety's side of a flag, as the review API serves it: the list, one flag with its
// task's redacted view, the record's provenance, and the outcome. Views are projected through
// the policy for the member asking.
import { authorize, project } from '../authz/index.js';
import { ObhutError } from '../errors/index.js';
import { recordAccess } from './access.js';
import type { ReviewActor } from './actor.js';
import type {
  FlagCategory,
  FlaggedTask,
  FlagOutcome,
  FlagStatus,
  FlagSummary,
  RevealResult,
} from './api-types.js';
import { resolveFlag, revealFlag } from './escalation.js';
import type { FlagResolution, ReviewFlag } from './model.js';
import { decodeCursor, type PageRequest, pageLimit, pageOf } from './page.js';
import { provenanceOf } from './raw-record.js';
import { taskContent } from './task-view.js';
import { type ReviewContext, taskAndItem } from './tasks.js';

/** What each outcome does to the task (the design's outcomes), in the API schema's order. */
export const FLAG_OUTCOME_EFFECTS = {
  // Nothing wrong after all: the task goes back to the queue.
  no_action: 'requeue',
  // Reported to the authorities, or handed up (unmask, legal): the task leaves the queue.
  reported: 'remove',
  escalated: 'remove',
} as const satisfies Record<FlagOutcome, FlagResolution>;

/** A page of flagged tasks, oldest first, optionally of one status and category. */
export async function listFlags(
  ctx: ReviewContext,
  actor: ReviewActor,
  query: PageRequest & { status?: FlagStatus | undefined; category?: FlagCategory | undefined },
): Promise<{ flags: Partial<FlagSummary>[]; next_cursor: string | null }> {
  const limit = pageLimit(query);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, 2);
  const fetched = await ctx.store.review.flagsPage({
    status: query.status,
    category: query.category,
    after: after && [after[0]!, after[1]!],
    limit: limit + 1,
  });
  const page = pageOf(fetched, limit, (f) => [f.createdAt, f.id]);
  return {
    flags: page.rows.map((f) => project(actor.ability, 'list', 'Flag', flagSummary(f))),
    next_cursor: page.nextCursor,
  };
}

/** A flag with its task's redacted view; the view is logged as an access before it goes out. */
export async function readFlag(
  ctx: ReviewContext,
  actor: ReviewActor,
  id: string,
): Promise<{ flag: Partial<FlagSummary>; task: FlaggedTask | undefined }> {
  const flag = await getFlag(ctx, id);
  const { task, item } = await taskAndItem(ctx.store, flag.task);
  if (item.view === undefined)
    throw new ObhutError('NOT_FOUND', 'the redacted view of this item was deleted');
  const object = {
    ...flagSummary(flag),
    task: await taskContent(ctx.home, task, item, item.view),
  };
  authorize(actor.ability, 'read', 'Flag', object);
  await recordAccess(ctx.log, {
    actor: actor.staff.id,
    task: task.id,
    subject: item.subject,
    action: 'view',
    at: new Date(),
  });
  const { task: view, ...summary } = project(actor.ability, 'read', 'Flag', object);
  return { flag: summary, task: view };
}

/**
 * A flagged item's provenance, logged as `reveal` before anything is read out. The raw text and
 * the original recording stay behind a two-approval unmask.
 */
export async function revealProvenance(
  ctx: ReviewContext,
  actor: ReviewActor,
  id: string,
): Promise<RevealResult> {
  const existing = await getFlag(ctx, id);
  authorize(actor.ability, 'reveal', 'Flag', flagSummary(existing));
  const { flag: revealed, item } = await revealFlag(ctx, {
    flag: existing.id,
    actor: actor.staff.id,
  });
  const raw = await ctx.store.review.rawPart(item.id);
  const provenance = project(actor.ability, 'read', 'Provenance', provenanceOf(item, raw?.record));
  const flag = project(actor.ability, 'reveal', 'Flag', {
    ...flagSummary(revealed),
    provenance,
  });
  const { provenance: shown, ...summary } = flag;
  return { provenance: shown ?? {}, flag: summary };
}

/**
 * Closes a flag with an outcome (FLAG_OUTCOME_EFFECTS); the note is kept with the flag (plain
 * text) and shown to trust_safety as `resolved_note`.
 */
export async function closeFlag(
  ctx: ReviewContext,
  actor: ReviewActor,
  id: string,
  body: { outcome: FlagOutcome; note?: string },
): Promise<Partial<FlagSummary>> {
  const existing = await getFlag(ctx, id);
  authorize(actor.ability, 'resolve', 'Flag', flagSummary(existing));
  const resolved = await resolveFlag(ctx, {
    flag: existing.id,
    actor: actor.staff.id,
    resolution: FLAG_OUTCOME_EFFECTS[body.outcome],
    ...(body.note === undefined ? {} : { note: body.note }),
  });
  return project(actor.ability, 'read', 'Flag', {
    ...flagSummary(resolved),
    outcome: body.outcome,
  });
}

async function getFlag(ctx: ReviewContext, id: string): Promise<ReviewFlag> {
  const flag = await ctx.store.review.getFlag(id);
  if (!flag) throw new ObhutError('NOT_FOUND', `no flag ${id}`);
  return flag;
}

function flagSummary(f: ReviewFlag): FlagSummary {
  return {
    id: f.id,
    task_id: f.task,
    category: f.category,
    note: f.note ?? null,
    status: f.status,
    created_at: f.createdAt,
    ...(f.resolvedBy === undefined ? {} : { resolved_by: f.resolvedBy }),
    ...(f.resolvedAt === undefined ? {} : { resolved_at: f.resolvedAt }),
    ...(f.status === 'resolved' ? { resolved_note: f.resolvedNote ?? null } : {}),
  };
}
