import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintLinkToken } from '../../src/identity/index.js';
import { generateNoteKey, parseSignerKey, TransparencyLog } from '../../src/log/index.js';
import { buildServer } from '../../src/server/app.js';
import { openSqliteStore } from '../../src/store/index.js';
import { type Harness, harness } from './harness.js';

const json = (body: unknown) => ({
  payload: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

describe('portal link tokens', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ signInPerMinute: 1000 }, { linkTokenAllowanceS: 5 });
  });
  afterAll(async () => {
    await h.close();
  });
  const exchange = (token: string) =>
    h.app.inject({ method: 'POST', url: '/api/v1/session/platform', ...json({ token }) });

  it('exchanges each token once: a second exchange answers 409 TOKEN_ALREADY_USED', async () => {
    const token = await mintLinkToken({ platform: 'example', account: 'once' }, h.platformKey);
    expect((await exchange(token)).statusCode).toBe(200);
    const again = await exchange(token);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('TOKEN_ALREADY_USED');
    // Another token for the same account still works.
    const later = await mintLinkToken(
      { platform: 'example', account: 'once', now: Date.now() - 2000 },
      h.platformKey,
    );
    expect((await exchange(later)).statusCode).toBe(200);
  });

  it('accepts a token only within the configured allowance after its exp', async () => {
    const now = Date.now();
    // exp = now - 3 s: inside a 5 s allowance; exp = now - 30 s: outside it (inside the default 60).
    const inside = await mintLinkToken(
      { platform: 'example', account: 'late-1', ttlSeconds: 60, now: now - 63_000 },
      h.platformKey,
    );
    const outside = await mintLinkToken(
      { platform: 'example', account: 'late-2', ttlSeconds: 60, now: now - 90_000 },
      h.platformKey,
    );
    expect((await exchange(inside)).statusCode).toBe(200);
    expect((await exchange(outside)).statusCode).toBe(401);
  });
});

describe('hostile headers', () => {
  let h: Harness;
  let session: string;
  beforeAll(async () => {
    h = await harness({ signInPerMinute: 1000 });
    const token = await mintLinkToken({ platform: 'example', account: 'hdr' }, h.platformKey);
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session/platform',
      ...json({ token }),
    });
    session = r.json().session;
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(['null', 'not a url', 'http://[::1', '://', 'file:///etc/passwd'])(
    'answers Origin %j with 403 FORBIDDEN',
    async (origin) => {
      const r = await h.app.inject({
        method: 'POST',
        url: '/api/v1/me/events',
        payload: { purpose: 'ai_training', action: 'object' },
        headers: { authorization: `Bearer ${session}`, origin, host: 'obhut.local' },
      });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('FORBIDDEN');
    },
  );

  it('answers an Idempotency-Key reused with a different body with 422, recording nothing', async () => {
    const send = (action: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/me/events',
        payload: { purpose: 'ai_training', action },
        headers: { authorization: `Bearer ${session}`, 'idempotency-key': 'reuse-key-0001' },
      });
    const first = await send('object');
    expect(first.statusCode).toBe(201);
    const retry = await send('object');
    expect(retry.statusCode).toBe(201);
    expect(retry.json().event_id).toBe(first.json().event_id);
    const other = await send('revoke_objection');
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const subject = first.json().receipt.subject;
    expect(await h.store.consentEventsOf(subject)).toHaveLength(1);
  });
});

describe('the request log', () => {
  it('holds nothing of a malformed Origin', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const dir = await mkdtemp(path.join(tmpdir(), 'obhut-origin-'));
    const store = await openSqliteStore(path.join(dir, 'obhut.db'));
    const log = new TransparencyLog(
      store,
      parseSignerKey(generateNoteKey('t.local/log').signerKey),
    );
    await log.writer.ensureCheckpoint();
    const app = await buildServer({
      session: { store, log, secret: Buffer.alloc(32, 1) },
      platforms: new Map(),
      mailer: { describe: 'none', async send() {} },
      logger: { level: 'info', stream },
    });
    try {
      const marker = 'null-origin-marker-7f3a';
      for (const origin of ['null', `x${marker}`, `http://[${marker}`]) {
        const r = await app.inject({
          method: 'POST',
          url: '/api/v1/session/email',
          ...json({ email: 'a@example.org' }),
          headers: { 'content-type': 'application/json', origin, host: 'obhut.local' },
        });
        expect(r.statusCode).toBe(403);
      }
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.join('')).not.toContain(marker);
      expect(lines.join('')).not.toContain('"level":50');
    } finally {
      await app.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
