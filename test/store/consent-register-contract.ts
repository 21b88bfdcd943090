import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewConsentEvent } from '../../src/consent/index.js';
import type { Store } from '../../src/store/index.js';
import type { StoreFactory } from './store-factory.js';

const event = (over: Partial<NewConsentEvent> & { key: string }): NewConsentEvent => ({
  subject: 's1',
  purpose: 'ai_training',
  action: 'object',
  at: '2025-05-20T08:00:00Z',
  atMs: Date.parse('2025-05-20T08:00:00Z'),
  channel: 'import',
  reference: undefined,
  ...over,
});

/** The behaviour of the consent register (`src/consent/consent-register.ts`). Run once per adapter. */
export function consentRegisterContract(name: string, factory: StoreFactory): void {
  describe(`Consent register contract: ${name}`, () => {
    let store: Store;
    let reopen: () => Promise<Store>;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, reopen, cleanup } = await factory.open());
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    it('appends events and skips keys it already holds', async () => {
      const events = [event({ key: 'a' }), event({ key: 'b', action: 'revoke_objection' })];
      expect(await store.appendConsentEvents(events)).toEqual({ inserted: 2, skipped: 0 });
      expect(await store.appendConsentEvents([...events, event({ key: 'c' })])).toEqual({
        inserted: 1,
        skipped: 2,
      });
      expect(await store.countConsentEvents()).toBe(3);
    });

    it('keeps every field of an event, including a missing reference', async () => {
      await store.appendConsentEvents([
        event({
          key: 'a',
          reference: 'ticket 7',
          channel: 'portal',
          at: '2025-05-20T10:00:00+02:00',
        }),
        event({ key: 'b', subject: 's2' }),
      ]);
      const [a] = await store.consentEventsOf('s1');
      expect(a).toMatchObject({
        subject: 's1',
        purpose: 'ai_training',
        action: 'object',
        at: '2025-05-20T10:00:00+02:00',
        atMs: Date.parse('2025-05-20T08:00:00Z'),
        channel: 'portal',
        reference: 'ticket 7',
      });
      expect((await store.consentEventsOf('s2'))[0]!.reference).toBeUndefined();
      expect(await store.consentEventsOf('nobody')).toEqual([]);
    });

    it('orders events by time, then by import order for equal times', async () => {
      const t = Date.parse('2025-01-01T00:00:00Z');
      await store.appendConsentEvents([
        event({ key: '1', atMs: t + 10, action: 'consent' }),
        event({ key: '2', atMs: t, action: 'object' }),
        event({ key: '3', atMs: t, action: 'revoke_objection' }),
        event({ key: '4', atMs: t - 5, action: 'withdraw_consent' }),
      ]);
      const actions = (await store.consentEventsOf('s1')).map((e) => e.action);
      expect(actions).toEqual(['withdraw_consent', 'object', 'revoke_objection', 'consent']);
    });

    it('scans one purpose up to a time, page by page, without losing or repeating events', async () => {
      const t = Date.parse('2025-01-01T00:00:00Z');
      const events: NewConsentEvent[] = [];
      for (let i = 0; i < 23; i++) {
        // Runs of equal times straddle page boundaries.
        events.push(event({ key: `k${i}`, subject: `s${i}`, atMs: t + Math.floor(i / 4) }));
      }
      events.push(event({ key: 'late', atMs: t + 1000 }));
      events.push(event({ key: 'other', purpose: 'human_review', atMs: t }));
      await store.appendConsentEvents(events);

      const seen: string[] = [];
      let pages = 0;
      for await (const page of store.scanConsentEvents('ai_training', t + 100, { pageSize: 5 })) {
        pages++;
        seen.push(...page.map((e) => e.subject));
      }
      expect(seen).toEqual(events.slice(0, 23).map((e) => e.subject));
      expect(pages).toBe(5);
      const seqs: number[] = [];
      for await (const page of store.scanConsentEvents('ai_training', t + 5000, { pageSize: 1000 }))
        seqs.push(...page.map((e) => e.seq));
      expect(seqs).toHaveLength(24);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    });

    it('survives reopening: migrations run again without harm and data stays', async () => {
      await store.appendConsentEvents([event({ key: 'a' })]);
      await store.close();
      store = await reopen();
      expect(await store.countConsentEvents()).toBe(1);
    });
  });
}
