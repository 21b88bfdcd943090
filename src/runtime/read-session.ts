import type { ConsentRegister } from '../consent/consent-register.js';
import type { IdentityLinkRegister } from '../consent/identity-links.js';
import { openSqliteReader } from '../store/sqlite-reader.js';
import type { Config } from './config.js';
import { checkLogKey, checkSecretMatches, databaseFile, readSecret } from './session-checks.js';

/** What reading a subject's consent state needs of a session. */
export interface ReadSession {
  readonly store: Pick<ConsentRegister, 'consentEventsOf'> &
    Pick<IdentityLinkRegister, 'identityLinksOf'>;
  /** Key for subject pseudonyms. */
  readonly secret: Buffer;
  close(): Promise<void>;
}

/**
 * A session for `obhut consent status`. On a SQLite register whose migrations have all run it
 * reads with better-sqlite3 alone (store/sqlite-reader.ts), so the command loads neither Kysely
 * nor the rest of the store and the log (issue 13: start within 2× a bare `node`). It checks
 * what `openSession` checks, in the same order and with the same errors; any other register
 * (PostgreSQL, or one that needs migrating) gets the full session, which migrates as before.
 */
export async function openReadSession(config: Config): Promise<ReadSession> {
  if (!config.databaseUrl) {
    const secret = config.secret ?? (await readSecret(config.home));
    const reader = openSqliteReader(await databaseFile(config.home, false));
    if (reader) {
      try {
        await checkSecretMatches(reader, secret, false);
        await checkLogKey(reader, config, false);
        return { store: reader, secret, close: () => reader.close() };
      } catch (err) {
        await reader.close();
        throw err;
      }
    }
  }
  const { openSession } = await import('./home.js');
  const session = await openSession(config);
  return { store: session.store, secret: session.secret, close: () => session.store.close() };
}
