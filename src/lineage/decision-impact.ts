import type { IdentityLinkRegister } from '../consent/identity-links.js';
import { groupOf, identityGroups } from '../consent/linked-state.js';
import { linksAround } from '../consent/status.js';
import type { BuildRegistry } from '../gate/build-registry.js';
import type { Purpose } from '../records/index.js';
import { IMPACTING } from './impact.js';
import { type ModelImpactEvent, modelImpact, type NewDecision } from './model-impact.js';
import type { ModelRegister } from './model-register.js';
import { SortedSubjects } from './sorted-subjects.js';

export type DecisionImpactStore = Pick<ModelRegister, 'listModels'> &
  Pick<BuildRegistry, 'listBuilds' | 'buildSubjects'> &
  Pick<IdentityLinkRegister, 'identityLinksOf'>;

/**
 * The `model_impact` events of newly logged decisions, in the order given: for each objection
 * or withdrawal, the registered models trained on a build of its purpose that holds the person
 * (the decision's identity or any identity linked to it at `asOfMs`, as `buildsIncluding`
 * counts them). Reads the register only when some decision takes something back, and each
 * model build's subject list at most once, whatever the number of decisions.
 */
export async function modelImpactsOf(
  store: DecisionImpactStore,
  decisions: readonly NewDecision[],
  asOfMs: number,
): Promise<ModelImpactEvent[]> {
  const impacting = decisions.filter((d) => IMPACTING.has(d.action));
  if (impacting.length === 0) return [];
  const models = await store.listModels();
  if (models.length === 0) return [];
  const named = new Set(models.flatMap((m) => m.builds.map((b) => b.buildId)));
  const purposes = new Set<string>(impacting.map((d) => d.purpose));
  // Only builds a model names, made for a purpose some decision is about, are ever read.
  const candidates = new Map<string, string>();
  for (const b of await store.listBuilds()) {
    if (b.buildId !== undefined && named.has(b.buildId) && purposes.has(b.purpose))
      candidates.set(b.buildId, b.purpose);
  }
  if (candidates.size === 0) return [];
  const lists = new Map<string, SortedSubjects | undefined>();
  const subjectsOf = async (buildId: string) => {
    if (!lists.has(buildId)) {
      const bytes = await store.buildSubjects(buildId);
      lists.set(buildId, bytes === undefined ? undefined : new SortedSubjects(bytes));
    }
    return lists.get(buildId);
  };
  const events: ModelImpactEvent[] = [];
  for (const decision of impacting) {
    const links = await linksAround(store.identityLinksOf, decision.subject);
    const identities = groupOf(identityGroups(links, asOfMs), decision.subject);
    const including = new Map<string, Purpose>();
    for (const [buildId, purpose] of candidates) {
      if (purpose !== decision.purpose) continue;
      const subjects = await subjectsOf(buildId);
      if (subjects && identities.some((s) => subjects.has(s)))
        including.set(buildId, decision.purpose);
    }
    const event = modelImpact(decision, models, including);
    if (event) events.push(event);
  }
  return events;
}
