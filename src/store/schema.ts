import type { Generated } from 'kysely';

/** Tables as Kysely sees them; the same on SQLite and PostgreSQL. */
export interface Database {
  consent_events: ConsentEventTable;
  builds: BuildTable;
  meta: MetaTable;
}

export interface ConsentEventTable {
  /** Import order; decides between events with the same `at`. */
  seq: Generated<number>;
  /** Content digest plus occurrence number; re-importing the same file inserts nothing. */
  event_key: string;
  subject: string;
  purpose: string;
  action: string;
  at: string;
  at_ms: number;
  channel: string;
  reference: string | null;
  recorded_at: string;
}

export interface BuildTable {
  manifest_sha256: string;
  purpose: string;
  consent_at: string;
  items_root: string;
  admitted: number;
  excluded: number;
  rejected: number;
  created_at: string;
}

export interface MetaTable {
  key: string;
  value: string;
}
