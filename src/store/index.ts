import type { Store } from './store.js';

/**
 * Opens the PostgreSQL store. `pg` is imported only here, when a PostgreSQL URL is configured:
 * loading it (and what it pulls in) cost every SQLite command ~0.15 s of start-up (issue 13).
 */
export async function openPostgresStore(url: string): Promise<Store> {
  return (await import('./postgres.js')).openPostgresStore(url);
}

export { openSqliteStore } from './sqlite.js';
export type { Store } from './store.js';
