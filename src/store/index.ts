export { openPostgresStore } from './postgres.js';
export { openSqliteStore } from './sqlite.js';
export type {
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
} from './store.js';
