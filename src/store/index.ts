export { openPostgresStore } from './postgres.js';
export { openSqliteStore } from './sqlite.js';
export type {
  BuildSummary,
  CheckpointSigner,
  LogAppend,
  LogAppendOutcome,
  LogBatchResult,
  StoredCheckpoint,
  NewConsentEvent,
  ScannedConsentEvent,
  Store,
  StoredConsentEvent,
} from './store.js';
