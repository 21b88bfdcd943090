import type { CompactRange, NodeKey, TreeNode } from '../merkle/index.js';
import type { ConsentEvent } from '../records/index.js';
import type { BankEntry, HashBank } from '../safety/bank.js';
import type { Finding, FindingStatus } from '../safety/finding.js';
import type { BankSignals } from '../safety/matcher.js';
import type { ReviewStore } from './review-store.js';
import type { StaffStore } from './staff-store.js';

/** A consent event as stored, with its import sequence number. */
export interface StoredConsentEvent extends ConsentEvent {
  readonly seq: number;
  /** The event's id: its idempotency key. */
  readonly key: string;
  /** Where the event's entry sits in the transparency log. */
  readonly logIndex: number | undefined;
}

/** What a build needs of a stored event; the free-text reference is left behind. */
export type ScannedConsentEvent = Omit<StoredConsentEvent, 'reference' | 'key' | 'logIndex'>;

/** A consent event ready to append, with the key that makes appending idempotent. */
export interface NewConsentEvent extends ConsentEvent {
  readonly key: string;
}

/** One entry to append to the transparency log; a consent event is stored in the same transaction. */
export interface LogAppend {
  readonly entry: Buffer;
  readonly consentEvent?: NewConsentEvent;
}

export interface LogAppendOutcome {
  readonly index: number;
  /** False when the consent event was already stored and logged (an idempotent retry). */
  readonly fresh: boolean;
}

export interface StoredCheckpoint {
  readonly size: number;
  readonly root: Buffer;
  /** The signed note, exactly as signed. */
  readonly note: string;
  readonly createdAt: string;
}

export interface LogBatchResult {
  readonly outcomes: readonly LogAppendOutcome[];
  /** The checkpoint that covers every outcome (the latest one). */
  readonly checkpoint: StoredCheckpoint;
  /** The right edge before the batch and every node the batch added: enough for the batch's proofs. */
  readonly edgeBefore: CompactRange;
  readonly added: readonly TreeNode[];
}

export const SUBJECT_REQUEST_KINDS = ['access', 'erasure'] as const;
export const SUBJECT_REQUEST_STATUSES = [
  'received',
  'in_progress',
  'answered',
  'rejected',
] as const;

/** A person's request to see (access) or erase their data, with the one-month answer deadline. */
export interface SubjectRequest {
  readonly id: string;
  readonly subject: string;
  readonly kind: (typeof SUBJECT_REQUEST_KINDS)[number];
  readonly status: (typeof SUBJECT_REQUEST_STATUSES)[number];
  readonly message: string | undefined;
  readonly receivedAt: string;
  readonly deadline: string;
  readonly answer: string | undefined;
  readonly answeredAt: string | undefined;
}

/** Signs the checkpoint for a new tree head; the store never sees the key. */
export type CheckpointSigner = (size: number, root: Buffer) => string;

export interface BuildSummary {
  readonly manifestSha256: string;
  readonly purpose: string;
  readonly consentAt: string;
  readonly itemsRoot: string;
  readonly admitted: number;
  readonly excluded: number;
  readonly rejected: number;
  readonly createdAt: string;
  /** The build's id: the first 16 hex digits of its manifest's SHA-256. Absent on old records. */
  readonly buildId?: string;
  /** RFC 6962 root (hex) over the build's sorted subject pseudonyms. */
  readonly subjectsRoot?: string;
  readonly subjectsCount?: number;
  /** Index of the build's `build` entry in the transparency log. */
  readonly logIndex?: number;
  /** Size of the log checkpoint whose consent events the build honoured. */
  readonly checkpointSize?: number;
}

/**
 * The persistence port. Two adapters (SQLite, PostgreSQL) implement it and are held to one
 * contract suite; nothing outside `store/` knows which one is in use.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** Review-console staff accounts and sessions. */
  readonly staff: StaffStore;
  /** Review items, tasks, assignments, flags, unmask requests and legal holds. */
  readonly review: ReviewStore;
  /**
   * Appends events without logging them, as versions before the log did; kept for importing
   * such registers and for tests that simulate them. Everything Obhut accepts now goes through
   * `appendToLog`. Events whose key is already stored are skipped.
   */
  appendConsentEvents(
    events: readonly NewConsentEvent[],
  ): Promise<{ inserted: number; skipped: number }>;
  /** Every event of one subject, for all purposes, in (at, import) order. */
  consentEventsOf(subject: string): Promise<StoredConsentEvent[]>;
  /** Events for a purpose with `atMs <= asOfMs` in (at, import) order, a page at a time, without references. */
  scanConsentEvents(
    purpose: string,
    asOfMs: number,
    options?: { pageSize?: number; logSize?: number },
  ): AsyncIterable<ScannedConsentEvent[]>;
  /**
   * Appends entries to the transparency log in one transaction: stores their consent events,
   * assigns contiguous indices, stores the new nodes and right edge, and stores the checkpoint
   * `sign` makes for the new head. Nothing is visible (or acknowledged) before it commits.
   */
  appendToLog(appends: readonly LogAppend[], sign: CheckpointSigner): Promise<LogBatchResult>;
  logSize(): Promise<number>;
  logEntries(start: number, end: number): Promise<Buffer[]>;
  /** Stored perfect-subtree hashes, keyed `level/index`; missing nodes are absent. */
  logNodes(keys: readonly NodeKey[]): Promise<Map<string, Buffer>>;
  /** The checkpoint for `size`, or the latest when `size` is omitted. */
  logCheckpoint(size?: number): Promise<StoredCheckpoint | undefined>;
  /** Every stored checkpoint in size order, a page at a time. */
  logCheckpoints(pageSize?: number): AsyncIterable<StoredCheckpoint[]>;
  /** Consent events stored before the log existed; `appendToLog` logs them when given their key. */
  unloggedConsentEvents(limit: number): Promise<StoredConsentEvent[]>;
  countConsentEvents(): Promise<number>;
  /**
   * Records a build once per manifest digest, with its sorted subject pseudonyms (packed 32-byte
   * records, given as consecutive blocks) when it has a `buildId`, in one transaction.
   */
  recordBuild(build: BuildSummary, subjects?: Iterable<Uint8Array>): Promise<void>;
  listBuilds(): Promise<BuildSummary[]>;
  /**
   * A build's sorted subject pseudonyms, packed 32 bytes each (empty when no admitted item named
   * a subject); undefined for an unknown build id or a build recorded without them.
   */
  buildSubjects(buildId: string): Promise<Buffer | undefined>;
  createSubjectRequest(request: SubjectRequest): Promise<void>;
  /** One subject's requests, newest first; or all requests (for the operator) when omitted. */
  subjectRequests(subject?: string): Promise<SubjectRequest[]>;
  /** Updates status and answer; returns the updated request, or undefined if there is none. */
  updateSubjectRequest(
    id: string,
    update: Pick<SubjectRequest, 'status' | 'answer'>,
  ): Promise<SubjectRequest | undefined>;
  getMeta(key: string): Promise<string | undefined>;
  /** Sets `key` only if it has no value yet; returns the value now stored. */
  initMeta(key: string, value: string): Promise<string>;
  /**
   * Creates a bank or updates its source, version and threshold, and adds entries; an entry it
   * already holds gets the union of its labels. The signal type of an existing bank never changes.
   */
  importBank(bank: HashBank, entries: readonly BankEntry[]): Promise<BankImportResult>;
  listBanks(): Promise<StoredHashBank[]>;
  /** The bank's entries ordered by hash, or undefined when there is no such bank. */
  bankEntries(name: string): Promise<BankEntry[] | undefined>;
  /**
   * The bank's hashes for matching, in one piece: all hashes concatenated in hash order, their
   * count, and the entries that carry labels. Undefined when there is no such bank.
   */
  bankSignals(name: string): Promise<BankSignals | undefined>;
  /** Stores a finding; returns false (and changes nothing) when one with its id is stored. */
  recordFinding(finding: Finding): Promise<boolean>;
  /** Findings in (found, id) order, optionally of one build or status. */
  listFindings(filter?: { buildId?: string; status?: FindingStatus }): Promise<Finding[]>;
  getFinding(id: string): Promise<Finding | undefined>;
  /**
   * Sets a finding's status (and report id); returns it updated, or undefined if there is none.
   * `false_positive` puts the finding's file on its bank's allow list; any other status takes it off.
   */
  updateFindingStatus(
    id: string,
    status: FindingStatus,
    reportId?: string,
  ): Promise<Finding | undefined>;
  /** Files of a bank judged false positives (findings marked so), by SHA-256. */
  bankAllowList(bank: string): Promise<AllowedFile[]>;
  /**
   * Marks a link token as exchanged, keeping its id until `keepUntilMs`; false when it was
   * exchanged before. Ids whose time has passed are forgotten on the way.
   */
  spendLinkToken(id: string, keepUntilMs: number, nowMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** A file a bank no longer matches: a finding about it was marked `false_positive`. */
export interface AllowedFile {
  readonly bank: string;
  readonly sha256: string;
  readonly pdq?: string;
  readonly findingId: string;
  readonly addedAt: string;
}

export interface StoredHashBank extends HashBank {
  readonly entries: number;
  readonly updatedAt: string;
}

export interface BankImportResult {
  readonly inserted: number;
  readonly alreadyPresent: number;
}
