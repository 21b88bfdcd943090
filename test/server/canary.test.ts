import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../src/runtime/home.js';
import { runCli } from '../support/cli.js';
import { camelCaseKeys } from '../support/json-style.js';
import { type RunningServer, startServer } from '../support/server.js';

describe('obhut canary', () => {
  let server: RunningServer;
  let home: string;
  let session: Session;
  let base: string;

  beforeAll(async () => {
    server = await startServer();
    ({ home, session, base } = server);
  });
  afterAll(async () => {
    await server.close();
  });

  const canary = (...args: string[]) =>
    runCli(['canary', '--url', base, ...args], { cwd: home, env: { OBHUT_HOME: home } });

  it('goes through the whole public flow and says so', async () => {
    const r = await canary('--key', session.log.verifierKey, '--json');
    expect(r.code, r.stderr).toBe(0);
    const output = JSON.parse(r.stdout);
    expect(camelCaseKeys(output)).toEqual([]);
    const { ok, steps } = output;
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
    // A register that no longer takes log entries: pages load and sign-in works (it only
    // notes the link token as used), but no objection can be stored.
    session.store.integrate = async () => {
      throw new Error('the register is read-only');
    };
    const r = await canary();
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('FAIL object to AI training');
    expect(r.stderr).toContain('step "object to AI training" failed');
  });
});
