import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordConsentEvent } from '../../../src/consent/index.js';
import type { PlatformKey } from '../../../src/identity/index.js';
import { mintPlatformToken } from '../../../src/identity/index.js';
import { parseModelRef, registerModel } from '../../../src/lineage/index.js';
import { buildServer } from '../../../src/server/app.js';
import { type Workspace, workspace } from '../../support/fixtures.js';

describe('GET /api/v1/me/models', () => {
  let ws: Workspace;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let buildIds: string[];
  const key: PlatformKey = { kind: 'hmac', secret: randomBytes(32) };

  beforeAll(async () => {
    ws = await workspace('sqlite');
    const item = (id: string, account: string) => ({
      id,
      kind: 'text',
      text: 'Hallo',
      subject: { platform: 'example', account },
    });
    const first = await ws.build([
      await ws.write('a.jsonl', [item('a1', 'alice'), item('b1', 'bob')]),
    ]);
    const second = await ws.build([await ws.write('b.jsonl', [item('c1', 'carol')])]);
    buildIds = [first.buildId, second.buildId];
    const deps = { builds: ws.store, models: ws.store, writer: ws.log.writer };
    await registerModel(deps, {
      model: parseModelRef('acme/chat@1'),
      buildIds: [first.buildId],
      at: new Date('2026-03-01T00:00:00Z'),
    });
    await registerModel(deps, {
      model: parseModelRef('acme/vision@2'),
      buildIds: [second.buildId],
      at: new Date('2026-03-01T00:00:00Z'),
    });
    // Bob objects after the model was registered.
    await recordConsentEvent(ws.log, ws.secret, {
      who: { platform: 'example', account: 'bob' },
      purpose: 'ai_training',
      action: 'object',
      channel: 'portal',
      at: '2026-04-01T00:00:00Z',
    });
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

  async function modelsOf(account: string) {
    const token = mintPlatformToken({ platform: 'example', account }, key);
    const session = (
      await app.inject({ method: 'POST', url: '/api/v1/session/platform', payload: { token } })
    ).json().session;
    const r = await app.inject({
      url: '/api/v1/me/models',
      headers: { authorization: `Bearer ${session}` },
    });
    expect(r.statusCode).toBe(200);
    return r.json().models;
  }

  it('shows only the models trained on builds that held the person, and that their objection came after', async () => {
    expect(await modelsOf('bob')).toEqual([
      {
        name: 'acme/chat',
        version: '1',
        registered_at: '2026-03-01T00:00:00.000Z',
        builds: [{ build_id: buildIds[0], purpose: 'ai_training' }],
        decisions: [
          {
            purpose: 'ai_training',
            state: 'objected',
            at: '2026-04-01T00:00:00Z',
            after_model: true,
          },
        ],
      },
    ]);
    const [alice] = await modelsOf('alice');
    expect(alice).toMatchObject({
      name: 'acme/chat',
      decisions: [{ purpose: 'ai_training', state: 'none', at: null, after_model: false }],
    });
    expect((await modelsOf('carol')).map((m: { name: string }) => m.name)).toEqual(['acme/vision']);
    expect(await modelsOf('dave')).toEqual([]);
  });

  it('answers 401 without a session', async () => {
    expect((await app.inject({ url: '/api/v1/me/models' })).statusCode).toBe(401);
  });
});
