// Records sent to `POST /api/review/v1/items`, as a source for `enqueueSources`, and its result
// per item. The body is read with the gate's strict JSON rules (a repeated key anywhere is
// refused with its position), and each item goes on exactly as it was sent: its own bytes,
// not a re-serialisation, are what the gate decides.
import { hash } from 'node:crypto';
import { ObhutError } from '../errors/index.js';
import type { Line } from '../io/line-reader.js';
import { MAX_RECORD_DEPTH, parseStrictJson } from '../records/strict-json.js';
import type { EnqueuePlace, EnqueueResult, ReviewSource } from './enqueue.js';
import type { ReviewKind } from './model.js';
import type { ItemRequestKey, ReviewItemRequests } from './review-store.js';

/** Items per request: a pipeline sends batches, and one request is one transaction's worth of work. */
export const MAX_ITEMS_PER_REQUEST = 500;
/** Bytes per request body (records with their text, never media: those are named by path). */
export const MAX_ITEMS_BODY_BYTES = 8 * 1024 * 1024;
/** What results name as the input of records sent in a request. */
export const REQUEST_INPUT = 'request';

/** A body whose shape Ajv checks next; `items` holds each item's text exactly as sent. */
export interface ParsedItemsBody {
  readonly value: unknown;
  readonly items: readonly string[];
}

/**
 * Parses a request body strictly: RFC 8259 with no repeated member names and records nested no
 * deeper than a file's records may be. Refused as REQUEST_INVALID, with the position.
 */
export function parseItemsBody(text: string): ParsedItemsBody {
  const items: string[] = [];
  // The body is level 1 and `items` level 2, so a record keeps its MAX_RECORD_DEPTH levels.
  const parsed = parseStrictJson(text, {
    maxDepth: MAX_RECORD_DEPTH + 2,
    onValue: (path, start, end) => {
      if (path.length === 2 && path[0] === 'items' && typeof path[1] === 'number')
        items[path[1]] = text.slice(start, end);
    },
  });
  if (!parsed.ok) throw new ObhutError('REQUEST_INVALID', `request body: ${parsed.error}`);
  return { value: parsed.value, items };
}

/** The items of one request as a source; their media paths are relative to `mediaDir`, if any. */
export function itemsSource(items: readonly string[], mediaDir?: string): ReviewSource {
  return {
    name: REQUEST_INPUT,
    ...(mediaDir === undefined ? {} : { mediaDir }),
    *lines(): Generator<Line> {
      for (const [i, text] of items.entries())
        yield { number: i + 1, bytes: Buffer.from(text, 'utf8'), tooLong: false };
    },
  };
}

export type ItemResult =
  | {
      readonly index: number;
      readonly status: 'queued';
      readonly id: string;
      readonly item_id: string;
      readonly task_id: string;
      readonly kind: ReviewKind;
    }
  | {
      readonly index: number;
      readonly status: 'excluded';
      readonly id: string;
      readonly reasons: readonly string[];
    }
  | {
      readonly index: number;
      readonly status: 'rejected';
      readonly code: string;
      readonly error: string;
      readonly id?: string;
    };

export interface ItemsResponse {
  readonly counts: {
    readonly queued: number;
    readonly excluded: number;
    readonly rejected: number;
  };
  /** One per item sent, in the order sent (`index` from 0). */
  readonly results: readonly ItemResult[];
}

/** The result of queueing one request's items, item by item; every item has exactly one. */
export function itemResults(result: EnqueueResult, sent: number): ItemsResponse {
  const results: (ItemResult | undefined)[] = new Array(sent).fill(undefined);
  // Request items are JSON lines, numbered from 1 in the order sent.
  const lineOf = (p: EnqueuePlace): number => p.line ?? p.row!;
  const place = (line: number, r: ItemResult) => {
    if (results[line - 1] !== undefined)
      throw new ObhutError('INTERNAL', `item ${line - 1} has two results`);
    results[line - 1] = r;
  };
  for (const q of result.queued)
    place(lineOf(q), {
      index: lineOf(q) - 1,
      status: 'queued',
      id: q.id,
      item_id: q.item,
      task_id: q.task,
      kind: q.kind,
    });
  for (const e of result.excluded)
    place(lineOf(e), { index: lineOf(e) - 1, status: 'excluded', id: e.id, reasons: e.reasons });
  for (const r of result.rejected)
    place(lineOf(r), {
      index: lineOf(r) - 1,
      status: 'rejected',
      code: r.code,
      error: r.error,
      ...(r.id === undefined ? {} : { id: r.id }),
    });
  // Counts reconcile: an item sent without a result would be an item silently dropped.
  const missing = results.indexOf(undefined);
  if (missing >= 0) throw new ObhutError('INTERNAL', `item ${missing} has no result`);
  return {
    counts: {
      queued: result.counts.queued,
      excluded: result.counts.excluded,
      rejected: result.counts.rejected,
    },
    results: results as ItemResult[],
  };
}

/** What a request that finds its Idempotency-Key in use is told to wait, in seconds. */
export const KEY_IN_USE_RETRY_AFTER_S = 2;

/** How an Idempotency-Key is stored: its SHA-256 under this route's label, never the key. */
export function itemRequestKeySha256(key: string): string {
  return hash('sha256', `obhut/review-items\0${key}`, 'hex');
}

/** How often a running request refreshes its claim on its key (the store lets a claim lapse after 5). */
export const CLAIM_REFRESH_MS = 60_000;

/** What `answerOnce` needs from outside besides the store: time, a timer and a log. */
export interface ClaimKeeping {
  /** The time now (a refresh moves the claim to it). */
  now(): Date;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
  /** Told when a request's answer could not be kept; the fields hold no personal identifiers. */
  warn(fields: Record<string, unknown>, message: string): void;
}

/** Real time; the timer does not keep the process alive, and warnings go nowhere. */
export const systemClaimKeeping: ClaimKeeping = {
  now: () => new Date(),
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
  warn: () => undefined,
};

/**
 * Answers a request under an Idempotency-Key once: the first request claims the key before it
 * runs; a retry with the same body gets its answer again (the items it queued, not "already
 * queued"), or IDEMPOTENCY_KEY_IN_USE (409) while it is still running — so `run` never runs
 * twice for one key while its first request is alive; the key with another body is
 * IDEMPOTENCY_KEY_REUSED. A key is kept 24 h from its claim's last refresh (then it is new
 * again). Without a key, `run` simply runs.
 *
 * While `run` runs, the claim is refreshed every CLAIM_REFRESH_MS, so however slow the request
 * is, only a claim whose server stopped is taken over. The client always gets its own result:
 * when the answer cannot be stored (the claim was lost, or storing threw) that is logged through
 * `keeping.warn`, and a claim whose answer could not be stored is released, so a retry runs
 * afresh (its items already queued come back "already queued") instead of waiting for the
 * claim to lapse.
 */
export async function answerOnce(
  store: ReviewItemRequests,
  key: string | undefined,
  body: string,
  now: Date,
  run: () => Promise<ItemsResponse>,
  keeping: ClaimKeeping = systemClaimKeeping,
): Promise<ItemsResponse> {
  if (key === undefined) return run();
  const keySha256 = itemRequestKeySha256(key);
  const requestSha256 = hash('sha256', body, 'hex');
  const found = await store.claimItemRequest({ keySha256, at: now.toISOString(), requestSha256 });
  if (found.state !== 'claimed') {
    if (found.requestSha256 !== requestSha256)
      throw new ObhutError(
        'IDEMPOTENCY_KEY_REUSED',
        'this Idempotency-Key was used for a different request; use a new key',
      );
    if (found.state === 'running')
      throw new ObhutError(
        'IDEMPOTENCY_KEY_IN_USE',
        `a request under this Idempotency-Key is still running; retry in ${KEY_IN_USE_RETRY_AFTER_S} s for its answer`,
      );
    return JSON.parse(found.response) as ItemsResponse;
  }
  const kept = keepClaim(store, { keySha256, at: now.toISOString() }, keeping);
  let response: ItemsResponse;
  try {
    response = await run();
  } catch (err) {
    const claim = await kept.stop();
    // Nothing was answered, so a retry should run again. Should the release fail too, the
    // claim lapses once it is no longer refreshed; the request's own error is the one to report.
    await store.releaseItemRequest(claim).catch(() => undefined);
    throw err;
  }
  const claim = await kept.stop();
  // The key's hash and the counts only: the key is the client's, record ids may name people.
  const fields = { key_sha256: keySha256, ...response.counts };
  let stored: boolean;
  try {
    stored = await store.answerItemRequest(claim, JSON.stringify(response));
  } catch {
    // The items are queued whatever the store says now: the client gets what happened, and the
    // claim is given up so a retry runs afresh rather than waiting for the claim to lapse.
    keeping.warn(fields, 'idempotent answer not stored (store failed); key released');
    await store.releaseItemRequest(claim).catch(() => undefined);
    return response;
  }
  if (!stored)
    keeping.warn(fields, 'idempotent answer not stored: the claim was taken over meanwhile');
  return response;
}

/**
 * Refreshes a claim every CLAIM_REFRESH_MS until stopped; `stop` waits for a refresh under way
 * and gives the claim as it then is (its time is what the store knows it by).
 */
function keepClaim(
  store: ReviewItemRequests,
  first: ItemRequestKey,
  keeping: ClaimKeeping,
): { stop(): Promise<ItemRequestKey> } {
  let claim = first;
  let lost = false;
  // One refresh at a time, in order: each moves the claim from the time the last one set.
  let refreshing: Promise<void> = Promise.resolve();
  const cancel = keeping.every(CLAIM_REFRESH_MS, () => {
    refreshing = refreshing.then(async () => {
      if (lost) return;
      const at = keeping.now().toISOString();
      if (at <= claim.at) return;
      try {
        if (await store.refreshItemRequest(claim, at)) claim = { ...claim, at };
        else lost = true;
      } catch {
        // The next tick tries again; the claim lapses only after several missed refreshes.
      }
    });
  });
  return {
    async stop() {
      cancel();
      await refreshing;
      return claim;
    },
  };
}
