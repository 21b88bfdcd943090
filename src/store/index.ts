export { openPostgresStore } from './postgres.js';
export { openSqliteStore } from './sqlite.js';
export type { BuildSummary, NewConsentEvent, Store, StoredConsentEvent } from './store.js';
