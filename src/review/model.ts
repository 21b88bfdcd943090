import type { TimeRange } from '../pii/index.js';
import type { FlagCategory, LocalText, ReviewKind, TaskStatus } from './api-types.js';

// The enums the API shares with the console live in api-types.ts.
export {
  FLAG_CATEGORIES,
  type FlagCategory,
  type LocalText,
  REVIEW_KINDS,
  type ReviewKind,
  TASK_STATUSES,
  type TaskStatus,
  type UnmaskStatus,
} from './api-types.js';

/** An assignment is `active` until it is answered, released, flagged or its time runs out. */
export const ASSIGNMENT_STATES = ['active', 'answered', 'released', 'flagged'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

/** What trust_safety decides about a flag: back to the queue, or out of it for good. */
export const FLAG_RESOLUTIONS = ['requeue', 'remove'] as const;
export type FlagResolution = (typeof FLAG_RESOLUTIONS)[number];

/**
 * One question a reviewer answers: a choice among options (several when `multiple`), with the
 * question's and the options' texts in German and English when the labels file gives them.
 */
export interface LabelDefinition {
  readonly name: string;
  readonly options: readonly string[];
  readonly multiple?: boolean;
  /** The question as asked. */
  readonly text?: LocalText;
  /** Option texts, by option. */
  readonly optionTexts?: Readonly<Record<string, LocalText>>;
}
export type LabelsSchema = readonly LabelDefinition[];

export const DEFAULT_LABELS: LabelsSchema = [
  { name: 'transcript_quality', options: ['correct', 'minor_errors', 'major_errors', 'unusable'] },
];

/** A transcript word as the reviewer sees it (already redacted), with its time in seconds. */
export interface ViewWord {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * What a reviewer may see of an item: redacted text or transcript, the time ranges bleeped in
 * the derivative, and the labels to give. No record id, no subject, no account, no source.
 */
export interface ReviewView {
  readonly kind: ReviewKind;
  readonly text?: string;
  readonly words?: readonly ViewWord[];
  /** Time ranges (seconds) of redacted words; the audio derivative is bleeped there. */
  readonly ranges: readonly TimeRange[];
  readonly labels: LabelsSchema;
}

/** An item in the review store. The raw part is for trust_safety after an approved unmask only. */
export interface ReviewItem {
  readonly id: string;
  readonly kind: ReviewKind;
  /** The subject's pseudonym, when the record names one; never shown to reviewers. */
  readonly subject: string | undefined;
  /**
   * Admitted only because the subject consented (an opt-in region): withdrawing consent then
   * takes the item out, as an objection does.
   */
  readonly needsConsent: boolean;
  /** Undefined once the derivatives were deleted. */
  readonly view: ReviewView | undefined;
  /** Path of the reviewer's derivative under `<home>/review/`, when there is one. */
  readonly derivedMedia: string | undefined;
  readonly createdAt: string;
  readonly rawDeletedAt: string | undefined;
  readonly derivedDeletedAt: string | undefined;
}

/** The raw part of an item: the record as read and the original media (under `<home>/review/`). */
export interface RawPart {
  readonly record: Record<string, unknown> | undefined;
  readonly media: string | undefined;
}

export interface ReviewTask {
  readonly id: string;
  readonly item: string;
  readonly status: TaskStatus;
  /** Answers wanted (distinct reviewers). */
  readonly k: number;
  readonly createdAt: string;
}

export interface Assignment {
  readonly task: string;
  readonly reviewer: string;
  readonly state: AssignmentState;
  readonly assignedAt: string;
  readonly expiresAt: string;
}

/** A reviewer's answer: an optional corrected transcript and the labels. */
export interface ReviewAnswer {
  readonly transcript?: string;
  readonly labels: Readonly<Record<string, string | readonly string[]>>;
}

export interface StoredAnswer {
  readonly task: string;
  readonly reviewer: string;
  readonly answer: ReviewAnswer;
  /** The reviewer's free-text comment on their answer, when they gave one (plain text). */
  readonly comment?: string;
  readonly answeredAt: string;
}

export interface ReviewFlag {
  readonly id: string;
  readonly task: string;
  readonly reviewer: string;
  readonly category: FlagCategory;
  readonly note: string | undefined;
  readonly status: 'open' | 'resolved';
  readonly createdAt: string;
  readonly resolution?: FlagResolution;
  readonly resolvedBy?: string;
  readonly resolvedAt?: string;
  /** trust_safety's note on the resolution, when they gave one (plain text). */
  readonly resolvedNote?: string;
}

export interface UnmaskRequest {
  readonly id: string;
  readonly task: string;
  readonly requester: string;
  readonly justification: string;
  readonly approvers: readonly string[];
  readonly createdAt: string;
  /** Set when the second approval came in. */
  readonly approvedAt: string | undefined;
  /** Approval lasts until then. */
  readonly expiresAt: string | undefined;
}

/** A legal hold keeps an item's raw part (and derivatives) past retention. */
export interface LegalHold {
  readonly id: string;
  /** Exactly one of `item` and `subject` is set. */
  readonly item: string | undefined;
  readonly subject: string | undefined;
  readonly reason: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly releasedBy: string | undefined;
  readonly releasedAt: string | undefined;
}

/** Tunables of assignment (`obhut serve` reads them from OBHUT_REVIEW_*, runtime/compose.ts). */
export interface AssignmentRules {
  /** How long an assignment lasts before the task goes back to the queue. */
  readonly assignmentMinutes: number;
  /** Assignments a reviewer may take per UTC day. */
  readonly dailyQuota: number;
  /** At most this many items of one subject per reviewer, ever; no cap when undefined. */
  readonly perSubjectCap: number | undefined;
  /**
   * Minutes of exposure (audio given to listen to, plus a fixed amount per image) per reviewer
   * per UTC day; once reached, no new task is assigned that day (the current one still finishes).
   */
  readonly exposureMinutes: number;
}
