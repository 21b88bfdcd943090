import type { Kysely } from 'kysely';
import type { SessionDenylist } from '../identity/session-denylist.js';
import { guard } from './guard.js';
import type { SessionDenylistTable } from './schema.js';

export function sessionDenylist(
  db: Kysely<{ session_denylist: SessionDenylistTable }>,
): SessionDenylist {
  return {
    async denySession(id: string, keepUntilMs: number, nowMs: number): Promise<void> {
      await guard('recording a sign-out', async () => {
        await db.deleteFrom('session_denylist').where('keep_until_ms', '<', nowMs).execute();
        await db
          .insertInto('session_denylist')
          .values({ id, keep_until_ms: keepUntilMs })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      });
    },

    async isSessionDenied(id: string): Promise<boolean> {
      const row = await guard('checking for a sign-out', () =>
        db.selectFrom('session_denylist').select('id').where('id', '=', id).executeTakeFirst(),
      );
      return row !== undefined;
    },
  };
}
