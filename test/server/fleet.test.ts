// Fleet test: two `obhut serve` processes, run from dist/ as an operator runs them, share one
// PostgreSQL database (and one home folder, as shared storage) and take alternating requests, as
// behind a load balancer. What one process learns, the other knows: an e-mailed code sent by one
// is redeemed at the other, a media link played at one is dead at the other, a rate limit counts
// requests at both, a session signed out at one is refused at the other; and a SIGKILL of one
// loses no objection it acknowledged.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reviewEnqueueCommand } from '../../src/cli/commands/review.js';
import { SessionTokens } from '../../src/identity/index.js';
import type { Receipt } from '../../src/log/index.js';
import { readConfig } from '../../src/runtime/config.js';
import { initHome, openStore } from '../../src/runtime/home.js';
import { addStaff } from '../../src/staff/index.js';
import { encodeWav } from '../../src/voice/index.js';
import { runCli } from '../support/cli.js';
import { createTestSchema, postgresTestUrl } from '../support/postgres.js';
import { type Outcome, request, type ServeProcess, startServe } from './serve-process.js';

const DIST_ENTRY = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const PASSWORD = 'fleet test password, long enough';
const FAST_SCRYPT = { logN: 10, r: 8, p: 1 };
const EVENTS_PER_MINUTE = 4;
const CLIENTS = 16;
const ACKS_BEFORE_KILL = 30;
const ACKS_AFTER_KILL = 30;

describe('a fleet: two obhut serve processes on one PostgreSQL database', () => {
  it.skipIf(!postgresTestUrl)(
    postgresTestUrl
      ? 'share codes, sign-outs, media links and rate limits, and a SIGKILL of one loses no acknowledged objection'
      : 'SKIPPED: set OBHUT_TEST_DATABASE_URL to run the fleet test against PostgreSQL',
    async () => {
      expect(existsSync(DIST_ENTRY), 'build dist/ first: npx tsc -p tsconfig.build.json').toBe(
        true,
      );
      const schema = (await createTestSchema())!;
      const dir = await mkdtemp(path.join(tmpdir(), 'obhut-fleet-'));
      const home = path.join(dir, 'home');
      const env: NodeJS.ProcessEnv = {
        OBHUT_HOME: home,
        OBHUT_DATABASE_URL: schema.url,
        OBHUT_LOG_LEVEL: 'warn',
        OBHUT_RATE_LIMIT_PER_MINUTE: '1000000',
        OBHUT_EVENTS_PER_MINUTE: String(EVENTS_PER_MINUTE),
        OBHUT_ADMIN_TOKEN: '',
        OBHUT_SMTP_URL: '',
      };
      const servers: ServeProcess[] = [];
      try {
        await initHome(readConfig(env, dir));
        await queueOneAudioTask(dir, env, home, schema.url);
        const secret = Buffer.from(readFileSync(path.join(home, 'secret.key'), 'utf8').trim());
        servers.push(await startServe({ cwd: dir, env, fromDist: true }));
        servers.push(await startServe({ cwd: dir, env, fromDist: true }));
        const [a, b] = servers as [ServeProcess, ServeProcess];

        const session = await emailCodeSentByOneRedeemedAtTheOther(a, b, home);
        await signOutAtOneIsRefusedAtTheOther(a, b, session);
        await rateLimitCountsAcrossBoth(a, b, new SessionTokens(secret));
        await mediaLinkUsedAtOneIsRefusedAtTheOther(a, b);
        const acks = await killOneUnderLoad(a, b, new SessionTokens(secret));

        // Stop the survivor cleanly, then check the log: every acknowledged objection is there.
        expect((await b.stop('SIGTERM')).code).toBe(0);
        const store = await openStore({ home, databaseUrl: schema.url });
        try {
          const size = await store.logSize();
          const entries = await store.logEntries(0, size);
          const missing = acks.filter(
            (ack) => !entries[ack.receipt.index]?.equals(Buffer.from(ack.receipt.entry, 'base64')),
          );
          expect(missing, 'acknowledged objections missing from the log').toEqual([]);
          for (const ack of acks.slice(0, 20)) {
            const events = await store.consentEventsOf(ack.subject);
            expect(events.map((e) => e.logIndex)).toEqual([ack.receipt.index]);
          }
        } finally {
          await store.close();
        }
        const verify = await runCli(['log', 'verify', '--json'], { cwd: dir, env });
        expect(verify.code, verify.stderr).toBe(0);
        expect(JSON.parse(verify.stdout)).toMatchObject({ problems: [] });
        process.stderr.write(
          `fleet (postgres): ${acks.length} objections acknowledged by two servers, one killed with SIGKILL under load; all in the log\n`,
        );
      } finally {
        await Promise.all(servers.map((s) => s.stop('SIGKILL')));
        await rm(dir, { recursive: true, force: true });
        await schema.drop();
      }
    },
    300_000,
  );
});

async function emailCodeSentByOneRedeemedAtTheOther(
  a: ServeProcess,
  b: ServeProcess,
  home: string,
): Promise<string> {
  const email = 'fleet@example.org';
  const sent = await post(a, '/api/v1/session/email', { email });
  expect(status(sent)).toBe(202);
  // The mail is written before the answer (no SMTP set: the outbox folder the two share).
  const code = await newestCode(path.join(home, 'outbox'));
  const redeemed = await post(b, '/api/v1/session/email/verify', { email, code });
  expect(status(redeemed), body(redeemed)).toBe(200);
  // Used up at B, so A refuses it too.
  expect(status(await post(a, '/api/v1/session/email/verify', { email, code }))).toBe(401);
  return (JSON.parse(body(redeemed)) as { session: string }).session;
}

async function signOutAtOneIsRefusedAtTheOther(a: ServeProcess, b: ServeProcess, token: string) {
  const auth = { authorization: `Bearer ${token}` };
  expect(status(await get(b, '/api/v1/me', auth))).toBe(200);
  expect(status(await get(a, '/api/v1/me', auth))).toBe(200);
  expect(status(await call(a, 'DELETE', '/api/v1/session', auth))).toBe(204);
  expect(status(await get(b, '/api/v1/me', auth))).toBe(401);
  expect(status(await get(a, '/api/v1/me', auth))).toBe(401);
}

async function rateLimitCountsAcrossBoth(a: ServeProcess, b: ServeProcess, tokens: SessionTokens) {
  const subject = randomBytes(32).toString('hex');
  const auth = { authorization: `Bearer ${tokens.mint(subject, 'platform').token}` };
  const objection = { purpose: 'ai_training', action: 'object' };
  const remaining: string[] = [];
  // A, B, A, B: each answer counts the requests at both.
  for (let i = 0; i < EVENTS_PER_MINUTE; i++) {
    const outcome = await post(i % 2 ? b : a, '/api/v1/me/events', objection, auth);
    expect(status(outcome), body(outcome)).toBe(201);
    remaining.push(String(header(outcome, 'x-ratelimit-remaining')));
  }
  expect(remaining).toEqual(
    Array.from({ length: EVENTS_PER_MINUTE }, (_, i) => String(EVENTS_PER_MINUTE - 1 - i)),
  );
  expect(status(await post(a, '/api/v1/me/events', objection, auth))).toBe(429);
  expect(status(await post(b, '/api/v1/me/events', objection, auth))).toBe(429);
}

async function mediaLinkUsedAtOneIsRefusedAtTheOther(a: ServeProcess, b: ServeProcess) {
  const R = '/api/review/v1';
  const signedIn = await post(a, `${R}/session`, {
    username: 'fleet-reviewer',
    password: PASSWORD,
  });
  expect(status(signedIn), body(signedIn)).toBe(201);
  const auth = {
    authorization: `Bearer ${(JSON.parse(body(signedIn)) as { token: string }).token}`,
  };
  const next = await get(b, `${R}/tasks/next`, auth);
  expect(status(next), body(next)).toBe(200);
  const task = (JSON.parse(body(next)) as { task: { id: string } }).task;
  const link = await get(a, `${R}/tasks/${task.id}/audio`, auth);
  expect(status(link), body(link)).toBe(200);
  const { url } = JSON.parse(body(link)) as { url: string };
  // As an <audio> element fetches it: no bearer header.
  const played = await get(b, url);
  expect(status(played), body(played)).toBe(200);
  expect(header(played, 'content-type')).toBe('audio/wav');
  expect(status(await get(a, url))).toBe(401);
  expect(status(await get(b, url))).toBe(401);
}

interface Ack {
  readonly subject: string;
  readonly receipt: Receipt;
}

/**
 * Clients send objections for fresh subjects to A and B in turn; once A acknowledged some, A is
 * killed with SIGKILL while requests are in flight, and B goes on acknowledging.
 */
async function killOneUnderLoad(
  a: ServeProcess,
  b: ServeProcess,
  tokens: SessionTokens,
): Promise<Ack[]> {
  const acks: Ack[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  let aAcks = 0;
  let bAcksAfterKill = 0;
  let killed = false;
  let stopping = false;
  let enoughAtA: () => void = () => {};
  let enoughAfter: () => void = () => {};
  const beforeKill = new Promise<void>((resolve) => {
    enoughAtA = resolve;
  });
  const afterKill = new Promise<void>((resolve) => {
    enoughAfter = resolve;
  });
  const others: { status: number; body: string }[] = [];
  const client = async (n: number) => {
    for (let i = n; !stopping; i++) {
      const server = i % 2 ? b : a;
      if (server === a && killed) continue;
      const subject = randomBytes(32).toString('hex');
      const outcome = await request(`${server.url}/api/v1/me/events`, {
        method: 'POST',
        agent,
        headers: { authorization: `Bearer ${tokens.mint(subject, 'platform').token}` },
        body: JSON.stringify({ purpose: 'ai_training', action: 'object' }),
      });
      if (outcome.kind === 'lost') continue;
      if (outcome.status !== 201) {
        others.push({ status: outcome.status, body: outcome.body });
        continue;
      }
      acks.push({ subject, receipt: (JSON.parse(outcome.body) as { receipt: Receipt }).receipt });
      if (server === a && ++aAcks >= ACKS_BEFORE_KILL) enoughAtA();
      if (server === b && killed && ++bAcksAfterKill >= ACKS_AFTER_KILL) enoughAfter();
    }
  };
  const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));
  await beforeKill;
  const exit = await a.stop('SIGKILL');
  killed = true;
  expect(exit.signal).toBe('SIGKILL');
  await afterKill;
  stopping = true;
  await Promise.all(clients);
  agent.destroy();
  expect(others, 'every answered objection is a 201').toEqual([]);
  expect(aAcks).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
  return acks;
}

async function queueOneAudioTask(dir: string, env: NodeJS.ProcessEnv, home: string, url: string) {
  const store = await openStore({ home, databaseUrl: url });
  try {
    await addStaff(
      store.staff,
      { username: 'fleet-reviewer', role: 'reviewer', password: PASSWORD },
      FAST_SCRYPT,
    );
  } finally {
    await store.close();
  }
  const tone = new Float32Array(16_000).map((_, i) => 0.3 * Math.sin(i / 5));
  await writeFile(path.join(dir, 'clip.wav'), encodeWav(tone, 16_000));
  const input = path.join(dir, 'items.jsonl');
  const record = {
    id: 'fleet-1',
    kind: 'audio',
    media: 'clip.wav',
    subject: { platform: 'ig', account: 'fleet-account', age: 'adult', region: 'DE' },
    transcript: { words: [{ text: 'hello', start: 0, end: 0.5 }] },
  };
  await writeFile(input, `${JSON.stringify(record)}\n`);
  const result = await reviewEnqueueCommand({ input: [input], k: '1' }, readConfig(env, dir));
  expect(result.rejected).toEqual([]);
  expect(result.counts).toMatchObject({ queued: 1 });
}

/** The code in the newest mail of the outbox folder. */
async function newestCode(outbox: string): Promise<string> {
  const files = (await readdir(outbox)).sort();
  const mail = await readFile(path.join(outbox, files.at(-1)!), 'utf8');
  const code = /Your code is (\d{6})/.exec(mail)?.[1];
  if (!code) throw new Error(`no code in ${files.at(-1)}`);
  return code;
}

function call(
  server: ServeProcess,
  method: string,
  route: string,
  headers: Record<string, string> = {},
  payload?: object,
): Promise<Outcome> {
  return request(`${server.url}${route}`, {
    method,
    headers,
    ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
  });
}

const get = (server: ServeProcess, route: string, headers?: Record<string, string>) =>
  call(server, 'GET', route, headers);
const post = (
  server: ServeProcess,
  route: string,
  payload: object,
  headers?: Record<string, string>,
) => call(server, 'POST', route, headers, payload);

function status(outcome: Outcome): number | string {
  return outcome.kind === 'answered' ? outcome.status : `lost: ${outcome.error}`;
}

function body(outcome: Outcome): string {
  return outcome.kind === 'answered' ? outcome.body : '';
}

function header(outcome: Outcome, name: string): string | string[] | undefined {
  return outcome.kind === 'answered' ? outcome.headers[name] : undefined;
}
