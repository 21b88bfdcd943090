import type { Kysely } from 'kysely';
import type { SpentLinkTokens } from '../identity/spent-link-tokens.js';
import { guard, insertedAny } from './guard.js';
import type { Database } from './schema.js';

export function spentLinkTokens(db: Kysely<Database>): SpentLinkTokens {
  return {
    async spendLinkToken(id: string, keepUntilMs: number, nowMs: number): Promise<boolean> {
      return guard('recording an exchanged link token', async () => {
        await db.deleteFrom('spent_link_tokens').where('keep_until_ms', '<', nowMs).execute();
        const result = await db
          .insertInto('spent_link_tokens')
          .values({ id, keep_until_ms: keepUntilMs })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst();
        return insertedAny(result);
      });
    },
  };
}
