import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  encodeEntry,
  generateNoteKey,
  parseSignerKey,
  TransparencyLog,
} from '../../src/log/index.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import {
  deliverAllDue,
  deliverDue,
  generateWebhookSecret,
  retryDelayMs,
  secretKey,
  verifyMessage,
  type WebhookSend,
} from '../../src/webhooks/index.js';

const pseudonym = (n: number) => n.toString(16).padStart(64, '0');
const objection = (key: string, subject: string, action: 'object' | 'revoke_objection') => ({
  entry: encodeEntry({
    type: 'consent_event',
    version: 1,
    event_id: key,
    subject,
    purpose: 'ai_training',
    action,
    at: '2026-12-01T00:00:00Z',
    channel: 'portal',
  }),
  consentEvent: {
    key,
    subject,
    purpose: 'ai_training' as const,
    action,
    at: '2026-12-01T00:00:00Z',
    atMs: Date.parse('2026-12-01T00:00:00Z'),
    channel: 'portal' as const,
    reference: undefined,
  },
});

describe('webhook delivery', () => {
  let dir: string;
  let store: Store;
  let log: TransparencyLog;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'obhut-webhooks-'));
    store = await openSqliteStore(path.join(dir, 'obhut.db'));
    log = new TransparencyLog(store, parseSignerKey(generateNoteKey('test.local/log').signerKey));
    await log.writer.ensureCheckpoint();
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('delivers every message at least once and each subject’s in log order, whatever fails', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        // Events: which of 4 subjects each is for; answers: whether each attempt succeeds.
        fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
        async (subjects, answers) => {
          run += 1;
          const id = `wh_${run.toString(16).padStart(16, '0')}`;
          const secret = generateWebhookSecret();
          await store.addWebhook({
            id,
            url: 'http://receiver.test/hook',
            events: ['consent'],
            secret: { kind: 'stored', value: secret },
            createdAt: new Date().toISOString(),
          });
          const acks = await log.writer.appendAll(
            subjects.map((s, i) =>
              objection(
                `r${run}-e${i}`,
                pseudonym(run * 10 + s),
                i % 2 ? 'object' : 'revoke_objection',
              ),
            ),
          );
          const key = secretKey(secret);
          if (!key.ok) throw new Error(key.error);
          let clock = Date.now();
          let attempt = 0;
          const firstArrival = new Map<number, number>();
          const arrivals: { subject: string; index: number }[] = [];
          const send: WebhookSend = async (_url, headers, body) => {
            expect(verifyMessage(key.key, headers, body, Math.floor(clock / 1000))).toBe(true);
            const ok = answers[attempt++ % answers.length] || attempt > 200;
            if (!ok) return { ok: false, error: 'HTTP 500' };
            const { data } = JSON.parse(body);
            arrivals.push({ subject: data.entry.subject, index: data.log_index });
            firstArrival.set(data.log_index, arrivals.length);
            return { ok: true };
          };
          for (let rounds = 0; rounds < 500; rounds++) {
            const round = await deliverDue({
              outbox: store,
              send,
              variable: () => undefined,
              now: () => clock,
            });
            if (round.delivered + round.failed === 0) {
              if ((await store.webhooks()).find((w) => w.endpoint.id === id)!.pending === 0) break;
              // Nothing due: the next retry is at most an hour away.
              clock += retryDelayMs(30);
            }
          }
          expect(new Set(arrivals.map((a) => a.index))).toEqual(new Set(acks.map((a) => a.index)));
          for (const subject of new Set(arrivals.map((a) => a.subject))) {
            const order = arrivals.filter((a) => a.subject === subject).map((a) => a.index);
            expect(order).toEqual([...order].sort((a, b) => a - b));
          }
          await store.removeWebhook(id);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('waits 2 s, 4 s, 8 s … between attempts, at most an hour, and counts each failure', async () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(retryDelayMs(40)).toBe(3_600_000);
    // OBHUT_WEBHOOK_FIRST_RETRY_MS moves the start; the doubling and the hour stay.
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 3_600_000 }), fc.nat({ max: 60 }), (first, n) => {
        const attempts = n + 1;
        expect(retryDelayMs(attempts, first)).toBe(
          Math.min(first * 2 ** Math.min(n, 30), 3_600_000),
        );
        expect(retryDelayMs(attempts + 1, first)).toBeGreaterThanOrEqual(
          retryDelayMs(attempts, first),
        );
      }),
    );
    await store.addWebhook({
      id: 'wh_retry',
      url: 'http://receiver.test/hook',
      events: ['consent'],
      secret: { kind: 'env', variable: 'HOOK_SECRET' },
      createdAt: new Date().toISOString(),
    });
    await log.writer.append(objection('retry-1', pseudonym(9999), 'object'));
    let clock = Date.now();
    const tries: number[] = [];
    const failing: WebhookSend = async () => {
      tries.push(clock);
      return { ok: false, error: 'HTTP 503' };
    };
    const options = { outbox: store, send: failing, now: () => clock };
    // No secret yet: the attempt fails without a request and is retried like any other.
    expect(await deliverDue({ ...options, variable: () => undefined })).toEqual({
      delivered: 0,
      failed: 1,
    });
    expect((await store.webhooks()).find((w) => w.endpoint.id === 'wh_retry')?.lastError).toBe(
      'the variable HOOK_SECRET is not set',
    );
    const variable = () => generateWebhookSecret();
    clock += 1_999;
    expect(await deliverDue({ ...options, variable })).toEqual({ delivered: 0, failed: 0 });
    clock += 1;
    expect(await deliverDue({ ...options, variable })).toEqual({ delivered: 0, failed: 1 });
    clock += 4_000;
    expect(await deliverDue({ ...options, variable })).toEqual({ delivered: 0, failed: 1 });
    expect(tries).toHaveLength(2);
    const ok: WebhookSend = async () => ({ ok: true });
    clock += 8_000;
    expect(await deliverAllDue({ outbox: store, send: ok, variable, now: () => clock })).toEqual({
      delivered: 1,
      failed: 0,
    });
    expect((await store.webhooks()).find((w) => w.endpoint.id === 'wh_retry')).toMatchObject({
      delivered: 1,
      pending: 0,
    });
  });

  it('waits the configured first retry and then twice it', async () => {
    // A register of its own: the endpoints of the tests above would get this message too.
    const own = await openSqliteStore(path.join(dir, 'short-retry.db'));
    const ownLog = new TransparencyLog(
      own,
      parseSignerKey(generateNoteKey('test.local/log').signerKey),
    );
    await ownLog.writer.ensureCheckpoint();
    try {
      await own.addWebhook({
        id: 'wh_short_retry',
        url: 'http://receiver.test/hook',
        events: ['consent'],
        secret: { kind: 'stored', value: generateWebhookSecret() },
        createdAt: new Date().toISOString(),
      });
      await ownLog.writer.append(objection('short-retry-1', pseudonym(9998), 'object'));
      let clock = Date.now();
      const failing: WebhookSend = async () => ({ ok: false, error: 'HTTP 503' });
      const options = {
        outbox: own,
        send: failing,
        variable: () => undefined,
        now: () => clock,
        firstRetryMs: 50,
      };
      expect(await deliverDue(options)).toEqual({ delivered: 0, failed: 1 });
      clock += 49;
      expect(await deliverDue(options)).toEqual({ delivered: 0, failed: 0 });
      clock += 1;
      expect(await deliverDue(options)).toEqual({ delivered: 0, failed: 1 });
      clock += 99;
      expect(await deliverDue(options)).toEqual({ delivered: 0, failed: 0 });
      clock += 1;
      expect(await deliverDue({ ...options, send: async () => ({ ok: true }) })).toEqual({
        delivered: 1,
        failed: 0,
      });
    } finally {
      await own.close();
    }
  });

  it('delivers a model_impact after the decision’s consent message, signed like it', async () => {
    const person = pseudonym(4242);
    await store.recordBuild(
      {
        manifestSha256: '4d'.repeat(32),
        purpose: 'ai_training',
        consentAt: '2026-11-01T00:00:00Z',
        itemsRoot: '00'.repeat(32),
        admitted: 1,
        excluded: 0,
        rejected: 0,
        createdAt: '2026-11-01T00:00:00Z',
        buildId: 'b_delivery',
        subjectsRoot: '00'.repeat(32),
        subjectsCount: 1,
      },
      [Buffer.from(person, 'hex')],
    );
    await store.recordModel({
      name: 'org/llm',
      version: '7',
      builds: [{ buildId: 'b_delivery', manifestSha256: '4d'.repeat(32) }],
      cardSha256: undefined,
      registeredAt: '2026-11-02T00:00:00.000Z',
      logIndex: 0,
    });
    const secret = generateWebhookSecret();
    await store.addWebhook({
      id: 'wh_models',
      url: 'http://receiver.test/models',
      events: ['consent', 'model_impact'],
      secret: { kind: 'stored', value: secret },
      createdAt: new Date().toISOString(),
    });
    const ack = await log.writer.append(objection('impact-1', person, 'object'));
    const key = secretKey(secret);
    if (!key.ok) throw new Error(key.error);
    const arrived: { id: string | undefined; type: string; data: Record<string, unknown> }[] = [];
    const send: WebhookSend = async (url, headers, body) => {
      if (url !== 'http://receiver.test/models') return { ok: true };
      expect(verifyMessage(key.key, headers, body, Math.floor(Date.now() / 1000))).toBe(true);
      arrived.push({ id: headers['webhook-id'], ...JSON.parse(body) });
      return { ok: true };
    };
    await deliverAllDue({ outbox: store, send, variable: () => generateWebhookSecret() });
    expect(arrived.map((m) => [m.id, m.type])).toEqual([
      [`msg_log_${ack.index}`, 'consent.recorded'],
      [`msg_model_impact_${ack.index}`, 'model_impact.detected'],
    ]);
    expect(arrived[1]!.data).toMatchObject({
      subject: person,
      log_index: ack.index,
      models: [{ name: 'org/llm', version: '7', build_ids: ['b_delivery'] }],
    });
    await store.removeWebhook('wh_models');
  });
});
