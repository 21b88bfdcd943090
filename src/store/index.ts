export { openPostgresStore } from './postgres.js';
export { openSqliteStore } from './sqlite.js';
export type { Store } from './store.js';
