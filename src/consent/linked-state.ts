import type { ConsentAction } from '../records/index.js';
import { type ConsentState, stateAfter } from './consent-state.js';

/** What the rule needs of a link event. */
export interface LinkFact {
  readonly subjects: readonly [string, string];
  readonly action: 'link' | 'unlink';
  readonly atMs: number;
}

/**
 * The identities that are one person's at `asOfMs`: for each pair, the latest of its link and
 * unlink events at or before `asOfMs` decides whether it is linked, and linked pairs join their
 * identities into one group (links are transitive: an e-mail address linked to two accounts
 * makes the three one person). `links` must be in (at, log) order. Returns each identity that
 * is in some link to the group's representative, the least pseudonym of the group; an identity
 * in no link at `asOfMs` is absent and stands for itself.
 */
export function identityGroups(links: Iterable<LinkFact>, asOfMs: number): Map<string, string> {
  const linked = new Map<string, readonly [string, string]>();
  for (const link of links) {
    if (link.atMs > asOfMs) continue;
    const pair = `${link.subjects[0]}\0${link.subjects[1]}`;
    if (link.action === 'link') linked.set(pair, link.subjects);
    else linked.delete(pair);
  }
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let y = x; y !== root; ) {
      const next = parent.get(y)!;
      parent.set(y, root);
      y = next;
    }
    return root;
  };
  for (const [a, b] of linked.values()) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    // The least pseudonym represents its group, so the outcome does not depend on link order.
    if (ra < rb) parent.set(rb, ra);
    else if (rb < ra) parent.set(ra, rb);
  }
  const groups = new Map<string, string>();
  for (const x of parent.keys()) groups.set(x, find(x));
  return groups;
}

/** Every identity in the same group as `identity` (itself included), in ascending order. */
export function groupOf(groups: ReadonlyMap<string, string>, identity: string): string[] {
  const root = groups.get(identity);
  if (root === undefined) return [identity];
  return [...groups]
    .filter(([, r]) => r === root)
    .map(([x]) => x)
    .sort();
}

/** What the rule needs of a consent event. */
export interface DecisionFact {
  readonly subject: string;
  readonly action: ConsentAction;
  readonly atMs: number;
}

/**
 * The consent state rule with linked identities (docs/formats.md): the state of `identity` at
 * `asOfMs` is decided by the latest event at or before `asOfMs` among that identity and every
 * identity linked to it at `asOfMs`. `events` are one purpose's, in (at, import) order, so a
 * later element with an equal time wins. Returns the deciding event too.
 */
export function linkedState<E extends DecisionFact>(
  events: Iterable<E>,
  links: Iterable<LinkFact>,
  identity: string,
  asOfMs: number,
): { readonly state: ConsentState; readonly deciding: E | undefined } {
  const members = new Set(groupOf(identityGroups(links, asOfMs), identity));
  let deciding: E | undefined;
  for (const event of events) {
    if (event.atMs <= asOfMs && members.has(event.subject)) deciding = event;
  }
  return { state: deciding ? stateAfter(deciding.action) : 'none', deciding };
}
