import type { Kysely } from 'kysely';
import { guard } from './guard.js';
import { metaValue } from './register-reads.js';
import type { Database } from './schema.js';
import { statementRows } from './statement.js';

/**
 * Small settings of the register itself (the log's verifier key, the secret's fingerprint), which
 * the runtime checks when it opens a session; no domain folder needs them.
 */
export interface MetaStore {
  getMeta(key: string): Promise<string | undefined>;
  /** Sets `key` only if it has no value yet; returns the value now stored. */
  initMeta(key: string, value: string): Promise<string>;
}

export function metaStore(db: Kysely<Database>): MetaStore {
  const meta: MetaStore = {
    async getMeta(key: string): Promise<string | undefined> {
      const [row] = await guard('reading metadata', () =>
        statementRows<{ value: string }>(db, metaValue(key)),
      );
      return row?.value;
    },

    async initMeta(key: string, value: string): Promise<string> {
      await guard('writing metadata', () =>
        db
          .insertInto('meta')
          .values({ key, value })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute(),
      );
      return (await meta.getMeta(key))!;
    },
  };
  return meta;
}
