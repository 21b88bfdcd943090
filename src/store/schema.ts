import type { Generated } from 'kysely';

/** Tables as Kysely sees them; the same on SQLite and PostgreSQL. */
export interface Database {
  consent_events: ConsentEventTable;
  builds: BuildTable;
  build_subjects: BuildSubjectsTable;
  meta: MetaTable;
  log_nodes: LogNodeTable;
  log_entries: LogEntryTable;
  log_checkpoints: LogCheckpointTable;
  log_state: LogStateTable;
  subject_requests: SubjectRequestTable;
  hash_banks: HashBankTable;
  hash_bank_entries: HashBankEntryTable;
  findings: FindingTable;
  bank_allow_list: BankAllowTable;
  spent_link_tokens: SpentLinkTokenTable;
  identity_links: IdentityLinkTable;
  models: ModelTable;
  model_builds: ModelBuildTable;
  email_codes: EmailCodeTable;
  session_denylist: SessionDenylistTable;
  spent_media_links: SpentMediaLinkTable;
  rate_counters: RateCounterTable;
}

/** A registered model (migration 0019). */
export interface ModelTable {
  name: string;
  version: string;
  card_sha256: string | null;
  registered_at: string;
  /** Index of the model's `model` entry in the transparency log. */
  log_index: number;
}

/** One build a model was trained on. */
export interface ModelBuildTable {
  name: string;
  version: string;
  build_id: string;
  manifest_sha256: string;
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
  /** Position of the event's entry in the transparency log; null only before it is logged. */
  log_index: number | null;
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
  /** From migration 0003; null for builds recorded before it. */
  build_id: string | null;
  subjects_root: string | null;
  subjects_count: number | null;
  /** Index of the build's `build` entry in the transparency log. */
  log_index: number | null;
  /** Size of the log checkpoint whose consent events the build honoured. */
  checkpoint_size: number | null;
}

/** A build's sorted subject pseudonyms, packed 32 bytes each, in chunks numbered from 0. */
export interface BuildSubjectsTable {
  build_id: string;
  chunk: number;
  subjects: Buffer;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface LogNodeTable {
  level: number;
  idx: number;
  hash: Buffer;
}

export interface LogEntryTable {
  idx: number;
  entry: Buffer;
}

export interface LogCheckpointTable {
  size: number;
  root: Buffer;
  /** The signed note exactly as signed and handed out. */
  note: string;
  created_at: string;
}

export interface LogStateTable {
  id: number;
  size: number;
  edge: Buffer;
}

export interface SubjectRequestTable {
  id: string;
  subject: string;
  kind: string;
  status: string;
  message: string | null;
  received_at: string;
  deadline: string;
  answer: string | null;
  answered_at: string | null;
  assignee: string | null;
  notify_email: string | null;
}

export interface HashBankTable {
  name: string;
  signal_type: string;
  source: string | null;
  list_version: string | null;
  threshold: number;
  updated_at: string;
  /** Set anew by every import (0024): what a cached index of the bank is checked against. */
  revision: string | null;
}

export interface HashBankEntryTable {
  bank: string;
  hash: string;
  /** JSON array of strings. */
  labels: string;
  /** PDQ quality of the entry's own image (0..100), when its list said. */
  quality: number | null;
}

export interface FindingTable {
  id: string;
  build_id: string;
  bank: string;
  signal_type: string;
  bank_version: string | null;
  matched_hash: string;
  distance: number;
  matched_quality: number | null;
  /** JSON array of strings. */
  labels: string;
  hash_policy: string | null;
  record_id: string;
  input: string;
  line: number;
  source_url: string | null;
  dataset: string | null;
  dataset_version: string | null;
  collected_at: string | null;
  collector: string | null;
  license: string | null;
  item_created_at: string | null;
  visibility: string | null;
  subject: string | null;
  file_name: string;
  file_size: number;
  sha256: string;
  md5: string;
  pdq: string | null;
  pdq_quality: number | null;
  status: string;
  report_id: string | null;
  found_at: string;
  updated_at: string;
}

export interface BankAllowTable {
  bank: string;
  sha256: string;
  pdq: string | null;
  finding_id: string;
  added_at: string;
}

export interface SpentLinkTokenTable {
  id: string;
  keep_until_ms: number;
}

export interface IdentityLinkTable {
  link_key: string;
  subject_a: string;
  subject_b: string;
  action: string;
  at: string;
  at_ms: number;
  via: string;
  platform_a: string | null;
  platform_b: string | null;
  log_index: number;
}

/** Pending portal sign-in codes (migration 0018): keyed hashes only. */
export interface EmailCodeTable {
  address: string;
  code_hash: string;
  expires_ms: number;
  attempts: number;
}

export interface SessionDenylistTable {
  /** A signed-out session token's id (`jti`). */
  id: string;
  keep_until_ms: number;
}

export interface SpentMediaLinkTable {
  nonce: string;
  keep_until_ms: number;
}

export interface RateCounterTable {
  /** Keyed hash of the limit's scope and the client's key (address or pseudonym). */
  key: string;
  hits: number;
  window_ends_ms: number;
}
