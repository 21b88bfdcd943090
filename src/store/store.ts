import type { ConsentEvent } from '../records/index.js';

/** A consent event as stored, with its import sequence number. */
export interface StoredConsentEvent extends ConsentEvent {
  readonly seq: number;
}

/** What a build needs of a stored event; the free-text reference is left behind. */
export type ScannedConsentEvent = Omit<StoredConsentEvent, 'reference'>;

/** A consent event ready to append, with the key that makes appending idempotent. */
export interface NewConsentEvent extends ConsentEvent {
  readonly key: string;
}

export interface BuildSummary {
  readonly manifestSha256: string;
  readonly purpose: string;
  readonly consentAt: string;
  readonly itemsRoot: string;
  readonly admitted: number;
  readonly excluded: number;
  readonly rejected: number;
  readonly createdAt: string;
}

/**
 * The persistence port. Two adapters (SQLite, PostgreSQL) implement it and are held to one
 * contract suite; nothing outside `store/` knows which one is in use.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** Appends events in order; events whose key is already stored are skipped. */
  appendConsentEvents(
    events: readonly NewConsentEvent[],
  ): Promise<{ inserted: number; skipped: number }>;
  /** Every event of one subject, for all purposes, in (at, import) order. */
  consentEventsOf(subject: string): Promise<StoredConsentEvent[]>;
  /** Events for a purpose with `atMs <= asOfMs` in (at, import) order, a page at a time, without references. */
  scanConsentEvents(
    purpose: string,
    asOfMs: number,
    pageSize?: number,
  ): AsyncIterable<ScannedConsentEvent[]>;
  countConsentEvents(): Promise<number>;
  recordBuild(build: BuildSummary): Promise<void>;
  listBuilds(): Promise<BuildSummary[]>;
  getMeta(key: string): Promise<string | undefined>;
  /** Sets `key` only if it has no value yet; returns the value now stored. */
  initMeta(key: string, value: string): Promise<string>;
  close(): Promise<void>;
}
