export { openPostgresStore } from './postgres.js';
export { openSqliteStore } from './sqlite.js';
export type {
  BuildSummary,
  NewConsentEvent,
  ScannedConsentEvent,
  Store,
  StoredConsentEvent,
} from './store.js';
