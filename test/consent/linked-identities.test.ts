import { describe, expect, it } from 'vitest';
import {
  emailIdentity,
  linkedState,
  linkedStatus,
  loadConsentSnapshot,
  pseudonymise,
  pseudonymOf,
  recordConsentEvent,
  recordIdentityLink,
} from '../../src/consent/index.js';
import { parseRfc3339 } from '../../src/records/index.js';
import { admittedLines, adult, type Backend, workspace } from '../support/fixtures.js';
import { postgresTestUrl } from '../support/postgres.js';

const backends: Backend[] = postgresTestUrl ? ['sqlite', 'postgres'] : ['sqlite'];
const EMAIL = 'ada@example.org';
const ms = (at: string) => parseRfc3339(at)!;

describe.each(backends)('an objection by e-mail reaches linked accounts (%s)', (backend) => {
  it('excludes the linked account from builds after the link, and not before it', async () => {
    const ws = await workspace(backend);
    try {
      const emailSubject = pseudonymOf(ws.secret, emailIdentity(EMAIL));
      const account = pseudonymise(ws.secret, { platform: 'ig', account: '7' });
      // What the portal does after an e-mail sign-in: the decision is the e-mail identity's.
      await recordConsentEvent(ws.log, ws.secret, {
        who: { subject: emailSubject },
        purpose: 'ai_training',
        action: 'object',
        channel: 'email',
        at: '2025-03-01T00:00:00Z',
      });
      const input = await ws.write('items.jsonl', [
        { id: 'a', kind: 'text', text: 'x', subject: adult('7') },
        { id: 'b', kind: 'text', text: 'x', subject: adult('8') },
      ]);
      const before = await ws.build([input], { at: '2025-06-01T00:00:00Z' });
      expect(before.manifest.counts).toMatchObject({ admitted: 2, excluded: 0 });

      await recordIdentityLink(ws.log, ws.secret, {
        identities: [emailIdentity(EMAIL), { platform: 'ig', account: '7' }],
        action: 'link',
        via: 'operator',
        at: '2025-05-01T00:00:00Z',
      });
      const after = await ws.build([input], { at: '2025-06-01T00:00:00Z' });
      expect(after.manifest.counts).toMatchObject({ admitted: 1, excluded: 1 });
      const kept = (await admittedLines(after.out)).map((l) => JSON.parse(l).id);
      expect(kept).toEqual(['b']);

      // Evaluated before the link existed, the account had decided nothing.
      const early = await ws.build([input], { at: '2025-04-01T00:00:00Z' });
      expect(early.manifest.counts).toMatchObject({ admitted: 2, excluded: 0 });
      // A build repeated at the checkpoint before the link reads the register as it was then.
      const repeated = await ws.build([input], {
        at: '2025-06-01T00:00:00Z',
        checkpointSize: before.manifest.consent.checkpoint.size,
      });
      expect(repeated.manifest.counts).toMatchObject({ admitted: 2, excluded: 0 });

      const status = await linkedStatus(ws.store, account, ms('2025-06-01T00:00:00Z'));
      expect(status.identities).toEqual([account, emailSubject].sort());
      const training = status.purposes.find((p) => p.purpose === 'ai_training')!;
      expect(training.state).toBe('objected');
      expect(training.decidingEvent?.subject).toBe(emailSubject);
    } finally {
      await ws.close();
    }
  });

  it('an unlink ends the shared state; the account decides for itself again', async () => {
    const ws = await workspace(backend);
    try {
      const email = emailIdentity(EMAIL);
      const ig = { platform: 'ig', account: '7' };
      await recordConsentEvent(ws.log, ws.secret, {
        who: email,
        purpose: 'ai_training',
        action: 'object',
        channel: 'email',
        at: '2025-01-01T00:00:00Z',
      });
      await recordIdentityLink(ws.log, ws.secret, {
        identities: [email, ig],
        action: 'link',
        via: 'platform',
        at: '2025-02-01T00:00:00Z',
      });
      await recordIdentityLink(ws.log, ws.secret, {
        identities: [ig, email],
        action: 'unlink',
        via: 'operator',
        at: '2025-03-01T00:00:00Z',
      });
      const account = pseudonymise(ws.secret, ig);
      for (const [at, state] of [
        ['2025-01-15T00:00:00Z', 'none'],
        ['2025-02-15T00:00:00Z', 'objected'],
        ['2025-03-15T00:00:00Z', 'none'],
      ] as const) {
        const snapshot = await loadConsentSnapshot(ws.store, 'ai_training', at, ms(at));
        expect(snapshot.stateOf(account)).toBe(state);
        const status = await linkedStatus(ws.store, account, ms(at));
        expect(status.purposes.find((p) => p.purpose === 'ai_training')!.state).toBe(state);
      }
    } finally {
      await ws.close();
    }
  });

  it('the snapshot and the status agree with the pure rule on a mixed history', async () => {
    const ws = await workspace(backend);
    try {
      const who = ['e1', 'e2', 'a1', 'a2', 'a3'].map((account) => ({ platform: 'x', account }));
      const pseudo = who.map((w) => pseudonymise(ws.secret, w));
      const actions = ['object', 'consent', 'revoke_objection', 'withdraw_consent'] as const;
      for (let i = 0; i < 12; i++) {
        await recordConsentEvent(ws.log, ws.secret, {
          who: who[(i * 3) % 5]!,
          purpose: 'ai_training',
          action: actions[i % 4]!,
          channel: 'cli',
          at: `2025-01-${String(1 + ((i * 7) % 28)).padStart(2, '0')}T00:00:00Z`,
        });
      }
      const links: [number, number, 'link' | 'unlink', string][] = [
        [0, 2, 'link', '2025-01-05T00:00:00Z'],
        [2, 3, 'link', '2025-01-10T00:00:00Z'],
        [1, 4, 'link', '2025-01-12T00:00:00Z'],
        [0, 2, 'unlink', '2025-01-20T00:00:00Z'],
        [3, 4, 'link', '2025-01-25T00:00:00Z'],
      ];
      for (const [x, y, action, at] of links) {
        await recordIdentityLink(ws.log, ws.secret, {
          identities: [who[x]!, who[y]!],
          action,
          via: 'operator',
          at,
        });
      }
      const events = (await Promise.all(pseudo.map((p) => ws.store.consentEventsOf(p))))
        .flat()
        .sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
      const stored = await ws.store.identityLinks(Number.MAX_SAFE_INTEGER);
      expect(stored).toHaveLength(links.length);
      for (let day = 1; day <= 28; day += 3) {
        const at = `2025-01-${String(day).padStart(2, '0')}T12:00:00Z`;
        const snapshot = await loadConsentSnapshot(ws.store, 'ai_training', at, ms(at));
        for (const p of pseudo) {
          const expected = linkedState(events, stored, p, ms(at)).state;
          expect(snapshot.stateOf(p)).toBe(expected);
          const status = await linkedStatus(ws.store, p, ms(at));
          expect(status.purposes.find((s) => s.purpose === 'ai_training')!.state).toBe(expected);
        }
      }
    } finally {
      await ws.close();
    }
  });
});
