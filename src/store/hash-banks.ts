import { type Kysely, sql } from 'kysely';
import { ObhutError } from '../errors/index.js';
import type { BankEntry, HashBank, SignalType } from '../safety/bank.js';
import type {
  AllowedFile,
  BankImportResult,
  BankSignals,
  HashBankHead,
  HashBankStore,
  StoredHashBank,
} from '../safety/safety-store.js';
import { newBankRevision } from './bank-revision.js';
import { guard, optional } from './guard.js';
import type { Database } from './schema.js';

export function hashBankStore(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): HashBankStore {
  return {
    async importBank(bank: HashBank, entries: readonly BankEntry[]): Promise<BankImportResult> {
      return guard('importing a hash bank', () =>
        db.transaction().execute(async (trx) => {
          const existing = await trx
            .selectFrom('hash_banks')
            .select('signal_type')
            .where('name', '=', bank.name)
            .executeTakeFirst();
          if (existing && existing.signal_type !== bank.signalType) {
            throw new ObhutError(
              'BANK_INVALID',
              `bank ${bank.name} holds ${existing.signal_type} hashes, not ${bank.signalType}`,
            );
          }
          const row = {
            signal_type: bank.signalType,
            source: bank.source,
            list_version: bank.listVersion,
            threshold: bank.threshold,
            updated_at: new Date().toISOString(),
            // In the same transaction as the entries: a reader that sees this revision sees them.
            revision: newBankRevision(),
          };
          if (existing) {
            await trx.updateTable('hash_banks').set(row).where('name', '=', bank.name).execute();
          } else {
            await trx
              .insertInto('hash_banks')
              .values({ name: bank.name, ...row })
              .execute();
          }
          let inserted = 0;
          let alreadyPresent = 0;
          for (let start = 0; start < entries.length; start += 500) {
            const chunk = entries.slice(start, start + 500);
            const held = new Map(
              (
                await trx
                  .selectFrom('hash_bank_entries')
                  .select(['hash', 'labels', 'quality'])
                  .where('bank', '=', bank.name)
                  .where(
                    'hash',
                    'in',
                    chunk.map((e) => e.hash),
                  )
                  .execute()
              ).map((r) => [
                r.hash,
                { labels: JSON.parse(r.labels) as string[], quality: r.quality },
              ]),
            );
            const fresh = chunk.filter((e) => !held.has(e.hash));
            if (fresh.length > 0) {
              await trx
                .insertInto('hash_bank_entries')
                .values(
                  fresh.map((e) => ({
                    bank: bank.name,
                    hash: e.hash,
                    labels: JSON.stringify(e.labels),
                    quality: e.quality ?? null,
                  })),
                )
                .execute();
            }
            for (const e of chunk) {
              const old = held.get(e.hash);
              if (!old) continue;
              const merged = [...new Set([...old.labels, ...e.labels])].sort();
              // A quality learnt later fills an unknown one; a known one is never overwritten.
              const quality = old.quality ?? e.quality ?? null;
              if (merged.length !== old.labels.length || quality !== old.quality) {
                await trx
                  .updateTable('hash_bank_entries')
                  .set({ labels: JSON.stringify(merged), quality })
                  .where('bank', '=', bank.name)
                  .where('hash', '=', e.hash)
                  .execute();
              }
            }
            inserted += fresh.length;
            alreadyPresent += chunk.length - fresh.length;
          }
          return { inserted, alreadyPresent };
        }),
      );
    },

    async listBanks(): Promise<StoredHashBank[]> {
      const rows = await guard('listing hash banks', () =>
        db
          .selectFrom('hash_banks as b')
          .leftJoin('hash_bank_entries as e', 'e.bank', 'b.name')
          .select((eb) => [
            'b.name',
            'b.signal_type',
            'b.source',
            'b.list_version',
            'b.threshold',
            'b.updated_at',
            eb.fn.count<number | string | bigint>('e.hash').as('entries'),
          ])
          .groupBy([
            'b.name',
            'b.signal_type',
            'b.source',
            'b.list_version',
            'b.threshold',
            'b.updated_at',
          ])
          .orderBy('b.name')
          .execute(),
      );
      return rows.map((r) => ({
        name: r.name,
        signalType: r.signal_type as SignalType,
        source: r.source,
        listVersion: r.list_version,
        threshold: Number(r.threshold),
        entries: Number(r.entries),
        updatedAt: r.updated_at,
      }));
    },

    async bankHead(name: string): Promise<HashBankHead | undefined> {
      const row = await guard('reading a hash bank', () =>
        db
          .selectFrom('hash_banks')
          .select(['name', 'signal_type', 'source', 'list_version', 'threshold', 'revision'])
          .where('name', '=', name)
          .executeTakeFirst(),
      );
      return (
        row && {
          name: row.name,
          signalType: row.signal_type as SignalType,
          source: row.source,
          listVersion: row.list_version,
          threshold: Number(row.threshold),
          revision: row.revision,
        }
      );
    },

    async bankEntries(name: string): Promise<BankEntry[] | undefined> {
      return guard('reading a hash bank', async () => {
        if (!(await hasBank(db, name))) return undefined;
        const rows = await db
          .selectFrom('hash_bank_entries')
          .select(['hash', 'labels', 'quality'])
          .where('bank', '=', name)
          .orderBy('hash')
          .execute();
        return rows.map((r) => ({
          hash: r.hash,
          labels: JSON.parse(r.labels) as string[],
          ...optional('quality', r.quality === null ? null : Number(r.quality)),
        }));
      });
    },

    async bankSignals(name: string): Promise<BankSignals | undefined> {
      return guard('reading a hash bank', async () => {
        if (!(await hasBank(db, name))) return undefined;
        // One aggregated row instead of a row object per hash: loading a million-hash bank was
        // 3 s of row materialisation. SQLite concatenates a subquery in its order (read from the
        // primary key alone); PostgreSQL needs the order inside the aggregate.
        const all =
          dialect === 'postgres'
            ? sql<{ hashes: string | null; count: string | number }>`
              select string_agg(hash, '' order by hash) as hashes, count(*) as count
              from hash_bank_entries where bank = ${name}`
            : sql<{ hashes: string | null; count: string | number }>`
              select group_concat(hash, '') as hashes, count(*) as count
              from (select hash from hash_bank_entries where bank = ${name} order by hash)`;
        const [row] = (await all.execute(db)).rows;
        const labelled = await db
          .selectFrom('hash_bank_entries')
          .select(['hash', 'labels'])
          .where('bank', '=', name)
          // Literally the predicate of the partial index hash_bank_entries_labelled (0011), so a
          // planner need not prove that a bound parameter equals it.
          .where(sql<boolean>`labels <> '[]'`)
          .orderBy('hash')
          .execute();
        return {
          hashes: row?.hashes ?? '',
          count: Number(row?.count ?? 0),
          labelled: labelled.map((r) => ({
            hash: r.hash,
            labels: JSON.parse(r.labels) as string[],
          })),
        };
      });
    },

    async bankAllowList(bank: string): Promise<AllowedFile[]> {
      const rows = await guard('reading an allow list', () =>
        db
          .selectFrom('bank_allow_list')
          .selectAll()
          .where('bank', '=', bank)
          .orderBy('sha256')
          .execute(),
      );
      return rows.map((r) => ({
        bank: r.bank,
        sha256: r.sha256,
        ...optional('pdq', r.pdq),
        findingId: r.finding_id,
        addedAt: r.added_at,
      }));
    },
  };
}

async function hasBank(db: Kysely<Database>, name: string): Promise<boolean> {
  const bank = await db
    .selectFrom('hash_banks')
    .select('name')
    .where('name', '=', name)
    .executeTakeFirst();
  return bank !== undefined;
}
