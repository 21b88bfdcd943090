import type { Kysely, Transaction } from 'kysely';

export interface ReviewTables {
  review_items: ReviewItemTable;
  review_tasks: ReviewTaskTable;
  review_assignments: ReviewAssignmentTable;
  review_answers: ReviewAnswerTable;
  review_flags: ReviewFlagTable;
  review_unmask: ReviewUnmaskTable;
  review_unmask_approvals: ReviewUnmaskApprovalTable;
  review_holds: ReviewHoldTable;
  review_state: { id: number; assignments: number };
  review_exposure: ReviewExposureTable;
  review_item_requests: ReviewItemRequestTable;
}

export interface ReviewItemRequestTable {
  key_sha256: string;
  request_sha256: string;
  response: string;
  created_at: string;
}

export interface ReviewExposureTable {
  reviewer: string;
  task: string;
  kind: string;
  exposure_ms: number;
  at: string;
  at_ms: number;
}

export interface ReviewItemTable {
  id: string;
  record_key: string;
  record_id: string | null;
  kind: string;
  subject: string | null;
  needs_consent: number;
  view: string | null;
  derived_media: string | null;
  raw_record: string | null;
  raw_media: string | null;
  created_at: string;
  created_ms: number;
  raw_deleted_at: string | null;
  derived_deleted_at: string | null;
}

export interface ReviewTaskTable {
  id: string;
  item: string;
  status: string;
  k: number;
  created_at: string;
  created_ms: number;
  updated_at: string;
}

export interface ReviewAssignmentTable {
  task: string;
  reviewer: string;
  state: string;
  assigned_at: string;
  assigned_ms: number;
  expires_ms: number;
  ended_at: string | null;
}

export interface ReviewAnswerTable {
  task: string;
  reviewer: string;
  answer: string;
  answered_at: string;
  comment: string | null;
}

export interface ReviewFlagTable {
  id: string;
  task: string;
  reviewer: string;
  category: string;
  note: string | null;
  status: string;
  created_at: string;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  resolved_note: string | null;
}

export interface ReviewUnmaskTable {
  id: string;
  task: string;
  requester: string;
  justification: string;
  created_at: string;
  approved_at: string | null;
  expires_at: string | null;
}

export interface ReviewUnmaskApprovalTable {
  request: string;
  approver: string;
  at: string;
}

export interface ReviewHoldTable {
  id: string;
  item: string | null;
  subject: string | null;
  reason: string;
  created_by: string;
  created_at: string;
  released_by: string | null;
  released_at: string | null;
}

export type Db = Kysely<ReviewTables>;

export type Trx = Transaction<ReviewTables>;
