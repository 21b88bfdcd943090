import type { BankEntry, HashBank } from './bank.js';
import type { Finding, FindingStatus } from './finding.js';

/**
 * A bank's hashes as the store hands them over: all of them concatenated in one string (fixed
 * width per signal type), and only the entries that carry labels. A million PDQ hashes then
 * cost one 64 MB string while loading and 32 MB packed afterwards, not a million row objects.
 */
export interface BankSignals {
  readonly hashes: string;
  readonly count: number;
  readonly labelled: readonly BankEntry[];
}

/**
 * A bank as a build needs it before its hashes: its settings and its revision, which every
 * import sets anew (null only for a bank no import has touched since migration 0024).
 */
export interface HashBankHead extends HashBank {
  readonly revision: string | null;
}

export interface StoredHashBank extends HashBank {
  readonly entries: number;
  readonly updatedAt: string;
}

export interface BankImportResult {
  readonly inserted: number;
  readonly alreadyPresent: number;
}

/** A file a bank no longer matches: a finding about it was marked `false_positive`. */
export interface AllowedFile {
  readonly bank: string;
  readonly sha256: string;
  readonly pdq?: string;
  readonly findingId: string;
  readonly addedAt: string;
}

/** Hash banks and their allow lists, as the safety scan and `obhut bank` need them. */
export interface HashBankStore {
  /**
   * Creates a bank or updates its source, version and threshold, and adds entries; an entry it
   * already holds gets the union of its labels. The signal type of an existing bank never changes.
   * Every import gives the bank a new revision.
   */
  importBank(bank: HashBank, entries: readonly BankEntry[]): Promise<BankImportResult>;
  listBanks(): Promise<StoredHashBank[]>;
  /**
   * One bank's settings and revision, without counting its entries (listBanks counts every
   * bank's, which cost a build 0.3 s on a bank of 100,000). Undefined when there is none.
   */
  bankHead(name: string): Promise<HashBankHead | undefined>;
  /** The bank's entries ordered by hash, or undefined when there is no such bank. */
  bankEntries(name: string): Promise<BankEntry[] | undefined>;
  /**
   * The bank's hashes for matching, in one piece: all hashes concatenated in hash order, their
   * count, and the entries that carry labels. Undefined when there is no such bank.
   */
  bankSignals(name: string): Promise<BankSignals | undefined>;
  /** Files of a bank judged false positives (findings marked so), by SHA-256. */
  bankAllowList(bank: string): Promise<AllowedFile[]>;
}

/** Findings of safety scans and their review status. */
export interface FindingStore {
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
}
