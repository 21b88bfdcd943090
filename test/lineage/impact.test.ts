import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emailIdentity,
  pseudonymise,
  recordConsentEvent,
  recordIdentityLink,
} from '../../src/consent/index.js';
import { buildImpact, parseModelRef, registerModel } from '../../src/lineage/index.js';
import type { ConsentAction } from '../../src/records/index.js';
import { adult, objection, workspace } from '../support/fixtures.js';

const ACTIONS: ConsentAction[] = ['object', 'revoke_objection', 'consent', 'withdraw_consent'];
const BUILD_AT = '2026-01-01T00:00:00Z';

/** One person's history: decisions before the build, then decisions after it. */
const history = fc.record({
  before: fc.array(fc.constantFrom(...ACTIONS), { maxLength: 2 }),
  after: fc.array(fc.constantFrom(...ACTIONS), { maxLength: 3 }),
});

describe('impact of late decisions on a registered model', () => {
  it('lists exactly the build subjects whose latest decision, made after the build, is an objection or a withdrawal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(history, { minLength: 1, maxLength: 6 }), async (people) => {
        const ws = await workspace();
        try {
          const account = (i: number) => `p${i}`;
          await ws.importEvents(
            people.flatMap((p, i) =>
              p.before.map((action, k) =>
                objection(account(i), `2025-0${k + 1}-01T00:00:00Z`, action),
              ),
            ),
          );
          const input = await ws.write(
            'items.jsonl',
            people.map((_, i) => ({
              id: `i${i}`,
              kind: 'text',
              text: 'x',
              subject: adult(account(i)),
            })),
          );
          const built = await ws.build([input], { at: BUILD_AT });
          const model = await registerModel(
            { builds: ws.store, models: ws.store, writer: ws.log.writer },
            { model: parseModelRef('acme/chat@1'), buildIds: [built.buildId], at: new Date() },
          );
          expect(model.builds).toEqual([
            { buildId: built.buildId, manifestSha256: built.manifestSha256 },
          ]);

          const expected = new Map<
            string,
            { action: ConsentAction; at: string; logIndex: number }
          >();
          for (const [i, p] of people.entries()) {
            const pseudonym = pseudonymise(ws.secret, { platform: 'ig', account: account(i) });
            // Only people the build let in: an objection before it kept them out.
            const inBuild = p.before.at(-1) !== 'object';
            for (const [k, action] of p.after.entries()) {
              const at = `2026-02-0${k + 1}T00:00:00Z`;
              const recorded = await recordConsentEvent(ws.log, ws.secret, {
                who: { platform: 'ig', account: account(i) },
                purpose: 'ai_training',
                action,
                channel: 'portal',
                at,
              });
              if (inBuild) expected.set(pseudonym, { action, at, logIndex: recorded.ack.index });
            }
            const last = expected.get(pseudonym);
            if (last && last.action !== 'object' && last.action !== 'withdraw_consent') {
              expected.delete(pseudonym);
            }
          }

          const [build] = (await ws.store.listBuilds()).filter((b) => b.buildId === built.buildId);
          const impact = await buildImpact(ws.store, build!, 'ai_training', Date.now());
          expect(impact.subjectsCount).toBe(
            people.filter((p) => p.before.at(-1) !== 'object').length,
          );
          expect(impact.impacted).toEqual(
            [...expected]
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([subject, e]) => ({
                subject,
                state: e.action === 'object' ? 'objected' : 'withdrawn',
                at: e.at,
                logIndex: e.logIndex,
              })),
          );
        } finally {
          await ws.close();
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('counts an objection made under a linked identity, with that event as the deciding one', async () => {
    const ws = await workspace();
    try {
      const input = await ws.write('items.jsonl', [
        { id: 'a', kind: 'text', text: 'x', subject: adult('1') },
        { id: 'b', kind: 'text', text: 'x', subject: adult('2') },
      ]);
      const built = await ws.build([input], { at: BUILD_AT });
      await recordIdentityLink(ws.log, ws.secret, {
        identities: [emailIdentity('ada@example.org'), { platform: 'ig', account: '1' }],
        action: 'link',
        via: 'operator',
        at: '2026-02-01T00:00:00Z',
      });
      const objected = await recordConsentEvent(ws.log, ws.secret, {
        who: emailIdentity('ada@example.org'),
        purpose: 'ai_training',
        action: 'object',
        channel: 'email',
        at: '2026-02-02T00:00:00Z',
      });
      const [build] = (await ws.store.listBuilds()).filter((b) => b.buildId === built.buildId);
      const impact = await buildImpact(ws.store, build!, 'ai_training', Date.now());
      expect(impact.impacted).toEqual([
        {
          subject: pseudonymise(ws.secret, { platform: 'ig', account: '1' }),
          state: 'objected',
          at: '2026-02-02T00:00:00Z',
          logIndex: objected.ack.index,
        },
      ]);
      // Another purpose than the build's: nobody objected to it.
      expect((await buildImpact(ws.store, build!, 'human_review', Date.now())).impacted).toEqual(
        [],
      );
    } finally {
      await ws.close();
    }
  });

  it('leaves out a withdrawal the build already honoured', async () => {
    const ws = await workspace();
    try {
      await ws.importEvents([objection('1', '2025-05-01T00:00:00Z', 'withdraw_consent')]);
      const input = await ws.write('items.jsonl', [
        { id: 'a', kind: 'text', text: 'x', subject: adult('1') },
      ]);
      const built = await ws.build([input], { at: BUILD_AT });
      const [build] = (await ws.store.listBuilds()).filter((b) => b.buildId === built.buildId);
      const impact = await buildImpact(ws.store, build!, 'ai_training', Date.now());
      expect(impact).toMatchObject({ subjectsCount: 1, impacted: [] });
    } finally {
      await ws.close();
    }
  });
});
