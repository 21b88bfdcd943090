// `obhut serve` delivers webhooks from the outbox in the background. Here the receiver first
// answers 500, the server is killed with SIGKILL after the decisions were committed and before
// any was delivered, the receiver recovers, the server restarts, and every message arrives,
// signed, each subject's in log order. The retry and lease waits are set short (100 ms, 1 s
// instead of 2 s and 20 s, docs/configuration.md): the killed server's claims lapse after the
// lease, which was most of this test's time at the defaults (issue 13).
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPlatformKeys, mintLinkToken } from '../../src/identity/index.js';
import { secretKey, verifyMessage } from '../../src/webhooks/index.js';
import { request, type ServeProcess, startServe } from '../server/serve-process.js';
import { runCli } from '../support/cli.js';

interface Delivery {
  readonly id: string;
  readonly verified: boolean;
  readonly answered: number;
  readonly body: {
    type: string;
    data: { log_index?: number; entry?: { subject: string }; subject?: string };
  };
}

/** A receiver that checks each signature and tells the test when something arrives. */
function receiver(secret: () => Buffer) {
  const deliveries: Delivery[] = [];
  let status = 500;
  let waiters: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const headers = Object.fromEntries(
        ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [
          h,
          String(req.headers[h] ?? ''),
        ]),
      );
      const verified = verifyMessage(secret(), headers, body, Math.floor(Date.now() / 1000));
      deliveries.push({
        id: headers['webhook-id']!,
        verified,
        answered: status,
        body: JSON.parse(body),
      });
      res.writeHead(status).end();
      for (const wake of waiters) wake();
      waiters = [];
    });
  });
  return {
    server,
    deliveries,
    answerWith(code: number) {
      status = code;
    },
    /** Resolves once `done()` holds, checked after every delivery; fails after a minute. */
    async until(done: () => boolean, what: string) {
      const deadline = Date.now() + 90_000;
      while (!done()) {
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${what}: ${JSON.stringify(deliveries)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 1_000).unref();
        });
      }
    },
  };
}

describe('webhook delivery by obhut serve', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('delivers committed decisions after a SIGKILL and a restart, retrying after 500s, in order per subject', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'obhut-webhook-crash-'));
    cleanups.push(() => rm(cwd, { recursive: true, force: true }));
    const home = path.join(cwd, 'home');
    const env = {
      OBHUT_HOME: home,
      OBHUT_WEBHOOK_FIRST_RETRY_MS: '100',
      OBHUT_WEBHOOK_LEASE_MS: '1000',
    };
    expect((await runCli(['init'], { cwd, env })).code).toBe(0);

    let key: Buffer = Buffer.alloc(0);
    const hook = receiver(() => key);
    await new Promise<void>((resolve) => hook.server.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise((resolve) => {
          hook.server.closeAllConnections();
          hook.server.close(resolve);
        }),
    );
    const url = `http://127.0.0.1:${(hook.server.address() as AddressInfo).port}/obhut`;
    const added = await runCli(['webhook', 'add', url, '--events', 'consent,erasure', '--json'], {
      cwd,
      env,
    });
    expect(added.code, added.stderr).toBe(0);
    const parsedKey = secretKey(JSON.parse(added.stdout).secret);
    if (!parsedKey.ok) throw new Error(parsedKey.error);
    key = parsedKey.key;

    let serve: ServeProcess = await startServe({ cwd, env });
    cleanups.push(() => serve.stop('SIGKILL'));
    const platform = loadPlatformKeys(home, () => undefined).get('example')!;
    const call = async (pathname: string, body: unknown, session?: string) => {
      const outcome = await request(`${serve.url}${pathname}`, {
        method: 'POST',
        headers: session ? { authorization: `Bearer ${session}` } : {},
        body: JSON.stringify(body),
      });
      if (outcome.kind !== 'answered' || outcome.status >= 300)
        throw new Error(`${pathname}: ${JSON.stringify(outcome)}`);
      return JSON.parse(outcome.body);
    };
    const signIn = async (account: string) =>
      (
        await call('/api/v1/session/platform', {
          token: await mintLinkToken({ platform: 'example', account }, platform),
        })
      ).session as string;
    const alice = await signIn('alice');
    const bob = await signIn('bob');
    const committed: number[] = [];
    for (const [session, action] of [
      [alice, 'object'],
      [bob, 'object'],
      [alice, 'revoke_objection'],
      [alice, 'object'],
    ] as const) {
      committed.push(
        (await call('/api/v1/me/events', { purpose: 'ai_training', action }, session)).receipt
          .index,
      );
    }
    await call('/api/v1/me/requests', { kind: 'erasure' }, alice);

    // The receiver is failing: wait for an attempt, then kill the server before any succeeds.
    await hook.until(() => hook.deliveries.length >= 1, 'a first attempt');
    expect((await serve.stop('SIGKILL')).signal).toBe('SIGKILL');
    expect(hook.deliveries.every((d) => d.answered === 500)).toBe(true);

    hook.answerWith(200);
    serve = await startServe({ cwd, env });
    const accepted = () => hook.deliveries.filter((d) => d.answered === 200);
    await hook.until(
      () => new Set(accepted().map((d) => d.id)).size === 5,
      'five messages accepted',
    );

    expect(hook.deliveries.every((d) => d.verified)).toBe(true);
    expect(new Set(accepted().map((d) => d.id))).toEqual(
      new Set([
        ...committed.map((i) => `msg_log_${i}`),
        expect.stringMatching(/^msg_request_.+_received$/),
      ]),
    );
    // Per subject, the first acceptance of each message follows log order, the erasure last.
    const firsts = accepted().filter((d, i, all) => all.findIndex((o) => o.id === d.id) === i);
    const subjectOf = (d: Delivery) => d.body.data.entry?.subject ?? d.body.data.subject;
    const aliceSubject = subjectOf(firsts.find((d) => d.id === `msg_log_${committed[0]}`)!);
    expect(firsts.filter((d) => subjectOf(d) === aliceSubject).map((d) => d.body.type)).toEqual([
      'consent.recorded',
      'consent.recorded',
      'consent.recorded',
      'erasure.received',
    ]);
    const aliceIndices = firsts.filter(
      (d) => d.body.data.log_index !== undefined && subjectOf(d) === aliceSubject,
    );
    expect(aliceIndices.map((d) => d.body.data.log_index)).toEqual([
      committed[0],
      committed[2],
      committed[3],
    ]);
    // Pseudonyms only: no account name reaches the receiver.
    expect(JSON.stringify(hook.deliveries)).not.toMatch(/alice|bob/);

    await serve.stop('SIGTERM');
    const list = await runCli(['webhook', 'list', '--json'], { cwd, env });
    expect(JSON.parse(list.stdout).webhooks[0]).toMatchObject({ pending: 0, failing: 0 });
  }, 240_000);
});
