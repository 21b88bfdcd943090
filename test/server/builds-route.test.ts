import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySubjectsProof } from '../../src/gate/verify-subjects-proof.js';
import type { PlatformKey } from '../../src/identity/index.js';
import { mintLinkToken } from '../../src/identity/index.js';
import { parseVerifierKey } from '../../src/log/index.js';
import { buildServer } from '../../src/server/app.js';
import { type Workspace, workspace } from '../support/fixtures.js';

describe('GET /api/v1/me/builds', () => {
  let ws: Workspace;
  let app: Awaited<ReturnType<typeof buildServer>>;
  const key: PlatformKey = { kind: 'hmac', secret: randomBytes(32) };

  beforeAll(async () => {
    ws = await workspace('sqlite');
    await ws.importEvents([
      {
        platform: 'example',
        account: 'bob',
        purpose: 'ai_training',
        action: 'object',
        at: '2025-05-01T00:00:00Z',
        channel: 'portal',
      },
    ]);
    const item = (id: string, account: string) => ({
      id,
      kind: 'text',
      text: 'Hallo',
      subject: { platform: 'example', account },
    });
    const input = await ws.write('items.jsonl', [
      item('a1', 'alice'),
      item('b1', 'bob'),
      item('c1', 'carol'),
    ]);
    const result = await ws.build([input]);
    expect(result.manifest.counts).toMatchObject({ admitted: 2 });
    app = await buildServer({
      session: { store: ws.store, log: ws.log, secret: ws.secret },
      platforms: new Map([['example', key]]),
      mailer: { describe: 'none', send: async () => {} },
      limits: { signInPerMinute: 100 },
    });
  });
  afterAll(async () => {
    await app.close();
    await ws.close();
  });

  async function buildsOf(account: string) {
    const token = await mintLinkToken({ platform: 'example', account }, key);
    const session = (
      await app.inject({ method: 'POST', url: '/api/v1/session/platform', payload: { token } })
    ).json().session;
    const r = await app.inject({
      url: '/api/v1/me/builds',
      headers: { authorization: `Bearer ${session}` },
    });
    expect(r.statusCode).toBe(200);
    return r.json().builds;
  }

  it('shows an objector the build that left them out, with a proof that checks out offline', async () => {
    const [build] = await buildsOf('bob');
    expect(build).toMatchObject({
      status: 'left_out',
      after_objection: true,
      purpose: 'ai_training',
    });
    const check = verifySubjectsProof(build.proof, parseVerifierKey(ws.log.verifierKey));
    expect(check.ok, JSON.stringify(check.steps)).toBe(true);
    expect(build.proof.member).toBe(false);
  });

  it('shows someone whose items went in that they were included, also with a proof', async () => {
    const [build] = await buildsOf('alice');
    expect(build).toMatchObject({ status: 'included', after_objection: false });
    expect(verifySubjectsProof(build.proof, parseVerifierKey(ws.log.verifierKey)).ok).toBe(true);
    expect(build.proof.member).toBe(true);
  });

  it('gives a proof that fails once its claim is turned around', async () => {
    const [build] = await buildsOf('bob');
    const forged = { ...build.proof, member: true };
    expect(verifySubjectsProof(forged, parseVerifierKey(ws.log.verifierKey)).ok).toBe(false);
  });
});
