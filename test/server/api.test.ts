import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pseudonymise } from '../../src/consent/index.js';
import { mintLinkToken } from '../../src/identity/index.js';
import { parseVerifierKey, readProofInput, verifyReceipt } from '../../src/log/index.js';
import { type Harness, harness } from './harness.js';

describe('consent API', () => {
  let h: Harness;
  beforeAll(async () => {
    // Limits have their own test below; here many sign-ins come from one address.
    h = await harness({ signInPerMinute: 1000 });
  });
  afterAll(async () => {
    await h.close();
  });

  const json = (body: unknown) => ({
    payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  async function platformSession(account: string): Promise<string> {
    const token = await mintLinkToken({ platform: 'example', account }, h.platformKey);
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session/platform',
      ...json({ token }),
    });
    expect(r.statusCode).toBe(200);
    return r.json().session;
  }
  const auth = (session: string) => ({ authorization: `Bearer ${session}` });

  it('records an objection from a platform link, answers with a receipt that verifies, and shows the state', async () => {
    const session = await platformSession('alice');
    expect(session).not.toContain('alice');
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/v1/me/events',
      payload: { purpose: 'ai_training', action: 'object' },
      headers: auth(session),
    });
    expect(r.statusCode).toBe(201);
    expect(r.headers['cache-control']).toBe('no-store');
    const { receipt, state } = r.json();
    expect(state).toBe('objected');
    const check = verifyReceipt(
      readProofInput(JSON.stringify(receipt)),
      parseVerifierKey(h.verifierKey),
    );
    expect(check.ok).toBe(true);
    expect(receipt.subject).toBe(pseudonymise(h.secret, { platform: 'example', account: 'alice' }));

    const me = await h.app.inject({ url: '/api/v1/me', headers: auth(session) });
    expect(me.json().purposes).toEqual([
      expect.objectContaining({
        purpose: 'ai_training',
        state: 'objected',
        receipt: expect.objectContaining({ index: receipt.index }),
      }),
      expect.objectContaining({ purpose: 'human_review', state: 'none', receipt: null }),
    ]);
    // The event is in the store, so the next build honours it.
    const [event] = await h.store.consentEventsOf(receipt.subject);
    expect(event).toMatchObject({ action: 'object', channel: 'portal', logIndex: receipt.index });

    const tlog = await h.app.inject({
      url: `/api/v1/me/receipts/${receipt.index}?format=tlog-proof&download=1`,
      headers: auth(session),
    });
    expect(tlog.body.startsWith('c2sp.org/tlog-proof@v1\n')).toBe(true);
    expect(tlog.headers['content-disposition']).toContain('.tlog-proof');
    expect(verifyReceipt(readProofInput(tlog.body), parseVerifierKey(h.verifierKey)).ok).toBe(true);
  });

  it("never hands one person another person's receipt", async () => {
    const alice = await platformSession('alice-2');
    const bob = await platformSession('bob-2');
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/v1/me/events',
      payload: { purpose: 'human_review', action: 'object' },
      headers: auth(alice),
    });
    const index = r.json().receipt.index;
    const other = await h.app.inject({ url: `/api/v1/me/receipts/${index}`, headers: auth(bob) });
    expect(other.statusCode).toBe(404);
    const beyond = await h.app.inject({ url: '/api/v1/me/receipts/99999', headers: auth(bob) });
    expect(beyond.statusCode).toBe(404);
    expect(beyond.json().error.message).toBe(other.json().error.message);
  });

  it('records a retried request once when it carries the same Idempotency-Key', async () => {
    const session = await platformSession('carol');
    const send = () =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/me/events',
        payload: { purpose: 'ai_training', action: 'consent' },
        headers: { ...auth(session), 'idempotency-key': 'retry-key-123' },
      });
    const [a, b] = [await send(), await send()];
    expect(a.json().receipt.index).toBe(b.json().receipt.index);
    const subject = a.json().receipt.subject;
    expect(await h.store.consentEventsOf(subject)).toHaveLength(1);
  });

  it('signs in by e-mail code without revealing whether the address is known', async () => {
    const start = (email: string) =>
      h.app.inject({ method: 'POST', url: '/api/v1/session/email', ...json({ email }) });
    const known = await start('Known@Example.org');
    const unknown = await start('nobody@example.org');
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(known.body).toBe(unknown.body);
    const code = /code is (\d{6})/.exec(
      h.mails.find((m) => m.to === 'known@example.org')!.text,
    )![1]!;
    const wrong = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session/email/verify',
      ...json({ email: 'known@example.org', code: code === '000000' ? '000001' : '000000' }),
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session/email/verify',
      ...json({ email: 'KNOWN@example.org', code }),
    });
    expect(ok.statusCode).toBe(200);
    const reuse = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session/email/verify',
      ...json({ email: 'known@example.org', code }),
    });
    expect(reuse.statusCode).toBe(401);
    const session = ok.json().session;
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/v1/me/events',
      payload: { purpose: 'ai_training', action: 'object' },
      headers: auth(session),
    });
    expect(r.json().receipt).toMatchObject({ action: 'object' });
    expect(JSON.stringify(r.json())).not.toContain('example.org');
  });

  it('refuses forged, foreign and unreadable platform tokens alike, and says when one expired', async () => {
    const good = await mintLinkToken({ platform: 'example', account: 'dave' }, h.platformKey);
    const forged = `${good.slice(0, good.lastIndexOf('.'))}.${Buffer.alloc(32).toString('base64url')}`;
    const expired = await mintLinkToken(
      { platform: 'example', account: 'dave', now: Date.now() - 3600_000 },
      h.platformKey,
    );
    const foreign = await mintLinkToken({ platform: 'other', account: 'dave' }, h.platformKey);
    const bodies = new Set<string>();
    for (const token of [forged, foreign, 'garbage']) {
      const r = await h.app.inject({
        method: 'POST',
        url: '/api/v1/session/platform',
        ...json({ token }),
      });
      expect(r.statusCode).toBe(401);
      bodies.add(r.body);
    }
    expect(bodies.size).toBe(1);
    expect(JSON.parse([...bodies][0]!).error.code).toBe('LINK_TOKEN_INVALID');
    const late = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session/platform',
      ...json({ token: expired }),
    });
    expect(late.statusCode).toBe(401);
    expect(late.json().error.code).toBe('LINK_TOKEN_EXPIRED');
  });

  it('answers bad requests with 400 and a field per problem', async () => {
    const session = await platformSession('erin');
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/v1/me/events',
      payload: { purpose: 'marketing', extra: 1 },
      headers: auth(session),
    });
    expect(r.statusCode).toBe(400);
    const fields = r.json().error.fields.map((f: { path: string }) => f.path);
    expect(fields).toEqual(expect.arrayContaining(['body.action', 'body.purpose', 'body.extra']));
    const notOffered = await h.app.inject({
      method: 'POST',
      url: '/api/v1/me/events',
      payload: { purpose: 'human_review', action: 'consent' },
      headers: auth(session),
    });
    expect(notOffered.statusCode).toBe(400);
    const big = await h.app.inject({
      method: 'POST',
      url: '/api/v1/me/requests',
      payload: { kind: 'access', message: 'x'.repeat(20_000) },
      headers: auth(session),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('takes access and erasure requests with a deadline one month later, which an operator answers', async () => {
    const session = await platformSession('frank');
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/me/requests',
      payload: { kind: 'erasure', message: 'please delete my posts' },
      headers: auth(session),
    });
    expect(created.statusCode).toBe(201);
    const request = created.json();
    const received = new Date(request.received_at);
    const deadline = new Date(request.deadline);
    expect(deadline.getUTCMonth()).toBe((received.getUTCMonth() + 1) % 12);
    const operator = { authorization: 'Bearer operator-token-for-tests' };
    const all = await h.app.inject({ url: '/api/v1/operator/requests', headers: operator });
    expect(all.json().requests.map((r: { id: string }) => r.id)).toContain(request.id);
    const answered = await h.app.inject({
      method: 'POST',
      url: `/api/v1/operator/requests/${request.id}`,
      payload: { status: 'answered', answer: 'Deleted on 2026-11-21.' },
      headers: operator,
    });
    expect(answered.json()).toMatchObject({ status: 'answered', answer: 'Deleted on 2026-11-21.' });
    const mine = await h.app.inject({ url: '/api/v1/me/requests', headers: auth(session) });
    expect(mine.json().requests[0]).toMatchObject({ id: request.id, status: 'answered' });
    const someoneElse = await h.app.inject({
      url: '/api/v1/me/requests',
      headers: auth(await platformSession('grace')),
    });
    expect(someoneElse.json().requests).toEqual([]);
  });

  it('walks every route with every kind of caller: each answers only the callers it is for', async () => {
    const session = await platformSession('henry');
    const callers = {
      anonymous: {},
      subject: auth(session),
      operator: { authorization: 'Bearer operator-token-for-tests' },
      forged: { authorization: `Bearer ${session.slice(0, -4)}AAAA` },
    } as const;
    const routes: [string, string, unknown, (keyof typeof callers)[]][] = [
      ['GET', '/api/v1/config', undefined, ['anonymous', 'subject', 'operator', 'forged']],
      ['GET', '/api/v1/log/checkpoint', undefined, ['anonymous', 'subject', 'operator', 'forged']],
      ['GET', '/api/v1/log/key', undefined, ['anonymous', 'subject', 'operator', 'forged']],
      ['GET', '/api/v1/me', undefined, ['subject']],
      ['GET', '/api/v1/me/requests', undefined, ['subject']],
      ['POST', '/api/v1/me/requests', { kind: 'access' }, ['subject']],
      ['POST', '/api/v1/me/events', { purpose: 'human_review', action: 'object' }, ['subject']],
      ['GET', '/api/v1/operator/requests', undefined, ['operator']],
      ['GET', '/metrics', undefined, ['operator']],
    ];
    for (const [method, url, body, allowed] of routes) {
      for (const [name, headers] of Object.entries(callers)) {
        const r = await h.app.inject({
          method: method as 'GET' | 'POST',
          url,
          headers,
          ...(body ? { payload: body as object } : {}),
        });
        const ok = r.statusCode < 300;
        expect({ method, url, name, ok }).toEqual({
          method,
          url,
          name,
          ok: allowed.includes(name as keyof typeof callers),
        });
        if (!ok) expect([401, 403]).toContain(r.statusCode);
      }
    }
  });

  it('refuses cross-site posts, sets security headers and publishes an OpenAPI 3.1 document', async () => {
    const session = await platformSession('ivy');
    const cross = await h.app.inject({
      method: 'POST',
      url: '/api/v1/me/events',
      payload: { purpose: 'ai_training', action: 'object' },
      headers: { ...auth(session), origin: 'https://evil.example', host: 'obhut.local' },
    });
    expect(cross.statusCode).toBe(403);
    const doc = await h.app.inject({ url: '/api/openapi.json' });
    expect(doc.json().openapi).toBe('3.1.0');
    expect(Object.keys(doc.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/me/events',
        '/api/v1/session/platform',
        '/api/v1/log/proofs/inclusion',
      ]),
    );
    const headers = (await h.app.inject({ url: '/api/v1/config' })).headers;
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect((await h.app.inject({ url: '/readyz' })).statusCode).toBe(200);
  });

  it('serves proofs that anyone can check against the public checkpoint', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), async (n) => {
        const size = (await h.log.reader.checkpoint()).size;
        const index = n % size;
        const r = await h.app.inject({ url: `/api/v1/log/proofs/inclusion?index=${index}` });
        expect(r.json()).toMatchObject({ index, size });
        const c = await h.app.inject({ url: `/api/v1/log/proofs/consistency?old=${index}` });
        expect(c.json()).toMatchObject({ old_size: index, size });
      }),
      { numRuns: 10 },
    );
    expect((await h.app.inject({ url: '/api/v1/log/proofs/inclusion?index=01' })).statusCode).toBe(
      400,
    );
    expect((await h.app.inject({ url: '/api/v1/log/entries/999999' })).statusCode).toBe(404);
  });
});

describe('rate limits', () => {
  it('limits sign-in attempts per address and events per person', async () => {
    const h = await harness({ signInPerMinute: 3, eventsPerMinute: 2 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await h.app.inject({
          method: 'POST',
          url: '/api/v1/session/email',
          payload: { email: `p${i}@example.org` },
        });
        codes.push(r.statusCode);
      }
      expect(codes).toEqual([202, 202, 202, 429, 429]);
      const h2 = await harness({ eventsPerMinute: 2 });
      try {
        const t2 = await mintLinkToken({ platform: 'example', account: 'x' }, h2.platformKey);
        const s = (
          await h2.app.inject({
            method: 'POST',
            url: '/api/v1/session/platform',
            payload: { token: t2 },
          })
        ).json().session;
        const statuses: number[] = [];
        for (let i = 0; i < 3; i++) {
          const r = await h2.app.inject({
            method: 'POST',
            url: '/api/v1/me/events',
            payload: { purpose: 'ai_training', action: 'object' },
            headers: { authorization: `Bearer ${s}` },
          });
          statuses.push(r.statusCode);
        }
        expect(statuses).toEqual([201, 201, 429]);
      } finally {
        await h2.close();
      }
    } finally {
      await h.close();
    }
  });
});
