import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupOf, identityGroups, linkedState, stateAfter } from '../../src/consent/index.js';
import { CONSENT_ACTIONS, type ConsentAction } from '../../src/records/index.js';

// A handful of identities, so links and events collide often.
const IDS = ['a', 'b', 'c', 'd', 'e'];
const id = fc.constantFrom(...IDS);
const time = fc.integer({ min: 0, max: 20 });
const eventArb = fc.record({
  subject: id,
  action: fc.constantFrom(...(CONSENT_ACTIONS as readonly ConsentAction[])),
  atMs: time,
});
const linkArb = fc
  .record({ x: id, y: id, action: fc.constantFrom('link' as const, 'unlink' as const), atMs: time })
  .filter((l) => l.x !== l.y)
  .map((l) => ({
    subjects: (l.x < l.y ? [l.x, l.y] : [l.y, l.x]) as [string, string],
    action: l.action,
    atMs: l.atMs,
  }));
const byTime = <T extends { atMs: number }>(xs: T[]) => [...xs].sort((p, q) => p.atMs - q.atMs);

/** The rule read literally: who is linked to whom at T, by walking every pair's history. */
type Link = { subjects: [string, string]; action: 'link' | 'unlink'; atMs: number };
function linkedAt(links: readonly Link[], t: number) {
  const pairs = new Map<string, boolean>();
  for (const l of links) if (l.atMs <= t) pairs.set(l.subjects.join(), l.action === 'link');
  const reach = new Set<string>();
  return (from: string) => {
    reach.clear();
    const stack = [from];
    while (stack.length) {
      const x = stack.pop()!;
      if (reach.has(x)) continue;
      reach.add(x);
      for (const [pair, on] of pairs) {
        const [p, q] = pair.split(',');
        if (on && p === x) stack.push(q!);
        if (on && q === x) stack.push(p!);
      }
    }
    return new Set(reach);
  };
}

describe('the consent state rule with linked identities', () => {
  it('is decided by the latest event at or before T among the identity and every identity linked to it at T', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 30 }),
        fc.array(linkArb, { maxLength: 12 }),
        id,
        time,
        (rawEvents, rawLinks, who, t) => {
          const events = byTime(rawEvents);
          const links = byTime(rawLinks);
          const members = linkedAt(links, t)(who);
          const deciding = events.filter((e) => e.atMs <= t && members.has(e.subject)).at(-1);
          const got = linkedState(events, links, who, t);
          expect(got.deciding).toBe(deciding);
          expect(got.state).toBe(deciding ? stateAfter(deciding.action) : 'none');
          expect(new Set(groupOf(identityGroups(links, t), who))).toEqual(members);
        },
      ),
    );
  });

  it('without links is the consent state rule as before: each identity decides for itself', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 30 }), id, time, (rawEvents, who, t) => {
        const events = byTime(rawEvents);
        const own = events.filter((e) => e.subject === who && e.atMs <= t).at(-1);
        expect(linkedState(events, [], who, t).deciding).toBe(own);
      }),
    );
  });

  it('links are symmetric: linked identities always share one state', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 30 }),
        fc.array(linkArb, { maxLength: 12 }),
        time,
        (rawEvents, rawLinks, t) => {
          const events = byTime(rawEvents);
          const links = byTime(rawLinks);
          const groups = identityGroups(links, t);
          for (const x of IDS) {
            for (const y of groupOf(groups, x)) {
              expect(linkedState(events, links, y, t).state).toBe(
                linkedState(events, links, x, t).state,
              );
            }
          }
        },
      ),
    );
  });

  it('a link made after T changes nothing at T', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 30 }),
        fc.array(linkArb, { maxLength: 12 }),
        linkArb,
        id,
        (rawEvents, rawLinks, late, who) => {
          const events = byTime(rawEvents);
          const links = byTime(rawLinks);
          const t = Math.max(0, ...links.map((l) => l.atMs));
          const after = [...links, { ...late, atMs: t + 1 }];
          expect(linkedState(events, after, who, t)).toEqual(linkedState(events, links, who, t));
        },
      ),
    );
  });
});
