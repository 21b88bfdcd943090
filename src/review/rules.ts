import type { AssignmentRules, ReviewKind, UnmaskRequest, UnmaskStatus } from './model.js';

/** A task as the assignment rule sees it. */
export interface Candidate {
  readonly id: string;
  readonly k: number;
  /** Active (unexpired) plus answered assignments. */
  readonly taken: number;
  /** Reviewers who were ever assigned to it (whatever became of the assignment). */
  readonly reviewers: readonly string[];
  readonly subject: string | undefined;
}

/** What the rule needs to know about the reviewer asking. */
export interface ReviewerLoad {
  readonly id: string;
  /** Assignments taken since the start of the current UTC day. */
  readonly today: number;
  /** Items per subject pseudonym this reviewer was ever assigned. */
  readonly perSubject: ReadonlyMap<string, number>;
}

/** Why a candidate cannot go to this reviewer, or undefined when it can. */
export function ineligible(
  task: Candidate,
  reviewer: ReviewerLoad,
  rules: Pick<AssignmentRules, 'perSubjectCap'>,
): 'assigned_before' | 'full' | 'subject_cap' | undefined {
  if (task.reviewers.includes(reviewer.id)) return 'assigned_before';
  if (task.taken >= task.k) return 'full';
  const cap = rules.perSubjectCap;
  if (cap !== undefined && task.subject !== undefined) {
    if ((reviewer.perSubject.get(task.subject) ?? 0) >= cap) return 'subject_cap';
  }
  return undefined;
}

/**
 * The next task for a reviewer: the first candidate (callers pass them oldest first) that this
 * reviewer never had, that has fewer than k active or answered assignments, and whose subject
 * the reviewer has not reached the cap for; none once the reviewer's daily quota is used up.
 */
export function pickTask<C extends Candidate>(
  candidates: readonly C[],
  reviewer: ReviewerLoad,
  rules: Pick<AssignmentRules, 'dailyQuota' | 'perSubjectCap'>,
): C | undefined {
  if (reviewer.today >= rules.dailyQuota) return undefined;
  return candidates.find((task) => ineligible(task, reviewer, rules) === undefined);
}

/** Midnight UTC of the day `nowMs` falls on: daily quotas start there. */
export function dayStart(nowMs: number): number {
  return nowMs - (((nowMs % 86_400_000) + 86_400_000) % 86_400_000);
}

export const DEFAULT_RULES: AssignmentRules = {
  assignmentMinutes: 30,
  dailyQuota: 200,
  perSubjectCap: undefined,
  exposureMinutes: 120,
};

/** What one image viewed counts towards the daily exposure, in seconds. */
export const IMAGE_EXPOSURE_SECONDS = 10;

/**
 * The exposure one media redemption adds, in milliseconds: an audio copy's duration (seconds,
 * rounded up to whole milliseconds; nothing when it is unknown), a fixed amount for an image,
 * nothing for text.
 */
export function exposureMs(kind: ReviewKind, durationSeconds: number | undefined): number {
  if (kind === 'image') return IMAGE_EXPOSURE_SECONDS * 1000;
  if (kind !== 'audio' || durationSeconds === undefined || !(durationSeconds > 0)) return 0;
  return Math.ceil(durationSeconds * 1000);
}

/** Whether a reviewer with `usedMs` of exposure today has reached the daily limit. */
export function exposureReached(usedMs: number, rules: Pick<AssignmentRules, 'exposureMinutes'>) {
  return usedMs >= rules.exposureMinutes * 60_000;
}

/** The leads' view of today's exposure: how many reviewers, and the median and largest minutes. */
export interface ExposureSummary {
  /** Reviewers who took a task or were exposed to media today. */
  readonly reviewers: number;
  readonly medianMinutes: number;
  readonly maxMinutes: number;
  /** Reviewers at or over the limit. */
  readonly atLimit: number;
  readonly limitMinutes: number;
}

/**
 * Aggregates per-reviewer exposure (milliseconds, one entry per active reviewer) into counts and
 * minutes, rounded to one decimal; no reviewer is named.
 */
export function summariseExposure(
  perReviewerMs: readonly number[],
  rules: Pick<AssignmentRules, 'exposureMinutes'>,
): ExposureSummary {
  const sorted = [...perReviewerMs].sort((a, b) => a - b);
  const n = sorted.length;
  const median =
    n === 0 ? 0 : n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  const minutes = (ms: number) => Math.round(ms / 6_000) / 10;
  return {
    reviewers: n,
    medianMinutes: minutes(median),
    maxMinutes: minutes(n === 0 ? 0 : sorted[n - 1]!),
    atLimit: sorted.filter((ms) => exposureReached(ms, rules)).length,
    limitMinutes: rules.exposureMinutes,
  };
}

/** Approvals an unmask request needs, from staff other than the requester. */
export const UNMASK_APPROVALS = 2;
export const DEFAULT_UNMASK_MINUTES = 30;

/** Where an unmask request stands at `nowMs`. */
export function unmaskStatus(request: UnmaskRequest, nowMs: number): UnmaskStatus {
  if (request.approvedAt === undefined || request.expiresAt === undefined) return 'pending';
  return Date.parse(request.expiresAt) > nowMs ? 'approved' : 'expired';
}

/** Whether `staff` may add an approval: not the requester, not twice, not once it is decided. */
export function canApprove(
  request: UnmaskRequest,
  staff: string,
): 'ok' | 'requester' | 'already_approved' | 'decided' {
  if (request.approvedAt !== undefined) return 'decided';
  if (staff === request.requester) return 'requester';
  if (request.approvers.includes(staff)) return 'already_approved';
  return 'ok';
}

/** Whether `staff` may see the raw part under this request now: its requester, while approved. */
export function mayUnmask(request: UnmaskRequest, staff: string, nowMs: number): boolean {
  return request.requester === staff && unmaskStatus(request, nowMs) === 'approved';
}
