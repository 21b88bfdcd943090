import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerOnce, type ItemsResponse } from '../../src/review/enqueue-items.js';
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

  it('lets a retry take over a claim left unanswered for 15 minutes (its server died)', async () => {
    const never = runner(answer(1), new Promise<void>(() => {}));
    void once('key-abandoned-01', 'body', at(0), never.run);
    await never.running;
    const early = runner(answer(2));
    await expect(
      once('key-abandoned-01', 'body', at(15 * 60_000 - 1), early.run),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_IN_USE' });
    const late = runner(answer(2));
    expect(await once('key-abandoned-01', 'body', at(15 * 60_000 + 1), late.run)).toEqual(
      answer(2),
    );
    expect(early.calls.n + late.calls.n).toBe(1);
  });
});
