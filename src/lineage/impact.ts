import type { ConsentRegister } from '../consent/consent-register.js';
import type { IdentityLinkRegister } from '../consent/identity-links.js';
import { identityGroups } from '../consent/linked-state.js';
import { linkedStatus } from '../consent/status.js';
import { ObhutError } from '../errors/index.js';
import type { BuildRegistry, BuildSummary } from '../gate/build-registry.js';
import { type ConsentAction, type Purpose, parseRfc3339 } from '../records/index.js';
import { SortedSubjects } from './sorted-subjects.js';

/**
 * A person in a build who has, since the build, objected or withdrawn their consent for the
 * purpose, and has not changed their mind again.
 */
export interface ImpactedSubject {
  readonly subject: string;
  readonly state: 'objected' | 'withdrawn';
  /** When the deciding event took effect. */
  readonly at: string;
  /** Where the deciding event sits in the log (absent for an event from before the log). */
  readonly logIndex: number | undefined;
}

export interface BuildImpact {
  readonly buildId: string;
  readonly purpose: Purpose;
  readonly subjectsCount: number;
  /** In ascending order of pseudonym. */
  readonly impacted: readonly ImpactedSubject[];
}

export type ImpactStore = Pick<BuildRegistry, 'buildSubjects'> &
  Pick<ConsentRegister, 'scanConsentEvents' | 'consentEventsOf'> &
  Pick<IdentityLinkRegister, 'identityLinks' | 'identityLinksOf'>;

export const IMPACTING: ReadonlySet<ConsentAction> = new Set(['object', 'withdraw_consent']);

/**
 * The retraining or unlearning worklist of one build: its subjects whose state for `purpose` as of
 * `asOfMs` is decided by an objection or a consent withdrawal that the build did not count
 * (logged after its consent checkpoint, or taking effect after its consent time), under the
 * linked-identity rule (consent/linked-state.ts). A decision the build already honoured (a
 * withdrawal its policy let through) is not new and is left out. One pass over the purpose's events finds the candidates, keeping
 * only identities that touch the build; each candidate's state and deciding event then come
 * from `linkedStatus`, the rule the portal and `consent status` use.
 */
export async function buildImpact(
  store: ImpactStore,
  build: BuildSummary,
  purpose: Purpose,
  asOfMs: number,
): Promise<BuildImpact> {
  const buildId = build.buildId;
  const bytes = buildId === undefined ? undefined : await store.buildSubjects(buildId);
  if (buildId === undefined || bytes === undefined) {
    throw new ObhutError(
      'NOT_FOUND',
      `build ${buildId ?? build.manifestSha256} has no subject list recorded`,
    );
  }
  const subjects = new SortedSubjects(bytes);
  const groups = identityGroups(await store.identityLinks(asOfMs), asOfMs);

  const membersInBuild = new Map<string, string[]>();
  for (const [member, root] of groups) {
    if (subjects.has(member))
      membersInBuild.set(root, [...(membersInBuild.get(root) ?? []), member]);
  }
  // The last action of each identity (or linked group) that touches the build.
  const last = new Map<string, ConsentAction>();
  for await (const page of store.scanConsentEvents(purpose, asOfMs)) {
    for (const event of page) {
      const root = groups.get(event.subject);
      if (root !== undefined ? membersInBuild.has(root) : subjects.has(event.subject)) {
        last.set(root ?? event.subject, event.action);
      }
    }
  }
  const candidates: string[] = [];
  for (const [key, action] of last) {
    if (IMPACTING.has(action)) candidates.push(...(membersInBuild.get(key) ?? [key]));
  }
  candidates.sort();

  const impacted: ImpactedSubject[] = [];
  for (const subject of candidates) {
    const status = await linkedStatus(store, subject, asOfMs);
    const deciding = status.purposes.find((p) => p.purpose === purpose)?.decidingEvent;
    if (deciding === undefined || !IMPACTING.has(deciding.action)) continue;
    if (!notCountedBy(build, deciding)) continue;
    impacted.push({
      subject,
      state: deciding.action === 'object' ? 'objected' : 'withdrawn',
      at: deciding.at,
      logIndex: deciding.logIndex,
    });
  }
  return { buildId, purpose, subjectsCount: subjects.size, impacted };
}

/** Whether the build could not have counted the event: logged after its checkpoint, or effective after its consent time. */
function notCountedBy(
  build: BuildSummary,
  event: { readonly atMs: number; readonly logIndex: number | undefined },
): boolean {
  if (event.atMs > (parseRfc3339(build.consentAt) ?? Number.POSITIVE_INFINITY)) return true;
  return (
    event.logIndex !== undefined &&
    build.checkpointSize !== undefined &&
    event.logIndex >= build.checkpointSize
  );
}
