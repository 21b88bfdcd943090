import type { NewConsentEvent } from '../log/log-storage.js';
import type { ConsentEvent } from '../records/index.js';

export type { NewConsentEvent } from '../log/log-storage.js';

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

/**
 * The consent register as consent/ reads it. Events are written with their log entry
 * (`LogStorage.integrate`); `appendConsentEvents` is only for registers from before the log.
 */
export interface ConsentRegister {
  /**
   * Appends events without logging them, as versions before the log did; kept for importing
   * such registers and for tests that simulate them. Everything Obhut accepts now goes through
   * the log. Events whose key is already stored are skipped.
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
  countConsentEvents(): Promise<number>;
}
