import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConsentSnapshot, pseudonymise } from '../../src/consent/index.js';
import { mintLinkToken } from '../../src/identity/index.js';
import { type Harness, harness } from './harness.js';

const json = (payload: object) => ({ payload, headers: { 'content-type': 'application/json' } });
const auth = (session: string) => ({ authorization: `Bearer ${session}` });

describe('an objection made after an e-mail sign-in reaches the linked account', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness({ signInPerMinute: 1000 });
  });
  afterEach(async () => {
    await h.close();
  });

  async function emailSession(email: string): Promise<string> {
    await h.app.inject({ method: 'POST', url: '/api/v1/session/email', ...json({ email }) });
    const code = /code is (\d{6})/.exec(h.mails.findLast((m) => m.to === email)!.text)![1]!;
    const ok = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session/email/verify',
      ...json({ email, code }),
    });
    return ok.json().session;
  }
  const platformSession = async (account: string, email?: string) => {
    const token = await mintLinkToken(
      { platform: 'example', account, ...(email ? { email } : {}) },
      h.platformKey,
    );
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session/platform',
      ...json({ token }),
    });
    expect(r.statusCode).toBe(200);
    return r.json().session as string;
  };
  const me = async (session: string) =>
    (await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: auth(session) })).json();
  const training = (body: { purposes: { purpose: string; state: string }[] }) =>
    body.purposes.find((p) => p.purpose === 'ai_training')!.state;

  it('e-mail sign-in, object, then the platform vouches for the address: the account is objected and builds leave it out', async () => {
    const byEmail = await emailSession('ada@example.org');
    const alone = await me(byEmail);
    expect(alone.signed_in_by).toBe('email');
    expect(alone.identities).toEqual([{ kind: 'email', platform: null, current: true }]);
    const objected = await h.app.inject({
      method: 'POST',
      url: '/api/v1/me/events',
      ...json({ purpose: 'ai_training', action: 'object' }),
      headers: auth(byEmail),
    });
    expect(objected.statusCode).toBe(201);

    const account = pseudonymise(h.secret, { platform: 'example', account: 'ada-7' });
    const beforeLink = await loadConsentSnapshot(
      h.store,
      'ai_training',
      new Date().toISOString(),
      Date.now(),
    );
    expect(beforeLink.stateOf(account)).toBe('none');

    // The platform's link token carries the verified address: redeeming it links the two.
    const byPlatform = await platformSession('ada-7', 'Ada@Example.org');
    const linked = await me(byPlatform);
    expect(training(linked)).toBe('objected');
    expect(linked.identities).toEqual([
      { kind: 'account', platform: 'example', current: true },
      { kind: 'email', platform: null, current: false },
    ]);
    // The receipt of the deciding event (made by e-mail) is the person's from either side.
    const receipt = linked.purposes.find(
      (p: { purpose: string }) => p.purpose === 'ai_training',
    ).receipt;
    const fetched = await h.app.inject({
      method: 'GET',
      url: `/api/v1/me/receipts/${receipt.index}`,
      headers: auth(byPlatform),
    });
    expect(fetched.statusCode).toBe(200);
    expect((await me(byEmail)).identities).toHaveLength(2);

    const afterLink = await loadConsentSnapshot(
      h.store,
      'ai_training',
      new Date().toISOString(),
      Date.now(),
    );
    expect(afterLink.stateOf(account)).toBe('objected');

    // Signing in again with the same claim adds no second link.
    const size = await h.log.reader.size();
    await platformSession('ada-7', 'ada@example.org');
    expect(await h.log.reader.size()).toBe(size);
  });

  it('a request made under one identity is listed under every linked one', async () => {
    const byEmail = await emailSession('bo@example.org');
    const made = await h.app.inject({
      method: 'POST',
      url: '/api/v1/me/requests',
      ...json({ kind: 'erasure' }),
      headers: auth(byEmail),
    });
    expect(made.statusCode).toBe(201);
    const unlinked = await platformSession('bo-1');
    const none = await h.app.inject({
      method: 'GET',
      url: '/api/v1/me/requests',
      headers: auth(unlinked),
    });
    expect(none.json().requests).toEqual([]);
    const linked = await platformSession('bo-1', 'bo@example.org');
    const listed = await h.app.inject({
      method: 'GET',
      url: '/api/v1/me/requests',
      headers: auth(linked),
    });
    expect(listed.json().requests.map((r: { id: string }) => r.id)).toEqual([made.json().id]);
  });

  it('an address the platform did not verify links nothing', async () => {
    const { createHmac } = await import('node:crypto');
    const key = h.platformKey as { kind: 'hmac'; secret: Buffer };
    const iat = Math.floor(Date.now() / 1000);
    const body = `v1.${Buffer.from(
      JSON.stringify({
        v: 1,
        plt: 'example',
        acc: 'c-1',
        iat,
        exp: iat + 60,
        email: 'c@example.org',
      }),
    ).toString('base64url')}`;
    const token = `${body}.${createHmac('sha256', key.secret).update(body).digest('base64url')}`;
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session/platform',
      ...json({ token }),
    });
    expect(r.statusCode).toBe(200);
    expect((await me(r.json().session)).identities).toHaveLength(1);
    expect(await h.store.identityLinks(Date.now() + 1000)).toEqual([]);
  });

  it('the operator links and unlinks an address and an account over the API, logged', async () => {
    const operator = { authorization: 'Bearer operator-token-for-tests' };
    const body = { email: 'Cy@Example.org', platform: 'example', account: 'cy' };
    const refused = await h.app.inject({
      method: 'POST',
      url: '/api/v1/operator/identity-links',
      ...json({ ...body, action: 'link' }),
    });
    expect(refused.statusCode).toBe(401);
    const linked = await h.app.inject({
      method: 'POST',
      url: '/api/v1/operator/identity-links',
      ...json({ ...body, action: 'link' }),
      headers: { ...operator, 'content-type': 'application/json' },
    });
    expect(linked.statusCode).toBe(201);
    expect(linked.json()).toMatchObject({ type: 'identity_link' });
    expect(linked.body).not.toContain('example.org');
    expect((await me(await emailSession('cy@example.org'))).identities).toHaveLength(2);
    const unlinked = await h.app.inject({
      method: 'POST',
      url: '/api/v1/operator/identity-links',
      ...json({ ...body, action: 'unlink' }),
      headers: { ...operator, 'content-type': 'application/json' },
    });
    expect(unlinked.statusCode).toBe(201);
    expect((await me(await emailSession('cy@example.org'))).identities).toHaveLength(1);
  });

  it('refuses a platform name with a NUL, which would make two accounts one subject', async () => {
    const operator = { authorization: 'Bearer operator-token-for-tests' };
    const refused = await h.app.inject({
      method: 'POST',
      url: '/api/v1/operator/identity-links',
      ...json({
        email: 'dee@example.org',
        platform: 'exa\u0000mple',
        account: 'dee',
        action: 'link',
      }),
      headers: { ...operator, 'content-type': 'application/json' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('REQUEST_INVALID');
    // Nothing was linked: the address still names only itself.
    expect((await me(await emailSession('dee@example.org'))).identities).toHaveLength(1);
  });
});
