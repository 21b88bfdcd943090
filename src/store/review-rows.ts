import type { ExpressionBuilder, Selectable } from 'kysely';
import type {
  Assignment,
  AssignmentState,
  FlagCategory,
  FlagResolution,
  LegalHold,
  ReviewFlag,
  ReviewItem,
  ReviewKind,
  ReviewTask,
  ReviewView,
  TaskStatus,
  UnmaskRequest,
} from '../review/model.js';
import { optional } from './guard.js';
import type {
  Db,
  ReviewAssignmentTable,
  ReviewFlagTable,
  ReviewHoldTable,
  ReviewItemTable,
  ReviewTables,
  ReviewTaskTable,
  Trx,
} from './review-tables.js';

/** An active legal hold on the outer query's item `i` or on its subject. */
export function activeHold(eb: ExpressionBuilder<ReviewTables & { i: ReviewItemTable }, 'i'>) {
  return eb
    .selectFrom('review_holds as h')
    .select('h.id')
    .where('h.released_at', 'is', null)
    .where((e) => e.or([e('h.item', '=', e.ref('i.id')), e('h.subject', '=', e.ref('i.subject'))]));
}

export async function readUnmask(db: Db | Trx, id: string): Promise<UnmaskRequest | undefined> {
  const row = await db
    .selectFrom('review_unmask')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const approvals = await db
    .selectFrom('review_unmask_approvals')
    .select('approver')
    .where('request', '=', id)
    .orderBy('at')
    .orderBy('approver')
    .execute();
  return {
    id: row.id,
    task: row.task,
    requester: row.requester,
    justification: row.justification,
    approvers: approvals.map((a) => a.approver),
    createdAt: row.created_at,
    approvedAt: row.approved_at ?? undefined,
    expiresAt: row.expires_at ?? undefined,
  };
}

export function toItem(r: Selectable<ReviewItemTable>): ReviewItem {
  return {
    id: r.id,
    kind: r.kind as ReviewKind,
    subject: r.subject ?? undefined,
    needsConsent: Number(r.needs_consent) === 1,
    view: r.view === null ? undefined : (JSON.parse(r.view) as ReviewView),
    derivedMedia: r.derived_media ?? undefined,
    createdAt: r.created_at,
    rawDeletedAt: r.raw_deleted_at ?? undefined,
    derivedDeletedAt: r.derived_deleted_at ?? undefined,
  };
}

export function toTask(r: Selectable<ReviewTaskTable>): ReviewTask {
  return {
    id: r.id,
    item: r.item,
    status: r.status as TaskStatus,
    k: Number(r.k),
    createdAt: r.created_at,
  };
}

export function toAssignment(r: Selectable<ReviewAssignmentTable>): Assignment {
  return {
    task: r.task,
    reviewer: r.reviewer,
    state: r.state as AssignmentState,
    assignedAt: r.assigned_at,
    expiresAt: new Date(Number(r.expires_ms)).toISOString(),
  };
}

export function toFlag(r: Selectable<ReviewFlagTable>): ReviewFlag {
  return {
    id: r.id,
    task: r.task,
    reviewer: r.reviewer,
    category: r.category as FlagCategory,
    note: r.note ?? undefined,
    status: r.status as 'open' | 'resolved',
    createdAt: r.created_at,
    ...optional('resolution', r.resolution as FlagResolution | null),
    ...optional('resolvedBy', r.resolved_by),
    ...optional('resolvedAt', r.resolved_at),
    ...optional('resolvedNote', r.resolved_note),
  };
}

export function toHold(r: Selectable<ReviewHoldTable>): LegalHold {
  return {
    id: r.id,
    item: r.item ?? undefined,
    subject: r.subject ?? undefined,
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: r.created_at,
    releasedBy: r.released_by ?? undefined,
    releasedAt: r.released_at ?? undefined,
  };
}
