import type { Kysely } from 'kysely';
import type { SpentMediaLinks } from '../review/spent-media-links.js';
import { guard, insertedAny } from './guard.js';
import type { SpentMediaLinkTable } from './schema.js';

export function spentMediaLinks(
  db: Kysely<{ spent_media_links: SpentMediaLinkTable }>,
): SpentMediaLinks {
  return {
    async spendMediaLink(nonce: string, keepUntilMs: number, nowMs: number): Promise<boolean> {
      return guard('recording a redeemed media link', async () => {
        await db.deleteFrom('spent_media_links').where('keep_until_ms', '<', nowMs).execute();
        const result = await db
          .insertInto('spent_media_links')
          .values({ nonce, keep_until_ms: keepUntilMs })
          .onConflict((oc) => oc.column('nonce').doNothing())
          .executeTakeFirst();
        return insertedAny(result);
      });
    },
  };
}
