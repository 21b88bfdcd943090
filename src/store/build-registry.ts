import type { Kysely } from 'kysely';
import type { BuildRegistry, BuildSummary } from '../gate/build-registry.js';
import { guard, insertedAny, optional } from './guard.js';
import type { Database } from './schema.js';

const SUBJECT_BYTES = 32;
// 4,096 subjects (128 KiB) a row, 16 rows (2 MiB) an INSERT.
const SUBJECTS_PER_ROW = 4096;
const ROWS_PER_INSERT = 16;

export function buildRegistry(db: Kysely<Database>): BuildRegistry {
  return {
    async recordBuild(build: BuildSummary, subjects?: Iterable<Uint8Array>): Promise<void> {
      await guard('recording the build', () =>
        db.transaction().execute(async (trx) => {
          const result = await trx
            .insertInto('builds')
            .values({
              manifest_sha256: build.manifestSha256,
              purpose: build.purpose,
              consent_at: build.consentAt,
              items_root: build.itemsRoot,
              admitted: build.admitted,
              excluded: build.excluded,
              rejected: build.rejected,
              created_at: build.createdAt,
              build_id: build.buildId ?? null,
              subjects_root: build.subjectsRoot ?? null,
              subjects_count: build.subjectsCount ?? null,
              log_index: build.logIndex ?? null,
              checkpoint_size: build.checkpointSize ?? null,
            })
            // A byte-identical rebuild has the same manifest; keep the first record of it.
            .onConflict((oc) => oc.column('manifest_sha256').doNothing())
            .executeTakeFirst();
          const inserted = insertedAny(result);
          if (!inserted || build.buildId === undefined || subjects === undefined) return;
          const buildId = build.buildId;
          let rows: { build_id: string; chunk: number; subjects: Buffer }[] = [];
          let chunk = 0;
          const flush = async () => {
            if (rows.length > 0) await trx.insertInto('build_subjects').values(rows).execute();
            rows = [];
          };
          for (const block of rechunk(subjects, SUBJECTS_PER_ROW * SUBJECT_BYTES)) {
            rows.push({ build_id: buildId, chunk: chunk++, subjects: block });
            if (rows.length === ROWS_PER_INSERT) await flush();
          }
          await flush();
        }),
      );
    },

    async listBuilds(): Promise<BuildSummary[]> {
      const rows = await guard('listing builds', () =>
        db.selectFrom('builds').selectAll().orderBy('created_at').execute(),
      );
      return rows.map((r) => ({
        manifestSha256: r.manifest_sha256,
        purpose: r.purpose,
        consentAt: r.consent_at,
        itemsRoot: r.items_root,
        admitted: Number(r.admitted),
        excluded: Number(r.excluded),
        rejected: Number(r.rejected),
        createdAt: r.created_at,
        ...optional('buildId', r.build_id),
        ...optional('subjectsRoot', r.subjects_root),
        ...optional('subjectsCount', r.subjects_count === null ? null : Number(r.subjects_count)),
        ...optional('logIndex', r.log_index === null ? null : Number(r.log_index)),
        ...optional(
          'checkpointSize',
          r.checkpoint_size === null ? null : Number(r.checkpoint_size),
        ),
      }));
    },

    async buildSubjects(buildId: string): Promise<Buffer | undefined> {
      return guard('reading build subjects', async () => {
        const build = await db
          .selectFrom('builds')
          .select('subjects_count')
          .where('build_id', '=', buildId)
          .executeTakeFirst();
        if (build?.subjects_count === undefined || build.subjects_count === null) return undefined;
        const rows = await db
          .selectFrom('build_subjects')
          .select('subjects')
          .where('build_id', '=', buildId)
          .orderBy('chunk')
          .execute();
        return Buffer.concat(rows.map((r) => Buffer.from(r.subjects)));
      });
    },
  };
}

/** Regroups consecutive byte blocks into blocks of exactly `size` bytes (the last may be short). */
function* rechunk(blocks: Iterable<Uint8Array>, size: number): Generator<Buffer> {
  let pending = Buffer.allocUnsafe(size);
  let used = 0;
  for (const block of blocks) {
    let at = 0;
    while (at < block.length) {
      const n = Math.min(size - used, block.length - at);
      pending.set(block.subarray(at, at + n), used);
      used += n;
      at += n;
      if (used === size) {
        yield pending;
        pending = Buffer.allocUnsafe(size);
        used = 0;
      }
    }
  }
  if (used > 0) yield pending.subarray(0, used);
}
