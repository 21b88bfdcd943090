import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinkToken, loadPlatformKeys } from '../../src/identity/index.js';
import { runCli } from '../support/cli.js';
import { runCliInProcess } from '../support/cli-in-process.js';

// Commands run in this process (test/support/cli-in-process.ts, issue 13) but for `init` and one
// refusal (exit code 1), which go through a real `obhut` process.
describe('obhut platform add and token mint', () => {
  let cwd: string;
  let home: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'obhut-platform-'));
    home = path.join(cwd, 'home');
    env = { OBHUT_HOME: home };
    expect((await runCli(['init'], { cwd, env })).code).toBe(0);
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('adds an HS256 platform whose tokens token mint signs and the portal accepts', async () => {
    const added = await runCliInProcess(['platform', 'add', 'shop', '--hmac', '--json'], {
      cwd,
      env,
    });
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ platform: 'shop', algorithm: 'HS256' });
    const minted = await runCliInProcess(
      ['token', 'mint', '--platform', 'shop', '--account', 'u1'],
      {
        cwd,
        env,
      },
    );
    expect(minted.code, minted.stderr).toBe(0);
    const keys = loadPlatformKeys(home, () => undefined);
    const check = await checkLinkToken(minted.stdout.trim(), (p) => keys.get(p));
    expect(check).toMatchObject({ ok: true, claims: { platform: 'shop', account: 'u1' } });
    const again = await runCli(['platform', 'add', 'shop', '--hmac'], { cwd, env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already in');
  });

  it('adds an EdDSA platform from a PEM public key, which token mint cannot sign for', async () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const pem = path.join(cwd, 'social.pem');
    await writeFile(pem, publicKey.export({ format: 'pem', type: 'spki' }));
    const added = await runCliInProcess(
      ['platform', 'add', 'social', '--ed25519-public-key', pem],
      {
        cwd,
        env,
      },
    );
    expect(added.code, added.stderr).toBe(0);
    const file = JSON.parse(await readFile(path.join(home, 'platforms.json'), 'utf8'));
    expect(file.platforms.at(-1)).toEqual({
      name: 'social',
      ed25519_public_key: Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString(
        'base64',
      ),
    });
    const minted = await runCliInProcess(
      ['token', 'mint', '--platform', 'social', '--account', 'u1'],
      {
        cwd,
        env,
      },
    );
    expect(minted.code).toBe(1);
    expect(minted.stderr).toContain('signs its own Ed25519 tokens');
  });

  it('refuses a bad name, both key kinds at once, and a file that is no Ed25519 key', async () => {
    const bad = await runCliInProcess(['platform', 'add', 'Bad Name', '--hmac'], { cwd, env });
    expect(bad.stderr).toContain('[USAGE]');
    const both = await runCliInProcess(
      ['platform', 'add', 'x', '--hmac', '--ed25519-public-key', 'f'],
      {
        cwd,
        env,
      },
    );
    expect(both.stderr).toContain('exactly one of');
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ec = path.join(cwd, 'ec.pem');
    await writeFile(ec, publicKey.export({ format: 'pem', type: 'spki' }));
    const notEd = await runCliInProcess(['platform', 'add', 'ecplat', '--ed25519-public-key', ec], {
      cwd,
      env,
    });
    expect(notEd.stderr).toContain('not an Ed25519 public key');
    // Nothing half-written: the file still parses and lists what was added before.
    expect([...loadPlatformKeys(home, () => undefined).keys()]).toEqual([
      'example',
      'shop',
      'social',
    ]);
  });
});
