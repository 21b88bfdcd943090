import type { ConsentRegister } from '../consent/consent-register.js';
import type { HoldState } from './api-types.js';
import type {
  Assignment,
  AssignmentRules,
  FlagCategory,
  FlagResolution,
  LabelsSchema,
  LegalHold,
  RawPart,
  ReviewAnswer,
  ReviewFlag,
  ReviewItem,
  ReviewKind,
  ReviewTask,
  ReviewView,
  StoredAnswer,
  TaskStatus,
  UnmaskRequest,
} from './model.js';

/** An item to queue, with its raw part; `recordKey` (SHA-256 of the record id) keeps it unique. */
export interface NewReviewItem {
  readonly id: string;
  readonly recordKey: string;
  /** The record's own id: what the export names, so labels can be joined back to the data. */
  readonly recordId: string;
  readonly kind: ReviewKind;
  readonly subject: string | undefined;
  readonly needsConsent: boolean;
  readonly view: ReviewView;
  readonly derivedMedia: string | undefined;
  readonly raw: RawPart;
  readonly createdAt: string;
}

export type TaskChange = 'ok' | 'not_found' | 'closed' | 'not_assigned';

export interface QueueCounts {
  readonly open: number;
  readonly flagged: number;
  readonly done: number;
  readonly removed: number;
  /** Assignments currently held (not expired, answered or released). */
  readonly assigned: number;
}

/** The queue: items and their tasks. */
export interface ReviewQueue {
  /** Queues an item with one task; false (nothing stored) when its record was queued before. */
  enqueue(item: NewReviewItem, task: { id: string; k: number }): Promise<boolean>;
  item(id: string): Promise<ReviewItem | undefined>;
  /** The raw part, for trust_safety under an approved unmask request, and for deletion. */
  rawPart(id: string): Promise<RawPart | undefined>;
  task(id: string): Promise<ReviewTask | undefined>;
  /** Tasks of one item, oldest first. */
  tasksOf(item: string): Promise<ReviewTask[]>;
  /** Sets a task `removed` and ends its active assignments; false when it already was. */
  removeTask(task: string, now: Date): Promise<boolean>;
  queueCounts(now: Date): Promise<QueueCounts>;
  /** Ids of the items of these subjects (pseudonyms), oldest first: for access and erasure. */
  itemsOfSubjects(subjects: readonly string[]): Promise<string[]>;
}

/** Assignments, answers and the exposure they count. */
export interface ReviewWork {
  /**
   * Takes the next task for a reviewer under the rules (see `pickTask`), in a transaction that
   * serialises assignments, so concurrent requests never exceed k. A reviewer holding an
   * unexpired assignment gets that one back. Undefined when nothing is eligible.
   */
  assignNext(reviewer: string, rules: AssignmentRules, now: Date): Promise<Assignment | undefined>;
  /** The reviewer's assignment to a task (any state); `expiresAt` tells whether it still runs. */
  assignment(task: string, reviewer: string): Promise<Assignment | undefined>;
  assignments(task: string): Promise<Assignment[]>;
  /** Assignments the reviewer took since the start of `now`'s UTC day (what the daily quota counts). */
  assignedToday(reviewer: string, now: Date): Promise<number>;
  /** Gives an active assignment back ("skip"); the task returns to the queue. */
  release(task: string, reviewer: string, now: Date): Promise<TaskChange>;
  /**
   * Stores an answer under the reviewer's active assignment; the task is done with its k-th
   * answer. `done` says whether this answer completed it.
   */
  answer(
    task: string,
    reviewer: string,
    answer: ReviewAnswer,
    now: Date,
    comment?: string,
  ): Promise<{ outcome: TaskChange; done: boolean }>;
  answers(task: string): Promise<StoredAnswer[]>;
}

/** Media exposure per member and UTC day, which bounds what a member is shown. */
export interface ReviewExposure {
  /**
   * Counts a media redemption towards the member's exposure: once per task and member (false
   * when it was counted before), on the UTC day of `at`.
   */
  recordExposure(exposure: {
    reviewer: string;
    task: string;
    kind: ReviewKind;
    ms: number;
    at: Date;
  }): Promise<boolean>;
  /** The member's exposure since the start of `now`'s UTC day, in milliseconds. */
  exposureToday(reviewer: string, now: Date): Promise<number>;
  /**
   * Today's exposure (milliseconds) of every member who took a task or was exposed to media since
   * the start of `now`'s UTC day, by staff id.
   */
  exposureByReviewer(now: Date): Promise<Map<string, number>>;
}

/** Flags raised by reviewers and resolved by trust_safety. */
export interface ReviewFlags {
  /**
   * Flags a task under the reviewer's active assignment: the task moves to the trust_safety
   * queue (`flagged`) and every other active assignment of it ends.
   */
  flag(
    flag: { id: string; task: string; reviewer: string; category: FlagCategory; note?: string },
    now: Date,
  ): Promise<TaskChange>;
  flags(status?: 'open' | 'resolved'): Promise<ReviewFlag[]>;
  /**
   * Up to `limit` flags, oldest first (created_at, then id), of the given status and category,
   * after the flag whose (created_at, id) is `after`: keyset paging, so a flag added meanwhile
   * neither shifts nor repeats the rows of later pages.
   */
  flagsPage(query: FlagsQuery): Promise<ReviewFlag[]>;
  getFlag(id: string): Promise<ReviewFlag | undefined>;
  /**
   * Resolves an open flag, with trust_safety's note when given: `requeue` reopens the task (when
   * no other flag is open), `remove` removes it.
   */
  resolveFlag(
    id: string,
    by: string,
    resolution: FlagResolution,
    now: Date,
    note?: string,
  ): Promise<ReviewFlag | undefined>;
}

/** Unmask requests and legal holds. */
export interface ReviewEscalations {
  createUnmask(request: {
    id: string;
    task: string;
    requester: string;
    justification: string;
    createdAt: string;
  }): Promise<void>;
  getUnmask(id: string): Promise<UnmaskRequest | undefined>;
  /**
   * Adds an approval (never the requester's, never twice); the second makes the request approved
   * until `now + ttlMinutes`.
   */
  approveUnmask(
    id: string,
    approver: string,
    now: Date,
    ttlMinutes: number,
  ): Promise<{
    outcome: 'ok' | 'not_found' | 'requester' | 'already_approved' | 'decided';
    request?: UnmaskRequest;
  }>;
  addHold(hold: Omit<LegalHold, 'releasedBy' | 'releasedAt'>): Promise<void>;
  /** Releases an active hold; undefined when there is no such active hold. */
  releaseHold(id: string, by: string, now: Date): Promise<LegalHold | undefined>;
  holds(options?: { active?: boolean }): Promise<LegalHold[]>;
  /** Up to `limit` holds in the given state, newest first (created_at, then id, descending), after `after`. */
  holdsPage(query: HoldsQuery): Promise<LegalHold[]>;
}

/** A page of flags: filters, the (created_at, id) of the last flag seen, and the size. */
export interface FlagsQuery {
  readonly status?: 'open' | 'resolved' | undefined;
  readonly category?: FlagCategory | undefined;
  readonly after?: readonly [createdAt: string, id: string] | undefined;
  readonly limit: number;
}

export { HOLD_STATES, type HoldState } from './api-types.js';

/** A page of legal holds: the state, the (created_at, id) of the last hold seen, and the size. */
export interface HoldsQuery {
  readonly state: HoldState;
  readonly after?: readonly [createdAt: string, id: string] | undefined;
  readonly limit: number;
}

/** What retention may delete, and the deletion marks. */
export interface ReviewRetention {
  /**
   * Items created before `beforeMs` whose raw part is still stored, with no open or flagged task
   * and no active legal hold on the item or its subject; only `item` when given.
   */
  rawDue(beforeMs: number, item?: string): Promise<string[]>;
  /** Items created before `beforeMs` whose derivatives are still stored, with no flagged task and no active hold. */
  derivedDue(beforeMs: number): Promise<string[]>;
  /**
   * Forgets a part of an item: `raw` clears the raw record and media path, `derived` the view and
   * derivative path and removes its open tasks. Returns false when it was already gone.
   */
  markDeleted(item: string, what: 'raw' | 'derived', at: Date): Promise<boolean>;
}

/** A task as the export reads it: its item's record id and questions, and every answer. */
export interface ExportedTask {
  readonly task: ReviewTask;
  /** When the task last changed status (done, removed, …). */
  readonly updatedAt: string;
  /** Undefined for items queued before record ids were kept whose raw record is gone. */
  readonly recordId: string | undefined;
  readonly kind: ReviewKind;
  /** The questions asked; undefined once the reviewer's view was deleted. */
  readonly labels: LabelsSchema | undefined;
  /** Oldest first. */
  readonly answers: readonly StoredAnswer[];
}

export interface ExportQuery {
  readonly statuses: readonly TaskStatus[];
  /** Only tasks with an answer given at or after this time (ISO 8601 UTC). */
  readonly since?: string;
  /** The cursor: task ids after this one. */
  readonly after?: string;
  readonly limit: number;
}

/** Reading answers out, a page at a time in task id order. */
export interface ReviewExport {
  exportPage(query: ExportQuery): Promise<ExportedTask[]>;
}

/** Review items, tasks and everything hanging off them; `store.review`. */
export interface ReviewStore
  extends ReviewQueue,
    ReviewExport,
    ReviewWork,
    ReviewExposure,
    ReviewFlags,
    ReviewEscalations,
    ReviewRetention,
    ReviewItemRequests {}

/** One request's hold on an Idempotency-Key: the key (as SHA-256) and when it was claimed. */
export interface ItemRequestKey {
  /** SHA-256 (hex) of the key: the key itself is the client's and is not kept. */
  readonly keySha256: string;
  /**
   * When the request came, or last refreshed its claim while running (ISO 8601): the key is
   * kept a day from then, and this time is what makes the claim this request's.
   */
  readonly at: string;
}

/** What a request under an Idempotency-Key finds. */
export type ItemRequestClaim =
  /** The key is this request's: run it, then answer or release the claim. */
  | { readonly state: 'claimed' }
  /** Another request under the key is still running. */
  | { readonly state: 'running'; readonly requestSha256: string }
  /** The key's first request was answered with `response` (JSON). */
  | { readonly state: 'answered'; readonly requestSha256: string; readonly response: string };

/** Answers of `POST /items` by Idempotency-Key (kept a day). */
export interface ReviewItemRequests {
  /**
   * Claims the key for a request with body hash `requestSha256`, unless a request under it is
   * running or answered (and not expired). A claim neither answered nor refreshed for 5 minutes
   * (its server died) is taken over by a retry with the same body.
   */
  claimItemRequest(
    claim: ItemRequestKey & { readonly requestSha256: string },
  ): Promise<ItemRequestClaim>;
  /**
   * Moves a running request's claim to time `at`, so it is not taken over while it runs; false
   * when the claim is not this request's any more (taken over, released or answered).
   */
  refreshItemRequest(claim: ItemRequestKey, at: string): Promise<boolean>;
  /** Stores the claimed request's answer; false when the claim was taken over meanwhile. */
  answerItemRequest(claim: ItemRequestKey, response: string): Promise<boolean>;
  /** Gives a claim up (its request failed), so a retry runs again. */
  releaseItemRequest(claim: ItemRequestKey): Promise<void>;
}

/**
 * What review works through: its own tables (`review`), and the consent register, read to see
 * whether a subject withdrew.
 */
export interface ReviewStores extends Pick<ConsentRegister, 'consentEventsOf'> {
  readonly review: ReviewStore;
}
