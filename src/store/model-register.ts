import type { Kysely, Transaction } from 'kysely';
import type { ModelRegister, RegisteredModel } from '../lineage/model-register.js';
import { guard, insertedAny } from './guard.js';
import type { Database, ModelTable } from './schema.js';

export function modelRegister(db: Kysely<Database>): ModelRegister {
  const withBuilds = async (rows: readonly ModelTable[]): Promise<RegisteredModel[]> => {
    if (rows.length === 0) return [];
    const builds = await db.selectFrom('model_builds').selectAll().orderBy('build_id').execute();
    const byModel = new Map<string, { buildId: string; manifestSha256: string }[]>();
    for (const b of builds) {
      const key = `${b.name}@${b.version}`;
      byModel.set(key, [
        ...(byModel.get(key) ?? []),
        { buildId: b.build_id, manifestSha256: b.manifest_sha256 },
      ]);
    }
    return rows.map((r) => ({
      name: r.name,
      version: r.version,
      builds: byModel.get(`${r.name}@${r.version}`) ?? [],
      cardSha256: r.card_sha256 ?? undefined,
      registeredAt: r.registered_at,
      logIndex: Number(r.log_index),
    }));
  };

  return {
    async recordModel(model: RegisteredModel): Promise<boolean> {
      return guard('recording the model', () =>
        db.transaction().execute(async (trx) => {
          return insertModel(trx, model);
        }),
      );
    },

    async registeredModel(name: string, version: string): Promise<RegisteredModel | undefined> {
      return guard('reading a model', async () => {
        const row = await db
          .selectFrom('models')
          .selectAll()
          .where('name', '=', name)
          .where('version', '=', version)
          .executeTakeFirst();
        return row ? (await withBuilds([row]))[0] : undefined;
      });
    },

    async listModels(): Promise<RegisteredModel[]> {
      return guard('listing models', async () =>
        withBuilds(await db.selectFrom('models').selectAll().orderBy('log_index').execute()),
      );
    },
  };
}

/**
 * Stores one model with its builds in the caller's transaction; false (nothing stored) when
 * that name and version is registered already. Also used by the log's append transaction.
 */
export async function insertModel(
  trx: Transaction<Database>,
  model: RegisteredModel,
): Promise<boolean> {
  const result = await trx
    .insertInto('models')
    .values({
      name: model.name,
      version: model.version,
      card_sha256: model.cardSha256 ?? null,
      registered_at: model.registeredAt,
      log_index: model.logIndex,
    })
    .onConflict((oc) => oc.columns(['name', 'version']).doNothing())
    .executeTakeFirst();
  if (!insertedAny(result)) return false;
  await trx
    .insertInto('model_builds')
    .values(
      model.builds.map((b) => ({
        name: model.name,
        version: model.version,
        build_id: b.buildId,
        manifest_sha256: b.manifestSha256,
      })),
    )
    .execute();
  return true;
}
