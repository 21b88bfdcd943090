import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlatformKeys, mintPlatformToken } from '../../src/identity/index.js';
import { decodeEntry, describeEntry } from '../../src/log/index.js';
import { namedVariable } from '../../src/runtime/config.js';
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
    // Both of the canary's decisions are in the public log marked as synthetic.
    const size = (await session.log.reader.checkpoint()).size;
    const entries = [];
    for (let i = 0; i < size; i++) {
      const decoded = decodeEntry(await session.log.reader.entry(i));
      if (decoded.ok && decoded.entry.type === 'consent_event') entries.push(decoded.entry);
    }
    expect(entries.map((e) => [e.action, e.channel])).toEqual([
      ['object', 'canary'],
      ['revoke_objection', 'canary'],
    ]);
    expect(describeEntry(entries[0]!)).toMatch(/^Synthetic: obhut canary's test person/);
  });

  it('marks only the reserved canary accounts: a person signing in by platform link is "portal"', async () => {
    const token = mintPlatformToken(
      { platform: 'example', account: 'a-person' },
      loadPlatformKeys(home, namedVariable).get('example')!,
    );
    const signIn = await fetch(`${base}/api/v1/session/platform`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    const { session: bearer } = (await signIn.json()) as { session: string };
    const res = await fetch(`${base}/api/v1/me/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ purpose: 'ai_training', action: 'object' }),
    });
    expect(res.status).toBe(201);
    const { receipt } = (await res.json()) as { receipt: { entry: string } };
    const decoded = decodeEntry(Buffer.from(receipt.entry, 'base64'));
    expect(decoded.ok && decoded.entry.type === 'consent_event' && decoded.entry.channel).toBe(
      'portal',
    );
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
