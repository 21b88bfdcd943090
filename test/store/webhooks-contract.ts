import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  emailIdentity,
  pseudonymOf,
  recordConsentEvent,
  recordIdentityLink,
} from '../../src/consent/index.js';
import {
  encodeEntry,
  generateNoteKey,
  parseSignerKey,
  TransparencyLog,
} from '../../src/log/index.js';
import type { Store } from '../../src/store/index.js';
import type { WebhookEndpoint, WebhookEventType } from '../../src/webhooks/index.js';
import type { StoreFactory } from './store-factory.js';

const subject = (c: string) => c.repeat(64);
const endpoint = (id: string, events: WebhookEventType[]): WebhookEndpoint => ({
  id,
  url: `http://127.0.0.1:1/${id}`,
  events,
  secret: { kind: 'stored', value: `whsec_${Buffer.alloc(32, id).toString('base64')}` },
  createdAt: '2026-12-01T00:00:00.000Z',
});
const consentEntry = (
  key: string,
  who: string,
  action: 'object' | 'revoke_objection' = 'object',
) => {
  const event = {
    key,
    subject: subject(who),
    purpose: 'ai_training' as const,
    action,
    at: '2026-12-01T00:00:00Z',
    atMs: Date.parse('2026-12-01T00:00:00Z'),
    channel: 'portal' as const,
    reference: undefined,
  };
  return {
    entry: encodeEntry({
      type: 'consent_event',
      version: 1,
      event_id: key,
      subject: event.subject,
      purpose: event.purpose,
      action: event.action,
      at: event.at,
      channel: event.channel,
    }),
    consentEvent: event,
  };
};

/** The webhook registry and outbox (`src/webhooks/webhook-store.ts`). Run once per adapter. */
export function webhooksContract(name: string, factory: StoreFactory): void {
  describe(`Webhook registry and outbox contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let log: TransparencyLog;

    beforeEach(async () => {
      ({ store, cleanup } = await factory.open());
      log = new TransparencyLog(store, parseSignerKey(generateNoteKey('test.local/log').signerKey));
      await log.writer.ensureCheckpoint();
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    it('registers, lists and removes endpoints', async () => {
      await store.addWebhook(endpoint('wh_a', ['consent', 'build']));
      await store.addWebhook({
        ...endpoint('wh_b', ['erasure']),
        secret: { kind: 'env', variable: 'HOOK_KEY' },
      });
      const list = await store.webhooks();
      expect(list.map((w) => [w.endpoint.id, w.endpoint.events, w.pending])).toEqual([
        ['wh_a', ['consent', 'build'], 0],
        ['wh_b', ['erasure'], 0],
      ]);
      expect(list[1]!.endpoint.secret).toEqual({ kind: 'env', variable: 'HOOK_KEY' });
      expect(await store.removeWebhook('wh_a')).toBe(true);
      expect(await store.removeWebhook('wh_a')).toBe(false);
      expect((await store.webhookEndpoints()).map((e) => e.id)).toEqual(['wh_b']);
    });

    it('writes a message per subscribed endpoint with the log entry, and none without an endpoint', async () => {
      await log.writer.append(consentEntry('before', 'a'));
      expect(await store.claimWebhookMessages(Date.now(), Date.now() + 60_000, 100)).toEqual([]);
      await store.addWebhook(endpoint('wh_consent', ['consent']));
      await store.addWebhook(endpoint('wh_build', ['build']));
      const ack = await log.writer.append(consentEntry('after', 'a'));
      const claimed = await store.claimWebhookMessages(Date.now(), Date.now() + 60_000, 100);
      expect(claimed).toHaveLength(1);
      expect(claimed[0]).toMatchObject({
        endpointId: 'wh_consent',
        messageId: `msg_log_${ack.index}`,
        eventType: 'consent',
        orderKey: `subject:${subject('a')}`,
        attempts: 0,
      });
      expect(JSON.parse(claimed[0]!.body).data).toMatchObject({
        log_index: ack.index,
        entry: { type: 'consent_event', subject: subject('a') },
      });
      expect((await store.webhooks()).find((w) => w.endpoint.id === 'wh_consent')?.pending).toBe(1);
    });

    it('writes nothing when the log transaction fails after the messages', async () => {
      await store.addWebhook(endpoint('wh_a', ['consent']));
      const { entry } = consentEntry('doomed', 'a');
      // A head whose checkpoint size is taken (size 0 exists): the commit fails at the end.
      await expect(
        store.integrate([], () => ({
          writes: {
            entries: [{ index: 0, entry }],
            nodes: [],
            events: [],
            links: [],
            models: [],
            lateEvents: [],
            head: {
              checkpoint: {
                size: 0,
                root: Buffer.alloc(32),
                note: 'x',
                createdAt: new Date().toISOString(),
              },
              edge: new Uint8Array(),
            },
          },
          result: undefined,
        })),
      ).rejects.toThrow();
      expect(await store.claimWebhookMessages(Date.now(), Date.now() + 60_000, 100)).toEqual([]);
      expect(await store.logSize()).toBe(0);
    });

    it('hands out only the oldest undelivered message of a subject, once per lease', async () => {
      await store.addWebhook(endpoint('wh_a', ['consent']));
      await log.writer.append(consentEntry('a1', 'a'));
      await log.writer.append(consentEntry('b1', 'b'));
      await log.writer.append(consentEntry('a2', 'a', 'revoke_objection'));
      const now = Date.now();
      const first = await store.claimWebhookMessages(now, now + 60_000, 100);
      expect(first.map((m) => m.orderKey)).toEqual([
        `subject:${subject('a')}`,
        `subject:${subject('b')}`,
      ]);
      // Claimed: not handed out again while the lease runs.
      expect(await store.claimWebhookMessages(now, now + 60_000, 100)).toEqual([]);
      const [a1, b1] = first;
      await store.webhookFailed(b1!.seq, now + 5_000, 'HTTP 500');
      await store.webhookDelivered(a1!.seq, 'wh_a', new Date(now).toISOString());
      // a's next message is due now; b's first waits for its retry.
      const second = await store.claimWebhookMessages(now, now + 60_000, 100);
      expect(second.map((m) => m.orderKey)).toEqual([`subject:${subject('a')}`]);
      expect(JSON.parse(second[0]!.body).data.entry.action).toBe('revoke_objection');
      const retried = await store.claimWebhookMessages(now + 5_000, now + 65_000, 100);
      expect(retried).toMatchObject([{ seq: b1!.seq, attempts: 1 }]);
      const status = (await store.webhooks())[0]!;
      expect(status).toMatchObject({ delivered: 1, pending: 2, failing: 1, lastError: 'HTTP 500' });
    });

    it('reports erasure requests when received and when their status changes, not access requests', async () => {
      await store.addWebhook(endpoint('wh_e', ['erasure']));
      const base = {
        subject: subject('c'),
        status: 'received' as const,
        message: 'my name is in here',
        receivedAt: '2026-12-01T00:00:00.000Z',
        deadline: '2027-01-01T00:00:00.000Z',
        answer: undefined,
        answeredAt: undefined,
      };
      await store.createSubjectRequest({ ...base, id: 'req-access', kind: 'access' });
      await store.createSubjectRequest({ ...base, id: 'req-erase', kind: 'erasure' });
      await store.updateSubjectRequest('req-erase', { status: 'answered', answer: 'done' });
      const now = Date.now();
      const first = await store.claimWebhookMessages(now, now + 60_000, 100);
      expect(first.map((m) => m.messageId)).toEqual(['msg_request_req-erase_received']);
      expect(first[0]!.body).not.toContain('my name');
      await store.webhookDelivered(first[0]!.seq, 'wh_e', new Date(now).toISOString());
      const second = await store.claimWebhookMessages(now, now + 60_000, 100);
      expect(JSON.parse(second[0]!.body)).toMatchObject({
        type: 'erasure.answered',
        data: { request_id: 'req-erase', subject: subject('c'), status: 'answered' },
      });
    });

    it('sends one model_impact per objection of a person in a model’s build, linked identities included', async () => {
      const secret = Buffer.alloc(32, 7);
      const account = { platform: 'instagram', account: 'in-the-build' };
      const inBuild = pseudonymOf(secret, account);
      const email = emailIdentity('person@example.org');
      const outsider = { platform: 'instagram', account: 'not-in-the-build' };
      const members = [inBuild, subject('1'), subject('f')].sort();
      const build = {
        manifestSha256: 'ef'.repeat(32),
        purpose: 'ai_training',
        consentAt: '2026-11-01T00:00:00Z',
        itemsRoot: 'cd'.repeat(32),
        admitted: 3,
        excluded: 0,
        rejected: 0,
        createdAt: '2026-11-01T00:00:01Z',
        buildId: 'b_model',
        subjectsRoot: '12'.repeat(32),
        subjectsCount: members.length,
        logIndex: 0,
        checkpointSize: 0,
      };
      await store.recordBuild(build, [Buffer.concat(members.map((m) => Buffer.from(m, 'hex')))]);
      // A build no model names: holding the person there reaches no model.
      await store.recordBuild({ ...build, manifestSha256: 'ee'.repeat(32), buildId: 'b_unused' }, [
        Buffer.from(inBuild, 'hex'),
      ]);
      await store.recordModel({
        name: 'org/llm',
        version: '2',
        builds: [{ buildId: 'b_model', manifestSha256: build.manifestSha256 }],
        cardSha256: undefined,
        registeredAt: '2026-11-02T00:00:00.000Z',
        logIndex: 0,
      });
      await store.addWebhook(endpoint('wh_models', ['model_impact']));
      await store.addWebhook(endpoint('wh_consent', ['consent']));
      const decide = (
        who: Parameters<typeof recordConsentEvent>[2]['who'],
        action: 'object' | 'consent' | 'withdraw_consent',
        purpose: 'ai_training' | 'human_review' = 'ai_training',
      ) => recordConsentEvent(log, secret, { who, purpose, action, channel: 'portal' });
      /** Delivers every pending message of the endpoint, returning their bodies in order. */
      const drain = async (endpointId: string) => {
        const bodies: { type: string; data: Record<string, unknown> }[] = [];
        for (;;) {
          const claimed = await store.claimWebhookMessages(Date.now(), Date.now() + 60_000, 100);
          if (claimed.length === 0) return bodies;
          for (const m of claimed) {
            if (m.endpointId === endpointId) bodies.push(JSON.parse(m.body));
            await store.webhookDelivered(m.seq, m.endpointId, new Date().toISOString());
          }
        }
      };

      const own = await decide(account, 'object');
      const first = await drain('wh_models');
      expect(first).toEqual([
        {
          type: 'model_impact.detected',
          timestamp: expect.any(String),
          data: {
            log_index: own.ack.index,
            checkpoint_size: own.ack.index + 1,
            subject: inBuild,
            purpose: 'ai_training',
            models: [{ name: 'org/llm', version: '2', build_ids: ['b_model'] }],
          },
        },
      ]);

      // An e-mail identity linked to the account: its objection reaches the account's builds.
      await recordIdentityLink(log, secret, {
        identities: [email, account],
        action: 'link',
        via: 'operator',
      });
      const byEmail = await decide(email, 'withdraw_consent');
      const second = await drain('wh_models');
      expect(second.map((b) => [b.data.subject, b.data.log_index, b.data.models])).toEqual([
        [
          pseudonymOf(secret, email),
          byEmail.ack.index,
          [{ name: 'org/llm', version: '2', build_ids: ['b_model'] }],
        ],
      ]);

      // Not in the build, a decision that takes nothing back, another purpose: nothing.
      await decide(outsider, 'object');
      await decide(account, 'consent');
      await decide(account, 'object', 'human_review');
      expect(await drain('wh_models')).toEqual([]);

      // Without a model_impact endpoint, an objection writes only what is subscribed.
      await store.removeWebhook('wh_models');
      await decide(account, 'object');
      expect((await store.webhooks()).map((w) => [w.endpoint.id, w.pending])).toEqual([
        ['wh_consent', 1],
      ]);
    });

    it('drops an endpoint’s undelivered messages with it', async () => {
      await store.addWebhook(endpoint('wh_a', ['consent']));
      await store.addWebhook(endpoint('wh_b', ['consent']));
      await log.writer.append(consentEntry('x', 'a'));
      await store.removeWebhook('wh_a');
      const claimed = await store.claimWebhookMessages(Date.now(), Date.now() + 60_000, 100);
      expect(claimed.map((m) => m.endpointId)).toEqual(['wh_b']);
    });
  });
}
