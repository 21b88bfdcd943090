export { openPostgresStore } from './postgres.js';
export { openSqliteStore } from './sqlite.js';
export type {
  LockoutPolicy,
  SignInAttempt,
  SignInThrottleState,
  StaffCredentials,
  StaffSessionRecord,
  StaffStore,
  StaffUpdate,
} from './staff-store.js';
export type {
  AllowedFile,
  BankImportResult,
  BuildSummary,
  CheckpointSigner,
  LogAppend,
  LogAppendOutcome,
  LogBatchResult,
  NewConsentEvent,
  ScannedConsentEvent,
  Store,
  StoredCheckpoint,
  StoredConsentEvent,
  StoredHashBank,
  SubjectRequest,
} from './store.js';
export { SUBJECT_REQUEST_KINDS, SUBJECT_REQUEST_STATUSES } from './store.js';
