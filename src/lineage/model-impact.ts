import type { ConsentAction, Purpose } from '../records/index.js';
import { IMPACTING } from './impact.js';
import type { RegisteredModel } from './model-register.js';

/** What `model_impact` needs of a newly logged consent event. */
export interface NewDecision {
  readonly subject: string;
  readonly purpose: Purpose;
  readonly action: ConsentAction;
  readonly logIndex: number;
}

/** The body of a `model_impact` webhook event: pseudonym, ids and index only. */
export interface ModelImpactEvent {
  readonly type: 'model_impact';
  readonly subject: string;
  readonly purpose: Purpose;
  readonly log_index: number;
  readonly models: readonly {
    readonly name: string;
    readonly version: string;
    readonly build_ids: readonly string[];
  }[];
}

/**
 * The models a new objection or consent withdrawal touches: those trained on a build that
 * includes the person and was made for the decision's purpose. `includingBuilds` maps each build
 * that includes the person (any of their linked identities; see `buildsIncluding`) to the
 * purpose it was built for. Undefined when nothing is touched (another action, or no model).
 * Pure: the caller reads the register and delivers the event.
 */
export function modelImpact(
  decision: NewDecision,
  models: readonly RegisteredModel[],
  includingBuilds: ReadonlyMap<string, Purpose>,
): ModelImpactEvent | undefined {
  if (!IMPACTING.has(decision.action)) return undefined;
  const touched = models.flatMap((m) => {
    const buildIds = m.builds
      .map((b) => b.buildId)
      .filter((id) => includingBuilds.get(id) === decision.purpose);
    return buildIds.length === 0 ? [] : [{ name: m.name, version: m.version, build_ids: buildIds }];
  });
  if (touched.length === 0) return undefined;
  return {
    type: 'model_impact',
    subject: decision.subject,
    purpose: decision.purpose,
    log_index: decision.logIndex,
    models: touched,
  };
}
