import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importConsentFile, loadConsentSnapshot, pseudonymise } from '../../src/consent/index.js';
import { readConfig } from '../../src/runtime/config.js';
import { initHome, openSession } from '../../src/runtime/home.js';
import { IN_THREAD_EVENTS, loadConsentSnapshotIsolated } from '../../src/runtime/load-snapshot.js';

describe('loadConsentSnapshotIsolated', () => {
  it('reads in a worker thread exactly what reading in this thread gives', async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'obhut-snap-'));
    const config = { ...readConfig({ OBHUT_HOME: home }, home), secret: randomBytes(32) };
    try {
      await initHome(config);
      const session = await openSession(config);
      const events = path.join(home, 'events.jsonl');
      const lines = [];
      for (let i = 0; i < 3000; i++) {
        const action = ['object', 'consent', 'revoke_objection'][i % 3];
        lines.push(
          JSON.stringify({
            platform: 'ig',
            account: String(i % 1200),
            purpose: 'ai_training',
            action,
            at: `2025-0${1 + (i % 9)}-01T00:00:00Z`,
            channel: 'import',
          }),
        );
      }
      await writeFile(events, `${lines.join('\n')}\n`);
      await importConsentFile(events, session.log, config.secret);
      const at = '2025-06-15T00:00:00Z';
      const direct = await loadConsentSnapshot(session.store, 'ai_training', at, Date.parse(at));
      const { index: _a, stateOf: _b, ...figures } = direct;
      const agrees = (snapshot: typeof direct) => {
        expect(snapshot).toMatchObject(figures);
        for (let i = 0; i < 1200; i += 13) {
          const subject = pseudonymise(config.secret, { platform: 'ig', account: String(i) });
          expect(snapshot.stateOf(subject)).toBe(direct.stateOf(subject));
        }
      };
      // A register this small is read through the store given, on this thread.
      let scanned = 0;
      const counting = {
        countConsentEvents: () => session.store.countConsentEvents(),
        identityLinks: session.store.identityLinks.bind(session.store),
        scanConsentEvents: (...args: Parameters<typeof session.store.scanConsentEvents>) => {
          scanned++;
          return session.store.scanConsentEvents(...args);
        },
      };
      agrees(
        await loadConsentSnapshotIsolated(config, 'ai_training', at, Date.parse(at), {}, counting),
      );
      expect(scanned).toBe(1);
      // A larger one goes to the thread, which opens the register itself.
      const large = {
        ...counting,
        countConsentEvents: async () => IN_THREAD_EVENTS + 1,
        scanConsentEvents: () => {
          throw new Error('read on the calling thread');
        },
      };
      agrees(
        await loadConsentSnapshotIsolated(config, 'ai_training', at, Date.parse(at), {}, large),
      );
      await session.store.close();

      const isolated = await loadConsentSnapshotIsolated(config, 'ai_training', at, Date.parse(at));
      agrees(isolated);
      expect(isolated.objected + isolated.consented).toBeGreaterThan(100);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
