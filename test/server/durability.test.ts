// Crash test: `obhut serve` runs as a child process, clients send objections concurrently, and
// the server is killed with SIGKILL at a random moment, then restarted, again and again. After
// every restart: every objection answered 2xx is in the store and in the log, at the index its
// receipt names, with the same bytes; its receipt verifies; every checkpoint the server handed
// out, and the one from before the round, is consistent with the tree after the crash; requests
// that lost their answer are either wholly present (event row and log entry) or wholly absent.
// SIGKILL ends the process, not the machine: what reached the OS page cache survives it, so this
// checks that answers follow commits and that commits are atomic; surviving a power cut is
// synchronous=FULL's (and PostgreSQL's fsync's) part, which no process kill can exercise.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { SessionTokens } from '../../src/identity/index.js';
import {
  auditLog,
  type Checkpoint,
  decodeEntry,
  LogReader,
  type NoteVerifier,
  openCheckpoint,
  parseVerifierKey,
  type Receipt,
  readProofInput,
  verifyReceipt,
} from '../../src/log/index.js';
import { verifyConsistency } from '../../src/merkle/index.js';
import { readConfig } from '../../src/runtime/config.js';
import { initHome, openStore } from '../../src/runtime/home.js';
import type { Store } from '../../src/store/index.js';
import { runCli } from '../support/cli.js';
import { createTestSchema, postgresTestUrl } from '../support/postgres.js';
import { getText, request, type ServeProcess, startServe } from './serve-process.js';

const ROUNDS = 10;
const CLIENTS = 32;
const KILL_AFTER_MS = { min: 50, max: 500 };

interface Ack {
  readonly subject: string;
  readonly eventId: string;
  readonly receipt: Receipt;
}

interface RoundLoad {
  readonly acks: Ack[];
  /** Requests that reached a socket but got no complete answer: the server may have acted. */
  readonly lost: { subject: string; error: string }[];
  /** Requests refused before they were sent: the server cannot have acted. */
  readonly refused: { subject: string }[];
  readonly answeredOther: { status: number; body: string }[];
}

interface Totals {
  rounds: number;
  acknowledged: number;
  lost: number;
  lostPresent: number;
  lostAbsent: number;
  refused: number;
  killDelays: number[];
  logSize: number;
}

describe('durability: SIGKILL while objections are being recorded', () => {
  it(`SQLite (WAL, synchronous=FULL): ${ROUNDS} kills under ${CLIENTS} concurrent clients lose no acknowledged objection`, async () => {
    report('sqlite', await crashRounds(undefined));
  }, 300_000);

  it.skipIf(!postgresTestUrl)(
    postgresTestUrl
      ? `PostgreSQL: ${ROUNDS} kills under ${CLIENTS} concurrent clients lose no acknowledged objection`
      : 'PostgreSQL: SKIPPED, set OBHUT_TEST_DATABASE_URL to run the crash test against PostgreSQL',
    async () => {
      const db = await isolatedDatabase(postgresTestUrl!);
      try {
        report('postgres', await crashRounds(db.url));
      } finally {
        await db.drop();
      }
    },
    // Ten restarts of a server from source: generous, because the suite runs files in parallel.
    300_000,
  );
});

async function crashRounds(databaseUrl: string | undefined): Promise<Totals> {
  const dir = await mkdtemp(path.join(tmpdir(), 'obhut-crash-'));
  const home = path.join(dir, 'home');
  const env: NodeJS.ProcessEnv = {
    OBHUT_HOME: home,
    OBHUT_DATABASE_URL: databaseUrl ?? '',
    OBHUT_LOG_LEVEL: 'warn',
    OBHUT_RATE_LIMIT_PER_MINUTE: '10000000',
    OBHUT_EVENTS_PER_MINUTE: '10000000',
    OBHUT_ADMIN_TOKEN: '',
  };
  let server: ServeProcess | undefined;
  try {
    // `obhut init` in-process: one child process less to start.
    await initHome(readConfig(env, dir));
    const secret = Buffer.from(readFileSync(path.join(home, 'secret.key'), 'utf8').trim(), 'utf8');
    const tokens = new SessionTokens(secret);
    server = await startServe({ cwd: dir, env });
    const verifier = parseVerifierKey((await getText(`${server.url}/api/v1/log/key`)).trim());

    const totals: Totals = {
      rounds: 0,
      acknowledged: 0,
      lost: 0,
      lostPresent: 0,
      lostAbsent: 0,
      refused: 0,
      killDelays: [],
      logSize: 0,
    };
    const allAcks: Ack[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const before = await latestCheckpoint(server.url, verifier);
      const delay =
        KILL_AFTER_MS.min + Math.floor(Math.random() * (KILL_AFTER_MS.max - KILL_AFTER_MS.min + 1));
      const load = await loadThenKill(server, tokens, delay);
      expect(load.answeredOther, 'every answered objection is a 201').toEqual([]);
      expect(load.acks.length, `round ${round}: acknowledged before the kill`).toBeGreaterThan(0);
      server = await startServe({ cwd: dir, env });
      const { after, lostPresent } = await checkAfterRestart(
        { url: server.url, verifier, config: { home, databaseUrl } },
        before,
        load,
        round,
      );
      allAcks.push(...load.acks);
      totals.rounds++;
      totals.acknowledged += load.acks.length;
      totals.lost += load.lost.length;
      totals.lostPresent += lostPresent;
      totals.lostAbsent += load.lost.length - lostPresent;
      totals.refused += load.refused.length;
      totals.killDelays.push(delay);
      totals.logSize = after.size;
    }
    // Requests were in flight at the kills, or the test would prove little.
    expect(totals.lost).toBeGreaterThan(0);

    // A clean stop, then the operator's audit over everything, and every acknowledgement again.
    const stopped = await server.stop('SIGTERM');
    server = undefined;
    expect(stopped.code).toBe(0);
    const verify = await runCli(['log', 'verify', '--json'], { cwd: dir, env });
    expect(verify.code, verify.stderr).toBe(0);
    const audit = JSON.parse(verify.stdout) as { size: number; problems: string[] };
    expect(audit).toMatchObject({ size: totals.logSize, problems: [] });
    const store = await openStore({ home, databaseUrl });
    try {
      const entries = await store.logEntries(0, totals.logSize);
      const mismatched = allAcks.filter(
        (a) => !entries[a.receipt.index]?.equals(Buffer.from(a.receipt.entry, 'base64')),
      );
      expect(mismatched).toEqual([]);
      expect(await store.countConsentEvents()).toBe(totals.logSize);
    } finally {
      await store.close();
    }
    return totals;
  } finally {
    await server?.stop('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Clients send objections for fresh subjects; `delayMs` after the first acknowledgement (so the
 * kill always lands under load, never while the restarted server is still warming up) the
 * server is killed.
 */
async function loadThenKill(
  server: ServeProcess,
  tokens: SessionTokens,
  delayMs: number,
): Promise<RoundLoad> {
  const load: RoundLoad = { acks: [], lost: [], refused: [], answeredOther: [] };
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  let killed = false;
  let firstAck: () => void = () => {};
  const acknowledged = new Promise<void>((resolve) => {
    firstAck = resolve;
  });
  const client = async () => {
    while (!killed) {
      const subject = randomBytes(32).toString('hex');
      const outcome = await request(`${server.url}/api/v1/me/events`, {
        method: 'POST',
        agent,
        headers: { authorization: `Bearer ${tokens.mint(subject, 'platform').token}` },
        body: JSON.stringify({ purpose: 'ai_training', action: 'object' }),
      });
      if (outcome.kind === 'lost') {
        if (outcome.sent) load.lost.push({ subject, error: outcome.error });
        else load.refused.push({ subject });
        return;
      }
      if (outcome.status !== 201) {
        load.answeredOther.push({ status: outcome.status, body: outcome.body });
        continue;
      }
      const body = JSON.parse(outcome.body) as { event_id: string; receipt: Receipt };
      load.acks.push({ subject, eventId: body.event_id, receipt: body.receipt });
      firstAck();
    }
  };
  const clients = Array.from({ length: CLIENTS }, client);
  await Promise.race([acknowledged, sleep(20_000)]);
  await sleep(delayMs);
  killed = true;
  const exit = await server.stop('SIGKILL');
  expect(exit.signal).toBe('SIGKILL');
  await Promise.all(clients);
  agent.destroy();
  return load;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function latestCheckpoint(url: string, verifier: NoteVerifier): Promise<Checkpoint> {
  return openCheckpoint(await getText(`${url}/api/v1/log/checkpoint`), verifier).checkpoint;
}

async function checkAfterRestart(
  ctx: {
    url: string;
    verifier: NoteVerifier;
    config: { home: string; databaseUrl: string | undefined };
  },
  before: Checkpoint,
  load: RoundLoad,
  round: number,
): Promise<{ after: Checkpoint; lostPresent: number }> {
  const where = `round ${round}`;
  const after = await latestCheckpoint(ctx.url, ctx.verifier);
  expect(after.size, where).toBeGreaterThanOrEqual(before.size);
  // The restarted server proves the tree before the crash is a prefix of the tree after it, and
  // serves the last acknowledged entry. The two reads go out together: each is a round trip to
  // a server that has only just started (issue 13).
  const last = load.acks.at(-1);
  const [proofText, servedText] = await Promise.all([
    after.size > 0
      ? getText(`${ctx.url}/api/v1/log/proofs/consistency?old=${before.size}&size=${after.size}`)
      : undefined,
    last ? getText(`${ctx.url}/api/v1/log/entries/${last.receipt.index}`) : undefined,
  ]);
  if (proofText !== undefined) {
    const proof = JSON.parse(proofText) as { proof: string[] };
    const check = verifyConsistency(
      before.size,
      after.size,
      proof.proof.map((h) => Buffer.from(h, 'base64')),
      before.root,
      after.root,
    );
    expect(check, `${where}: consistency ${before.size} → ${after.size}`).toEqual({ ok: true });
  } else {
    expect(after.root.equals(before.root), where).toBe(true);
  }
  if (last) {
    const served = JSON.parse(servedText!) as { entry: string };
    expect(served.entry, where).toBe(last.receipt.entry);
  }

  const store = await openStore(ctx.config);
  try {
    return {
      after,
      lostPresent: await checkStore(store, ctx.verifier, before, after, load, where),
    };
  } finally {
    await store.close();
  }
}

async function checkStore(
  store: Store,
  verifier: NoteVerifier,
  before: Checkpoint,
  after: Checkpoint,
  load: RoundLoad,
  where: string,
): Promise<number> {
  expect(await store.logSize(), where).toBe(after.size);
  const entries = await store.logEntries(before.size, after.size);
  expect(entries.length, where).toBe(after.size - before.size);
  const entryAt = (index: number) =>
    index >= before.size && index < after.size ? entries[index - before.size] : undefined;
  const problems: string[] = [];

  // The subjects' rows are read all at once: on PostgreSQL each read is a round trip, and a
  // round acknowledges tens to hundreds of objections (issue 13).
  const ackEvents = await Promise.all(load.acks.map((ack) => store.consentEventsOf(ack.subject)));
  for (const [i, ack] of load.acks.entries()) {
    const { index, entry } = ack.receipt;
    if (!entryAt(index)?.equals(Buffer.from(entry, 'base64'))) {
      problems.push(`acknowledged ${ack.eventId}: entry ${index} is missing or differs`);
    }
    const verified = verifyReceipt(readProofInput(JSON.stringify(ack.receipt)), verifier);
    if (!verified.ok) problems.push(`receipt of ${ack.eventId} fails: ${JSON.stringify(verified)}`);
    const events = ackEvents[i]!;
    if (
      events.length !== 1 ||
      events[0]!.key !== ack.eventId ||
      events[0]!.logIndex !== index ||
      events[0]!.action !== 'object'
    ) {
      problems.push(
        `acknowledged ${ack.eventId} at ${index}: store holds ${JSON.stringify(events)}`,
      );
    }
  }

  // Every checkpoint the server handed out is a prefix of the tree after the crash.
  const reader = new LogReader(store);
  const handedOut = new Map<number, Checkpoint>();
  for (const ack of load.acks) {
    const cp = openCheckpoint(ack.receipt.checkpoint, verifier).checkpoint;
    handedOut.set(cp.size, cp);
  }
  for (const cp of handedOut.values()) {
    const check =
      cp.size > after.size
        ? { ok: false, error: `size ${cp.size} is beyond the log (${after.size})` }
        : verifyConsistency(
            cp.size,
            after.size,
            await reader.consistencyProof(cp.size, after.size),
            cp.root,
            after.root,
          );
    if (!check.ok) problems.push(`handed-out checkpoint ${cp.size}: ${JSON.stringify(check)}`);
  }

  // A request whose answer was lost is either wholly present (row and entry) or wholly absent.
  let lostPresent = 0;
  const lostEvents = await Promise.all(load.lost.map((l) => store.consentEventsOf(l.subject)));
  for (const [i, { subject }] of load.lost.entries()) {
    const events = lostEvents[i]!;
    if (events.length === 0) continue;
    lostPresent++;
    const event = events[0]!;
    const decoded = event.logIndex === undefined ? undefined : entryAt(event.logIndex);
    const entry = decoded && decodeEntry(decoded);
    if (
      events.length !== 1 ||
      !entry?.ok ||
      entry.entry.type !== 'consent_event' ||
      entry.entry.subject !== subject ||
      entry.entry.event_id !== event.key
    ) {
      problems.push(`lost request for ${subject} is half-present: ${JSON.stringify(events)}`);
    }
  }
  const refusedPresent = (
    await Promise.all(
      load.refused.map(async (r) => (await store.consentEventsOf(r.subject)).length),
    )
  ).reduce((a, b) => a + b, 0);
  if (refusedPresent > 0) problems.push(`${refusedPresent} refused requests were recorded`);

  // Nothing else came in: the round added exactly the acknowledged and the present lost ones,
  // every stored event is logged, and every entry has its event row.
  const expected = load.acks.length + lostPresent;
  if (after.size - before.size !== expected) {
    problems.push(`the log grew by ${after.size - before.size}, expected ${expected}`);
  }
  if ((await store.unloggedConsentEvents(5)).length > 0) problems.push('unlogged events exist');
  const events = await store.countConsentEvents();
  if (events !== after.size) problems.push(`${events} events but ${after.size} log entries`);

  // The operator's audit (what `obhut log verify` runs): every node and checkpoint recomputed.
  const audit = await auditLog(store, (cp) => {
    try {
      const { checkpoint } = openCheckpoint(cp.note, verifier);
      return checkpoint.size === cp.size && checkpoint.root.equals(cp.root) ? undefined : 'differs';
    } catch (err) {
      return (err as Error).message;
    }
  });
  problems.push(...audit.problems);
  expect(problems, where).toEqual([]);
  return lostPresent;
}

/**
 * A database of its own rather than a schema: Kysely's migrator looks for its tables in every
 * schema of the database, so a register migrating in one schema while another test's schema
 * holds migrated tables fails ("kysely_migration_lock does not exist"). Falls back to a schema
 * when the role may not create databases.
 */
async function isolatedDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `obhut_crash_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 10_000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  try {
    await admin(`CREATE DATABASE ${name}`);
  } catch {
    const schema = (await createTestSchema())!;
    return { url: schema.url, drop: () => schema.drop() };
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

function report(backend: string, t: Totals): void {
  process.stderr.write(
    `durability (${backend}): ${t.rounds} SIGKILLs after ${t.killDelays.join('/')} ms; ` +
      `${t.acknowledged} objections acknowledged, all present; ${t.lost} answers lost ` +
      `(${t.lostPresent} recorded, ${t.lostAbsent} not, none half), ${t.refused} refused; ` +
      `log size ${t.logSize}, audit clean\n`,
  );
}
