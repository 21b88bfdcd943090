import type { NodeKey, TreeNode } from '../merkle/index.js';
import type { ConsentEvent } from '../records/index.js';

/** A consent event ready to append, with the key that makes appending idempotent. */
export interface NewConsentEvent extends ConsentEvent {
  readonly key: string;
}

/** Two identities (pseudonyms, ascending) linked to one person, or unlinked, at `at`. */
export interface NewIdentityLink {
  readonly key: string;
  readonly subjects: readonly [string, string];
  readonly action: 'link' | 'unlink';
  readonly at: string;
  readonly atMs: number;
  readonly via: 'platform' | 'operator';
  /**
   * The platform of each identity (`email` for an address), where known, so a person can be
   * told which kinds of identity a decision covers; kept in the register, never in the log.
   */
  readonly platforms: readonly [string | null, string | null];
}

/** A model registration stored in the register with the index of its `model` entry. */
export interface NewModelRegistration {
  readonly name: string;
  readonly version: string;
  readonly builds: readonly { readonly buildId: string; readonly manifestSha256: string }[];
  readonly cardSha256: string | undefined;
  readonly registeredAt: string;
}

/**
 * One entry to append to the transparency log; a consent event or an identity link is stored in
 * the same transaction.
 */
export interface LogAppend {
  readonly entry: Buffer;
  readonly consentEvent?: NewConsentEvent;
  readonly identityLink?: NewIdentityLink;
  /** Stored in the model register in the same transaction, so no `model` entry lacks its row. */
  readonly model?: NewModelRegistration;
}

export interface StoredCheckpoint {
  readonly size: number;
  readonly root: Buffer;
  /** The signed note, exactly as signed. */
  readonly note: string;
  readonly createdAt: string;
}

/** Signs the checkpoint for a new tree head; the store never sees the key. */
export type CheckpointSigner = (size: number, root: Buffer) => string;

/** The log's tail as stored, read under the log's write lock. */
export interface LockedLogTail {
  readonly size: number;
  /** The encoded right edge (`CompactRange.encode`). */
  readonly edge: Uint8Array;
  readonly latest: StoredCheckpoint | undefined;
  /**
   * Of the batch's consent event keys, those already stored, with their log index (undefined
   * for an event stored before the log existed and not logged yet).
   */
  readonly stored: ReadonlyMap<string, number | undefined>;
}

/** What one integrated batch adds; the storage writes exactly this, in the same transaction. */
export interface LogWrites {
  readonly entries: readonly { readonly index: number; readonly entry: Buffer }[];
  readonly nodes: readonly TreeNode[];
  /** Consent events to store with the index of their entry. */
  readonly events: readonly { readonly event: NewConsentEvent; readonly index: number }[];
  /** Identity links to store with the index of their entry. */
  readonly links: readonly { readonly link: NewIdentityLink; readonly index: number }[];
  /** Model registrations to store with the index of their entry. */
  readonly models: readonly { readonly model: NewModelRegistration; readonly index: number }[];
  /** Events stored before the log existed that are now logged at `index`. */
  readonly lateEvents: readonly { readonly key: string; readonly index: number }[];
  /** The new head: its signed checkpoint and encoded right edge; absent when nothing was added. */
  readonly head?: { readonly checkpoint: StoredCheckpoint; readonly edge: Uint8Array };
}

/**
 * Where the transparency log keeps its entries, nodes and checkpoints. The log decides what a
 * batch adds (`log/integrate.ts`); the storage only locks, reads and stores.
 */
export interface LogStorage {
  /**
   * Runs `plan` inside one transaction that holds the log's write lock, given the stored tail
   * and which of `eventKeys` are stored, then stores the writes it returns and commits. Nothing
   * is visible before the commit; an error from `plan` rolls everything back.
   */
  integrate<T>(
    eventKeys: readonly string[],
    plan: (tail: LockedLogTail) => { readonly writes: LogWrites; readonly result: T },
  ): Promise<T>;
  logSize(): Promise<number>;
  logEntries(start: number, end: number): Promise<Buffer[]>;
  /** Stored perfect-subtree hashes, keyed `level/index`; missing nodes are absent. */
  logNodes(keys: readonly NodeKey[]): Promise<Map<string, Buffer>>;
  /** The checkpoint for `size`, or the latest when `size` is omitted. */
  logCheckpoint(size?: number): Promise<StoredCheckpoint | undefined>;
  /** Every stored checkpoint in size order, a page at a time. */
  logCheckpoints(pageSize?: number): AsyncIterable<StoredCheckpoint[]>;
  /** Consent events stored before the log existed, in import order; `integrate` logs them when given their key. */
  unloggedConsentEvents(limit: number): Promise<NewConsentEvent[]>;
}
