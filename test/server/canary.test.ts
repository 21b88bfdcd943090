import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, loadPlatformKeys } from '../../src/identity/index.js';
import { readConfig } from '../../src/runtime/config.js';
import { initHome, openSession, type Session } from '../../src/runtime/home.js';
import { buildServer } from '../../src/server/app.js';
import { runCli } from '../support/cli.js';

describe('obhut canary', () => {
  let home: string;
  let session: Session;
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'obhut-canary-'));
    const config = readConfig({ OBHUT_HOME: home }, home);
    await initHome(config);
    session = await openSession(config);
    app = await buildServer({
      session,
      platforms: loadPlatformKeys(home),
      mailer: createMailer({ from: 'x@obhut.local', outbox: path.join(home, 'outbox') }),
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await rm(home, { recursive: true, force: true });
  });

  const canary = (...args: string[]) =>
    runCli(['canary', '--url', base, ...args], { cwd: home, env: { OBHUT_HOME: home } });

  it('goes through the whole public flow and says so', async () => {
    const r = await canary('--key', session.log.verifierKey, '--json');
    expect(r.code, r.stderr).toBe(0);
    const { ok, steps } = JSON.parse(r.stdout);
    expect(ok).toBe(true);
    expect(steps.map((s: { step: string }) => s.step)).toEqual([
      'portal page',
      'configuration',
      'sign in with a platform link',
      'object to AI training',
      'verify the receipt offline',
      'the status page shows it',
      'the log stays consistent',
      'revoke the synthetic objection',
    ]);
  });

  it('fails loudly when the server names a log key other than the trusted one', async () => {
    const r = await canary(
      '--key',
      'obhut.local/log+00000000+AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[CANARY_FAILED]');
  });

  it('exits 2 naming the step when objections stop being recorded', async () => {
    // A register that has gone away: pages still load, but no objection can be stored.
    await session.store.close();
    const r = await canary();
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('FAIL object to AI training');
    expect(r.stderr).toContain('step "object to AI training" failed');
  });
});
