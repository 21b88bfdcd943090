import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConsentSnapshot } from '../../src/consent/index.js';
import { enqueueForReview } from '../../src/review/enqueue.js';
import {
  itemRequestKeySha256,
  KEY_IN_USE_RETRY_AFTER_S,
  MAX_ITEMS_PER_REQUEST,
} from '../../src/review/enqueue-items.js';
import { DEFAULT_LABELS } from '../../src/review/model.js';
import {
  DEFAULT_REVIEW_POLICY,
  prepareAudio,
  stripImage,
} from '../../src/review/reviewer-copies.js';
import { DEFAULT_RULES } from '../../src/review/rules.js';
import { buildServer } from '../../src/server/app.js';
import { adult, type Backend, type Workspace, workspace } from '../support/fixtures.js';
import { postgresTestUrl } from '../support/postgres.js';

const TOKEN = 'pipeline-token-for-tests-0123456789';
const URL = '/api/review/v1/items';
const backends: Backend[] = postgresTestUrl ? ['sqlite', 'postgres'] : ['sqlite'];

const objection = (account: string) => ({
  platform: 'ig',
  account,
  purpose: 'human_review',
  action: 'object',
  at: '2026-01-01T00:00:00Z',
  channel: 'portal',
});

describe.each(backends)('POST /api/review/v1/items (%s)', (backend) => {
  let ws: Workspace;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let home: string;
  let mediaDir: string;
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const post = (payload: string | object, headers: Record<string, string> = auth) =>
    app.inject({
      method: 'POST',
      url: URL,
      headers,
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  beforeAll(async () => {
    ws = await workspace(backend);
    home = path.join(ws.dir, 'home');
    mediaDir = path.join(ws.dir, 'media');
    await mkdir(mediaDir);
    await ws.importEvents([objection('objector')]);
    app = await buildServer({
      session: { store: ws.store, log: ws.log, secret: ws.secret },
      platforms: new Map(),
      mailer: { describe: 'memory', send: async () => {} },
      review: { home, rules: DEFAULT_RULES, pipelineToken: TOKEN, mediaDir },
    });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await ws?.close();
  });

  it('refuses callers without the pipeline token', async () => {
    const none = await post(
      { items: [{ id: 'x', kind: 'text', text: 'hi' }] },
      {
        'content-type': 'application/json',
      },
    );
    expect(none.statusCode).toBe(401);
    const wrong = await post(
      { items: [{ id: 'x', kind: 'text', text: 'hi' }] },
      { ...auth, authorization: 'Bearer not-the-token' },
    );
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('UNAUTHENTICATED');
    expect(await ws.store.review.item('ri_0123456789abcdef0123456789abcdef')).toBeUndefined();
  });

  it('answers every item: queued, excluded with its reasons, rejected with its error', async () => {
    const r = await post({
      k: 2,
      items: [
        {
          id: 'p1',
          kind: 'text',
          text: 'Call Anna Schmidt at +49 170 1234567.',
          subject: adult('a'),
        },
        { id: 'p2', kind: 'text', text: 'hello', subject: adult('objector') },
        { id: 'p3', kind: 'text', text: 'hello', subject: { ...adult('m'), age: 'minor' } },
        { id: 'p4', kind: 'text' },
        'not a record',
        { id: 'p1', kind: 'text', text: 'again' },
        { id: 'p5', kind: 'audio', media: '../outside.wav' },
      ],
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.counts).toEqual({ queued: 1, excluded: 2, rejected: 4 });
    expect(body.results.map((x: { index: number; status: string }) => [x.index, x.status])).toEqual(
      [
        [0, 'queued'],
        [1, 'excluded'],
        [2, 'excluded'],
        [3, 'rejected'],
        [4, 'rejected'],
        [5, 'rejected'],
        [6, 'rejected'],
      ],
    );
    expect(body.results[1]).toEqual({
      index: 1,
      status: 'excluded',
      id: 'p2',
      reasons: ['objected'],
    });
    expect(body.results[2].reasons).toEqual(['minor']);
    expect(body.results[5]).toMatchObject({ code: 'RECORD_DUPLICATE_ID', id: 'p1' });
    expect(body.results[6]).toMatchObject({ code: 'MEDIA_INVALID', id: 'p5' });
    const queued = body.results[0];
    expect(queued).toMatchObject({ id: 'p1', kind: 'text' });
    expect(queued.item_id).toMatch(/^ri_/);
    expect(queued.task_id).toMatch(/^rt_/);
    const item = (await ws.store.review.item(queued.item_id))!;
    expect(item.view!.text).not.toContain('Anna');
    expect(item.view!.text).toContain('[PERSON_1]');
    expect((await ws.store.review.task(queued.task_id))!.k).toBe(2);
  });

  it('queues an item exactly as `obhut review enqueue` does (the same redaction and decision)', async () => {
    const record = (id: string) => ({
      id,
      kind: 'text',
      text: 'Write to anna.schmidt@example.org or call +49 170 7654321, says Anna Schmidt.',
      subject: adult('same'),
    });
    const viaApi = (await post({ items: [record('same-api')] })).json().results[0];
    const now = new Date();
    const viaCli = await enqueueForReview({
      inputs: [await ws.write('same.jsonl', [record('same-cli')])],
      policy: DEFAULT_REVIEW_POLICY,
      consent: await loadConsentSnapshot(
        ws.store,
        'human_review',
        now.toISOString(),
        now.getTime(),
      ),
      store: ws.store,
      secret: ws.secret,
      home,
      k: 1,
      labels: DEFAULT_LABELS,
      prepareAudio,
      prepareImage: stripImage,
      now,
    });
    const api = (await ws.store.review.item(viaApi.item_id))!;
    const cli = (await ws.store.review.item(viaCli.queued[0]!.item))!;
    expect(api.view).toEqual(cli.view);
    expect(api.subject).toBe(cli.subject);
    expect(api.needsConsent).toBe(cli.needsConsent);
  });

  it("keeps each item's own bytes: the stored record is the one sent", async () => {
    const text = `{"items":[ {"id":"raw1", "kind":"text","text":"eins","n":1.50} ]}`;
    const r = await post(text);
    expect(r.statusCode).toBe(200);
    const raw = await ws.store.review.rawPart(r.json().results[0].item_id);
    expect(raw!.record).toEqual({ id: 'raw1', kind: 'text', text: 'eins', n: 1.5 });
  });

  it('rejects a repeated key anywhere in the body, with its position, and queues nothing', async () => {
    const text = '{"items":[{"id":"dup1","kind":"text","text":"a","text":"b"}]}';
    const r = await post(text);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('REQUEST_INVALID');
    expect(r.json().error.message).toBe('request body: key items[0].text appears more than once');
    const again = await post({ items: [{ id: 'dup1', kind: 'text', text: 'a' }] });
    expect(again.json().results[0].status).toBe('queued');
  });

  it('bounds the request: items per request, body bytes, unknown fields', async () => {
    const many = Array.from({ length: MAX_ITEMS_PER_REQUEST + 1 }, (_, i) => ({
      id: `many-${i}`,
      kind: 'text',
      text: 'x',
    }));
    const tooMany = await post({ items: many });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.fields[0].path).toBe('body.items');
    const big = await post({
      items: [{ id: 'big', kind: 'text', text: 'x'.repeat(9 * 1024 * 1024) }],
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const extra = await post({ items: [{ id: 'e', kind: 'text', text: 'x' }], policy: 'none' });
    expect(extra.statusCode).toBe(400);
    const empty = await post({ items: [] });
    expect(empty.statusCode).toBe(400);
    const badLabels = await post({ items: [{ id: 'l', kind: 'text', text: 'x' }], labels: [{}] });
    expect(badLabels.statusCode).toBe(400);
    for (const id of ['many-0', 'big', 'e', 'l'])
      expect(
        (await post({ items: [{ id, kind: 'text', text: 'x' }] })).json().results[0].status,
      ).toBe('queued');
  });

  it('says an item is already queued when it is sent again', async () => {
    const first = await post({ items: [{ id: 'twice', kind: 'text', text: 'x' }] });
    expect(first.json().results[0].status).toBe('queued');
    const second = await post({ items: [{ id: 'twice', kind: 'text', text: 'x' }] });
    expect(second.json().results[0]).toMatchObject({
      status: 'rejected',
      code: 'RECORD_DUPLICATE_ID',
      id: 'twice',
    });
  });

  it('answers a retry under the same Idempotency-Key with the first answer', async () => {
    const key = { ...auth, 'idempotency-key': 'batch-0001-retry' };
    const body = {
      items: [
        { id: 'idem1', kind: 'text', text: 'x' },
        { id: 'idem2', kind: 'text' },
      ],
    };
    const first = await post(body, key);
    expect(first.statusCode).toBe(200);
    expect(first.json().results[0].status).toBe('queued');
    const retry = await post(body, key);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    // Without the key the same items are already queued.
    const again = await post(body);
    expect(again.json().results[0]).toMatchObject({
      status: 'rejected',
      code: 'RECORD_DUPLICATE_ID',
    });
    const other = await post({ items: [{ id: 'idem3', kind: 'text', text: 'x' }] }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const tooShort = await post(body, { ...auth, 'idempotency-key': 'short' });
    expect(tooShort.statusCode).toBe(400);
  });

  it('answers a retry that comes while the first still runs with 409 and Retry-After, queueing nothing', async () => {
    const body = { items: [{ id: 'busy1', kind: 'text', text: 'x' }] };
    const text = JSON.stringify(body);
    // The first request's claim, as it stands while that request runs.
    const claim = await ws.store.review.claimItemRequest({
      keySha256: itemRequestKeySha256('batch-0002-running'),
      requestSha256: createHash('sha256').update(text).digest('hex'),
      at: new Date().toISOString(),
    });
    expect(claim.state).toBe('claimed');
    const retry = await post(text, { ...auth, 'idempotency-key': 'batch-0002-running' });
    expect(retry.statusCode).toBe(409);
    expect(retry.headers['retry-after']).toBe(String(KEY_IN_USE_RETRY_AFTER_S));
    expect(retry.json().error.code).toBe('IDEMPOTENCY_KEY_IN_USE');
    // The retry queued nothing: without the key the item is queued now, not a duplicate.
    const plain = await post(text);
    expect(plain.json().results[0]).toMatchObject({ status: 'queued' });
  });

  it('queues the items of two requests sent at once under one key once', async () => {
    const key = { ...auth, 'idempotency-key': 'batch-0003-at-once' };
    const body = { items: [{ id: 'once1', kind: 'text', text: 'x' }] };
    const both = await Promise.all([post(body, key), post(body, key)]);
    // Which one runs first is up to the machine; the other waits for its answer or is told to.
    const answered = both.filter((r) => r.statusCode === 200);
    expect(answered.length).toBeGreaterThanOrEqual(1);
    for (const r of both.filter((r) => r.statusCode !== 200)) {
      expect(r.statusCode).toBe(409);
      expect(r.json().error.code).toBe('IDEMPOTENCY_KEY_IN_USE');
    }
    const retry = await post(body, key);
    expect(retry.statusCode).toBe(200);
    for (const r of answered) expect(r.json()).toEqual(retry.json());
    expect(retry.json().results[0]).toMatchObject({ status: 'queued' });
  });

  it('takes media from OBHUT_REVIEW_MEDIA_DIR and strips the reviewer copy of an image', async () => {
    const png = await sharp({
      create: { width: 4, height: 4, channels: 3, background: { r: 200, g: 10, b: 10 } },
    })
      .withMetadata({ exif: { IFD0: { Artist: 'Anna Schmidt' } } })
      .jpeg()
      .toBuffer();
    await writeFile(path.join(mediaDir, 'photo.jpg'), png);
    const r = await post({
      items: [
        { id: 'img1', kind: 'image', media: 'photo.jpg', subject: adult('img') },
        { id: 'img2', kind: 'image', media: 'missing.jpg' },
      ],
    });
    const [ok, missing] = r.json().results;
    expect(ok).toMatchObject({ status: 'queued', kind: 'image' });
    expect(missing).toMatchObject({ status: 'rejected', code: 'MEDIA_INVALID' });
    const item = (await ws.store.review.item(ok.item_id))!;
    expect(item.derivedMedia).toMatch(/^derived\//);
    const meta = await sharp(path.join(home, 'review', item.derivedMedia!)).metadata();
    expect(meta.exif).toBeUndefined();
  });
});

describe('POST /api/review/v1/items without OBHUT_REVIEW_PIPELINE_TOKEN', () => {
  it('is off (403), whatever token is sent', async () => {
    const ws = await workspace('sqlite');
    const app = await buildServer({
      session: { store: ws.store, log: ws.log, secret: ws.secret },
      platforms: new Map(),
      mailer: { describe: 'memory', send: async () => {} },
      adminToken: TOKEN,
      review: { home: path.join(ws.dir, 'home'), rules: DEFAULT_RULES },
    });
    try {
      const r = await app.inject({
        method: 'POST',
        url: URL,
        headers: { authorization: `Bearer ${TOKEN}` },
        payload: { items: [{ id: 'x', kind: 'text', text: 'hi' }] },
      });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('FORBIDDEN');
    } finally {
      await app.close();
      await ws.close();
    }
  });
});
