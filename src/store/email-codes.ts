import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EmailCodeStore, PendingEmailCode } from '../identity/email-code-store.js';
import { guard } from './guard.js';
import type { EmailCodeTable } from './schema.js';

export function emailCodeStore(db: Kysely<{ email_codes: EmailCodeTable }>): EmailCodeStore {
  return {
    async putEmailCode(code: PendingEmailCode, nowMs: number): Promise<void> {
      await guard('storing an e-mail code', async () => {
        await db.deleteFrom('email_codes').where('expires_ms', '<=', nowMs).execute();
        await db
          .insertInto('email_codes')
          .values({
            address: code.address,
            code_hash: code.codeHash,
            expires_ms: code.expiresMs,
            attempts: 0,
          })
          .onConflict((oc) =>
            oc
              .column('address')
              .doUpdateSet({ code_hash: code.codeHash, expires_ms: code.expiresMs, attempts: 0 }),
          )
          .execute();
      });
    },

    async tryEmailCode(address, codeHash, nowMs, maxAttempts): Promise<boolean> {
      return guard('checking an e-mail code', async () => {
        // The try is counted before the code is compared, in one statement, so concurrent tries
        // at several processes can never get more than `maxAttempts` comparisons between them.
        const pending = await db
          .updateTable('email_codes')
          .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
          .where('address', '=', address)
          .where('expires_ms', '>', nowMs)
          .where('attempts', '<', maxAttempts)
          .returning('code_hash')
          .executeTakeFirst();
        if (!pending) return false;
        const given = Buffer.from(codeHash);
        const expected = Buffer.from(pending.code_hash);
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
        // Only one of two concurrent right answers deletes the row: the code works once.
        const used = await db
          .deleteFrom('email_codes')
          .where('address', '=', address)
          .where('code_hash', '=', codeHash)
          .executeTakeFirst();
        return Number(used.numDeletedRows) === 1;
      });
    },
  };
}
