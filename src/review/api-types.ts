// The review API's enums and body shapes (/api/review/v1), as the server sends and accepts them:
// one source for the server's routes and the console (console/src/api.ts imports this file).
// It must stay free of runtime dependencies other than the roles list, so the console's bundler
// can take it as it is. Keys are snake_case, as in every API body.

export { ROLES, type Role } from '../staff/roles.js';

import type { Role } from '../staff/roles.js';

export const REVIEW_KINDS = ['text', 'audio', 'image'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/**
 * - `open`: waiting for (or being worked on by) reviewers;
 * - `done`: k answers are in;
 * - `removed`: taken out (the subject objected, trust_safety removed it, or its derivative expired);
 * - `flagged`: a reviewer flagged it; it waits in the trust_safety queue.
 */
export const TASK_STATUSES = ['open', 'done', 'removed', 'flagged'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const FLAG_CATEGORIES = [
  'violence',
  'sexual_abuse',
  'self_harm',
  'threat',
  'other',
] as const;
export type FlagCategory = (typeof FLAG_CATEGORIES)[number];

export const FLAG_STATUSES = ['open', 'resolved'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** How trust_safety closes a flag, in the order the console offers them. */
export const FLAG_OUTCOMES = ['reported', 'no_action', 'escalated'] as const;
export type FlagOutcome = (typeof FLAG_OUTCOMES)[number];

export const UNMASK_STATUSES = ['pending', 'approved', 'expired'] as const;
export type UnmaskStatus = (typeof UNMASK_STATUSES)[number];

/** Why GET /tasks/next had nothing (its `obhut-review-reason` header). */
export const NO_TASK_REASONS = ['queue_empty', 'daily_quota', 'exposure_limit'] as const;
export type NoTaskReason = (typeof NO_TASK_REASONS)[number];
/** The header that carries a NoTaskReason on a 204 from GET /tasks/next. */
export const NO_TASK_REASON_HEADER = 'obhut-review-reason';

/** Why a reviewer gives a task back; optional, and not recorded. */
export const RELEASE_REASONS = ['uncomfortable', 'other'] as const;
export type ReleaseReason = (typeof RELEASE_REASONS)[number];

// ---- session and staff ---------------------------------------------------------------------

export interface Me {
  id: string;
  username: string;
  role: Role;
}

export interface StaffSession {
  token: string;
  expires_at: string;
  idle_timeout_seconds?: number;
  staff: Me;
}

export interface StaffMemberView extends Me {
  disabled: boolean;
  created_at?: string;
  daily_quota?: number;
}

// ---- tasks ---------------------------------------------------------------------------------

export interface TimeRange {
  start: number;
  end: number;
}

export interface TaskWord extends TimeRange {
  text: string;
}

/** A text in the console's languages; either may be missing. */
export interface LocalText {
  de?: string;
  en?: string;
}

/**
 * One question of a task, with its texts for the console to show in the reviewer's language
 * (the name stands in where the labels file gave none). Answered by name in `AnswerBody.labels`.
 */
export interface TaskQuestion {
  name: string;
  multiple: boolean;
  text?: LocalText;
  options: { value: string; text?: LocalText }[];
}

/** The redacted content of a task: what every TaskView shape shares. */
export interface TaskContent {
  id: string;
  kind: ReviewKind;
  status: TaskStatus;
  text?: string;
  words?: TaskWord[];
  redacted_ranges?: TimeRange[];
  duration?: number;
  /** The label choices: an option's name, or `label:option` where two labels share it. */
  labels: string[];
  /** The questions, with their texts: what the console's answer form shows. */
  questions?: TaskQuestion[];
}

export interface ExposureToday {
  seconds: number;
  limit_seconds: number;
}

export interface TaskAnswerView {
  reviewer: string;
  labels: Readonly<Record<string, string | readonly string[]>>;
  transcript?: string;
  answered_at: string;
}

/** A task as one member of staff may see it; the role decides which fields are sent. */
export interface TaskView extends TaskContent {
  /** Absent for a lead reading a task not assigned to them. */
  assignment?: { expires_at: string };
  quota?: {
    used: number;
    limit: number;
    /** Today's exposure: audio given to listen to plus a fixed amount per image viewed. */
    exposure?: ExposureToday;
  };
  // A lead's extra fields.
  assignee?: string;
  k?: number;
  created_at?: string;
  answers?: TaskAnswerView[];
}

export type FlaggedTask = TaskContent;

export interface MediaLink {
  url: string;
  expires_at: string;
}

export interface AnswerBody {
  transcript?: string;
  /** The chosen label choices; or, for labels with options, option(s) by label name. */
  labels: string[] | Record<string, string | string[]>;
  comment?: string;
}

export interface AnswerResult {
  answer_id: string;
  done: boolean;
}

export interface FlagBody {
  category: FlagCategory;
  note?: string;
}

export interface FlagResult {
  flag_id: string;
  guidance: string;
}

/** Today's exposure across reviewers: counts and minutes, nobody named. */
export interface ExposureSummary {
  reviewers_today: number;
  median_minutes: number;
  max_minutes: number;
  at_limit: number;
  limit_minutes: number;
}

export interface QueueCounts {
  open: number;
  assigned: number;
  done: number;
  flagged: number;
  removed: number;
  exposure: ExposureSummary;
}

// ---- flags, unmasking, audit, holds, retention ------------------------------------------------

export interface FlagSummary {
  id: string;
  task_id: string;
  category: FlagCategory;
  note: string | null;
  status: FlagStatus;
  created_at: string;
  outcome?: FlagOutcome;
  resolved_by?: string;
  resolved_at?: string;
  resolved_note?: string | null;
}

/** Where a flagged record came from; the subject as its pseudonym only. */
export interface Provenance {
  record_id?: string;
  source_url?: string;
  dataset?: string;
  collected_at?: string;
  collector?: string;
  license?: string;
  created_at?: string;
  visibility?: string;
  subject?: string;
}

export interface RevealResult {
  provenance: Provenance;
  flag?: Partial<FlagSummary>;
}

export interface UnmaskRequestView {
  id: string;
  task_id: string;
  requested_by: string;
  justification?: string;
  approvals: string[];
  status: UnmaskStatus;
  created_at?: string;
  expires_at?: string;
}

export interface Identity {
  platform: string;
  account: string;
}

export interface AccessEventView {
  at: string;
  actor: string;
  task: string;
  action: string;
  log_index: number;
}

export interface AccessReportView {
  subject: string;
  events: AccessEventView[];
}

/** Which legal holds a list shows: those in force (the default), those released, or both. */
export const HOLD_STATES = ['active', 'released', 'all'] as const;
export type HoldState = (typeof HOLD_STATES)[number];

/** A legal hold: on one review item, or on all items of one subject (by pseudonym). */
export interface LegalHoldView {
  id: string;
  item_id?: string;
  subject?: string;
  reason: string;
  created_by: string;
  created_at: string;
  released_by?: string;
  released_at?: string;
}

/** What a hold covers: an item id, or a platform and account the server pseudonymises. */
export type HoldTarget =
  | { item_id: string }
  | { subject_platform: string; subject_account: string };

/** Krippendorff's alpha (nominal) of one question, over the items with two answers or more. */
export interface QuestionAgreementView {
  name: string;
  text?: LocalText;
  /** Null when undefined: no item with two answers, or only one value ever given. */
  alpha: number | null;
  items: number;
  answers: number;
}

/** How well reviewers agree, per question, over open and done tasks (GET /agreement). */
export interface AgreementView {
  tasks: number;
  questions: QuestionAgreementView[];
}

export interface SweepSummary {
  removed: { raw: number; derived: number; items: string[] };
}

/** An access or erasure request in the privacy officer's queue (GET /requests). */
export interface SubjectRequestView {
  id: string;
  kind: 'access' | 'erasure';
  status: 'received' | 'in_progress' | 'answered' | 'rejected';
  message: string | null;
  received_at: string;
  deadline: string;
  answer: string | null;
  /** The staff id it is assigned to. */
  assignee: string | null;
  /** Whether the person gave an address the answer is also mailed to. */
  notify_by_email: boolean;
}

/** How a request is answered: answered and rejected close it; in_progress keeps it open. */
export const REQUEST_ANSWER_STATUSES = ['answered', 'rejected', 'in_progress'] as const;
export type RequestAnswerStatus = (typeof REQUEST_ANSWER_STATUSES)[number];

/** The person's access report (GET /requests/:id/access-report), as far as the console shows it. */
export interface RequestAccessReportView {
  type: 'access_report';
  generated_at: string;
  identities: string[];
  decisions: unknown[];
  builds: unknown[];
  review: { items?: unknown[]; accesses?: unknown[] };
}

/** What carrying out an erasure did (POST /requests/:id/erase). */
export interface ErasureResultView {
  request: SubjectRequestView;
  outcome: {
    done: boolean;
    steps: { step: string; ok: boolean; detail: string }[];
    builds_still_containing: { build_id: string; purpose: string; created_at: string }[];
  };
}
