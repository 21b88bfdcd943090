import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerOnce,
  CLAIM_REFRESH_MS,
  type ClaimKeeping,
  type ItemsResponse,
} from '../../src/review/enqueue-items.js';
import type { ReviewItemRequests } from '../../src/review/review-store.js';
import { type Backend, type Workspace, workspace } from '../support/fixtures.js';
import { postgresTestUrl } from '../support/postgres.js';

const backends: Backend[] = postgresTestUrl ? ['sqlite', 'postgres'] : ['sqlite'];
const HOUR = 60 * 60_000;
const T0 = Date.parse('2026-03-02T10:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms);
const answer = (queued: number): ItemsResponse => ({
  counts: { queued, excluded: 0, rejected: 0 },
  results: [],
});

/** A run that counts its calls and, when `gate` is given, waits for it before answering. */
function runner(result: ItemsResponse, gate?: Promise<void>) {
  const calls = { n: 0 };
  let started!: () => void;
  const running = new Promise<void>((resolve) => {
    started = resolve;
  });
  const run = async () => {
    calls.n++;
    started();
    if (gate) await gate;
    return result;
  };
  return { calls, running, run };
}

describe.each(backends)('answerOnce under an Idempotency-Key (%s)', (backend) => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await workspace(backend);
  }, 60_000);
  afterAll(async () => {
    await ws?.close();
  });
  const once = (key: string, body: string, now: Date, run: () => Promise<ItemsResponse>) =>
    answerOnce(ws.store.review, key, body, now, run);

  it('does not run a retry that comes while the first request is still running', async () => {
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const first = runner(answer(1), gate);
    const firstAnswer = once('key-running-0001', 'body', at(0), first.run);
    await first.running;
    const retry = runner(answer(0));
    await expect(once('key-running-0001', 'body', at(1000), retry.run)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_IN_USE',
    });
    // Another body under the running key is a reused key, as after its answer.
    await expect(once('key-running-0001', 'other', at(1000), retry.run)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(retry.calls.n).toBe(0);
    finish();
    expect(await firstAnswer).toEqual(answer(1));
    expect(await once('key-running-0001', 'body', at(2000), retry.run)).toEqual(answer(1));
    expect(retry.calls.n).toBe(0);
    expect(first.calls.n).toBe(1);
  });

  it('runs a retry again when the first request failed', async () => {
    const failing = async (): Promise<ItemsResponse> => {
      throw new Error('store went away');
    };
    await expect(once('key-failed-0001', 'body', at(0), failing)).rejects.toThrow('went away');
    const retry = runner(answer(2));
    expect(await once('key-failed-0001', 'body', at(1000), retry.run)).toEqual(answer(2));
    expect(retry.calls.n).toBe(1);
  });

  it('keeps a key 24 hours from its first request, then treats it as new', async () => {
    const first = runner(answer(1));
    await once('key-expiry-0001', 'body', at(0), first.run);
    const within = runner(answer(9));
    expect(await once('key-expiry-0001', 'body', at(24 * HOUR - 1), within.run)).toEqual(answer(1));
    await expect(
      once('key-expiry-0001', 'other', at(24 * HOUR - 1), within.run),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(within.calls.n).toBe(0);
    // A day on, the key is new: another body is accepted and runs.
    const later = runner(answer(3));
    expect(await once('key-expiry-0001', 'other', at(24 * HOUR), later.run)).toEqual(answer(3));
    expect(later.calls.n).toBe(1);
  });

  it('lets a retry take over a claim neither answered nor refreshed for 5 minutes (its server died)', async () => {
    const never = runner(answer(1), new Promise<void>(() => {}));
    void once('key-abandoned-01', 'body', at(0), never.run);
    await never.running;
    const early = runner(answer(2));
    await expect(
      once('key-abandoned-01', 'body', at(5 * 60_000 - 1), early.run),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_IN_USE' });
    const late = runner(answer(2));
    expect(await once('key-abandoned-01', 'body', at(5 * 60_000 + 1), late.run)).toEqual(answer(2));
    expect(early.calls.n + late.calls.n).toBe(1);
  });

  /**
   * Time and timer under the test's hand: `advance` moves the clock by `ms` and fires the
   * refresh timer once, resolving when the refresh it started is done (a refresh is awaited
   * through the store, so nothing here depends on how fast the machine is).
   */
  function manual(start: number) {
    let now = start;
    let tick: (() => void) | undefined;
    const state = { armed: 0, cancelled: 0, intervals: [] as number[] };
    const warnings: { fields: Record<string, unknown>; message: string }[] = [];
    let refreshed: (() => void) | undefined;
    const keeping: ClaimKeeping = {
      now: () => new Date(now),
      every(ms, fn) {
        state.armed++;
        state.intervals.push(ms);
        tick = fn;
        return () => {
          state.cancelled++;
          tick = undefined;
        };
      },
      warn: (fields, message) => warnings.push({ fields, message }),
    };
    /** The store with its refreshes reported to `advance`. */
    const store = (inner: ReviewItemRequests): ReviewItemRequests => ({
      claimItemRequest: (c) => inner.claimItemRequest(c),
      answerItemRequest: (c, r) => inner.answerItemRequest(c, r),
      releaseItemRequest: (c) => inner.releaseItemRequest(c),
      refreshItemRequest: async (c, a) => {
        try {
          return await inner.refreshItemRequest(c, a);
        } finally {
          refreshed?.();
        }
      },
    });
    const advance = async (ms: number) => {
      now += ms;
      if (tick === undefined) throw new Error('no refresh timer is running');
      const done = new Promise<void>((resolve) => {
        refreshed = resolve;
      });
      tick();
      await done;
    };
    return { keeping, store, advance, state, warnings, at: () => new Date(now) };
  }

  it("keeps a slow request's claim alive, so a retry after 20 minutes does not run it again", async () => {
    const m = manual(T0);
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const first = runner(answer(4), gate);
    const store = m.store(ws.store.review);
    const firstAnswer = answerOnce(store, 'key-slow-000001', 'body', m.at(), first.run, m.keeping);
    await first.running;
    for (let i = 0; i < 20; i++) await m.advance(CLAIM_REFRESH_MS);
    const retry = runner(answer(0));
    await expect(
      answerOnce(store, 'key-slow-000001', 'body', m.at(), retry.run, m.keeping),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_IN_USE' });
    finish();
    expect(await firstAnswer).toEqual(answer(4));
    expect(m.state).toMatchObject({ armed: 1, cancelled: 1, intervals: [CLAIM_REFRESH_MS] });
    expect(m.warnings).toEqual([]);
    // The first request's answer is the one stored, and the retry never ran.
    expect(
      await answerOnce(store, 'key-slow-000001', 'body', m.at(), retry.run, m.keeping),
    ).toEqual(answer(4));
    expect(retry.calls.n).toBe(0);
  });

  it('stops refreshing a claim whose request failed, and releases it', async () => {
    const m = manual(T0 + HOUR);
    const store = m.store(ws.store.review);
    const failing = async (): Promise<ItemsResponse> => {
      await m.advance(CLAIM_REFRESH_MS);
      throw new Error('media copy failed');
    };
    await expect(
      answerOnce(store, 'key-fail-slow-01', 'body', m.at(), failing, m.keeping),
    ).rejects.toThrow('media copy failed');
    expect(m.state.cancelled).toBe(1);
    const retry = runner(answer(2));
    expect(await answerOnce(store, 'key-fail-slow-01', 'body', m.at(), retry.run)).toEqual(
      answer(2),
    );
    expect(retry.calls.n).toBe(1);
  });

  it('answers a request whose claim was taken over with its own result, and logs the key hash and counts', async () => {
    const m = manual(T0 + 2 * HOUR);
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const first = runner(answer(3), gate);
    const store = m.store(ws.store.review);
    // Its server stalled: no refresh for more than 5 minutes, so a retry takes the claim over.
    const firstAnswer = answerOnce(store, 'key-lost-000001', 'body', m.at(), first.run, m.keeping);
    await first.running;
    const retry = runner(answer(1));
    const retryAt = new Date(m.at().getTime() + 6 * 60_000);
    expect(await answerOnce(store, 'key-lost-000001', 'body', retryAt, retry.run)).toEqual(
      answer(1),
    );
    // The first request's next refresh finds the claim gone and stops trying.
    await m.advance(6 * 60_000 + CLAIM_REFRESH_MS);
    finish();
    expect(await firstAnswer).toEqual(answer(3));
    expect(m.warnings).toHaveLength(1);
    const fields = m.warnings[0]!.fields;
    expect(Object.keys(fields).sort()).toEqual(['excluded', 'key_sha256', 'queued', 'rejected']);
    expect(fields).toMatchObject({ queued: 3, excluded: 0, rejected: 0 });
    expect(fields.key_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(m.warnings)).not.toContain('key-lost-000001');
    // What is stored is the answer of the request that holds the claim.
    expect(await answerOnce(store, 'key-lost-000001', 'body', retryAt, retry.run)).toEqual(
      answer(1),
    );
  });

  it('answers the client and releases the key when storing the answer throws', async () => {
    const m = manual(T0 + 3 * HOUR);
    const inner = m.store(ws.store.review);
    let failAnswer = true;
    const store: ReviewItemRequests = {
      ...inner,
      answerItemRequest: async (c, r) => {
        if (failAnswer) throw new Error('connection reset');
        return inner.answerItemRequest(c, r);
      },
    };
    const first = runner(answer(5));
    expect(
      await answerOnce(store, 'key-store-fail-1', 'body', m.at(), first.run, m.keeping),
    ).toEqual(answer(5));
    expect(m.warnings).toHaveLength(1);
    expect(m.warnings[0]!.fields).toMatchObject({ queued: 5 });
    failAnswer = false;
    // Released: a retry right away runs afresh instead of getting 409 until the claim lapses.
    const retry = runner(answer(0));
    expect(await answerOnce(store, 'key-store-fail-1', 'body', m.at(), retry.run)).toEqual(
      answer(0),
    );
    expect(retry.calls.n).toBe(1);
  });
});
