import type { SubjectStatus } from '../consent/status.js';
import type { BuildRegistry } from '../gate/build-registry.js';
import { buildsIncluding } from './builds-including.js';
import { IMPACTING } from './impact.js';
import type { ModelRegister } from './model-register.js';

/** A registered model trained on builds that included a person, as the person is shown it. */
export interface ModelHoldingPerson {
  readonly name: string;
  readonly version: string;
  readonly registered_at: string;
  /** The builds of this model that included one of the person's identities. */
  readonly builds: readonly { readonly build_id: string; readonly purpose: string }[];
  /** Per purpose of those builds: the person's objection or withdrawal in effect, if any. */
  readonly decisions: readonly {
    readonly purpose: string;
    readonly state: 'objected' | 'withdrawn' | 'none';
    readonly at: string | null;
    /** The objection or withdrawal took effect, or was logged, after the model was registered. */
    readonly after_model: boolean;
  }[];
}

export type ModelsHoldingStore = Pick<ModelRegister, 'listModels'> &
  Pick<BuildRegistry, 'listBuilds' | 'buildSubjects'>;

/**
 * The models trained on builds that included the person (any identity of `status`, their
 * linked status now), and whether their objection came after each model: what the portal's
 * models page and the access report show. Nothing about anyone else: other models are left out.
 */
export async function modelsHoldingPerson(
  store: ModelsHoldingStore,
  status: Pick<SubjectStatus, 'identities' | 'purposes'>,
): Promise<ModelHoldingPerson[]> {
  const registered = await store.listModels();
  if (registered.length === 0) return [];
  const purposeOf = new Map<string, string>();
  for (const b of await store.listBuilds()) if (b.buildId) purposeOf.set(b.buildId, b.purpose);
  const including = await buildsIncluding(
    store,
    registered.flatMap((m) => m.builds.map((b) => b.buildId)),
    status.identities,
  );
  const models: ModelHoldingPerson[] = [];
  for (const model of registered) {
    const builds = model.builds
      .filter((b) => including.has(b.buildId))
      .map((b) => ({ build_id: b.buildId, purpose: purposeOf.get(b.buildId) ?? 'unknown' }));
    if (builds.length === 0) continue;
    const registeredMs = Date.parse(model.registeredAt);
    const decisions = [...new Set(builds.map((b) => b.purpose))].map((purpose) => {
      const deciding = status.purposes.find((p) => p.purpose === purpose)?.decidingEvent;
      const taken = deciding && IMPACTING.has(deciding.action) ? deciding : undefined;
      return {
        purpose,
        state: !taken
          ? ('none' as const)
          : taken.action === 'object'
            ? ('objected' as const)
            : ('withdrawn' as const),
        at: taken?.at ?? null,
        after_model:
          taken !== undefined &&
          (taken.atMs > registeredMs ||
            (taken.logIndex !== undefined && taken.logIndex > model.logIndex)),
      };
    });
    models.push({
      name: model.name,
      version: model.version,
      registered_at: model.registeredAt,
      builds,
      decisions,
    });
  }
  return models;
}
