import { createPublicKey, type KeyObject, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { ObhutError } from '../errors/index.js';
import { lockWithin, releaseLock } from '../io/sibling-files.js';
import { ed25519PublicKey, type PlatformKey } from './platform-token.js';

const platformName = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/);

/**
 * Which platforms may send people to the portal, and with which key. Read from
 * `<home>/platforms.json`; HMAC secrets come from a key file beside it or from the variable
 * it names (looked up by `variable`), never from the JSON itself.
 */
const platformsFile = z.strictObject({
  platforms: z.array(
    z.strictObject({
      name: platformName,
      hmac_key_env: z.string().optional(),
      hmac_key_file: z.string().optional(),
      ed25519_public_key: z.string().optional(),
    }),
  ),
});

export const PLATFORMS_FILE = 'platforms.json';

export function loadPlatformKeys(
  home: string,
  variable: (name: string) => string | undefined,
): Map<string, PlatformKey> {
  const file = path.join(home, PLATFORMS_FILE);
  const keys = new Map<string, PlatformKey>();
  if (!existsSync(file)) return keys;
  let parsed: z.infer<typeof platformsFile>;
  try {
    parsed = platformsFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    throw new ObhutError('CONFIG_INVALID', `${file} is invalid: ${(err as Error).message}`);
  }
  for (const p of parsed.platforms) {
    const fail = (why: string) =>
      new ObhutError('CONFIG_INVALID', `platform ${p.name} in ${file}: ${why}`);
    const given = [p.hmac_key_env, p.hmac_key_file, p.ed25519_public_key].filter(
      (v) => v !== undefined,
    );
    if (given.length !== 1)
      throw fail('give exactly one of hmac_key_env, hmac_key_file, ed25519_public_key');
    if (p.ed25519_public_key) {
      try {
        keys.set(p.name, { kind: 'ed25519', publicKey: ed25519PublicKey(p.ed25519_public_key) });
      } catch (err) {
        throw fail((err as Error).message);
      }
      continue;
    }
    const text = p.hmac_key_env
      ? variable(p.hmac_key_env)
      : readKeyFile(path.resolve(home, p.hmac_key_file!));
    if (!text || Buffer.byteLength(text.trim()) < 32)
      throw fail('the HMAC key is missing or shorter than 32 bytes');
    keys.set(p.name, { kind: 'hmac', secret: Buffer.from(text.trim(), 'utf8') });
  }
  return keys;
}

function readKeyFile(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** What `obhut platform add` registers: a new HMAC key, or a platform's Ed25519 public key. */
export type NewPlatformKey =
  | { readonly kind: 'hmac' }
  | { readonly kind: 'ed25519'; readonly publicKeyText: string };

/**
 * Adds a platform to `<home>/platforms.json` (created when missing). An HMAC key is generated
 * into `platform-<name>.key` (0600) beside it; the platform gets that file's content through a
 * channel of the operator's choosing. The JSON is replaced by rename, so a reader never sees
 * half of it. Refuses a name that is there already.
 */
export async function addPlatform(
  home: string,
  name: string,
  key: NewPlatformKey,
): Promise<{ file: string; keyFile?: string }> {
  if (!platformName.safeParse(name).success)
    throw new ObhutError(
      'USAGE',
      `platform name "${name}" must be 1–64 of a-z 0-9 _ . - (first a letter or digit)`,
    );
  const file = path.join(home, PLATFORMS_FILE);
  // Read, add, replace: two of these at once would each add to the same old list and one
  // entry would be lost, so the whole change runs under a lock beside the file.
  const attempt = await lockWithin(file, LOCK_WAIT_MS);
  if (!attempt.locked)
    throw new ObhutError(
      'OUTPUT_LOCKED',
      `another process${attempt.holder === undefined ? '' : ` (${attempt.holder})`} is changing ${file}; try again`,
    );
  try {
    return await addPlatformLocked(home, file, name, key);
  } finally {
    releaseLock(attempt.lock);
  }
}

/** How long `platform add` waits for another one to finish. */
const LOCK_WAIT_MS = 10_000;

async function addPlatformLocked(
  home: string,
  file: string,
  name: string,
  key: NewPlatformKey,
): Promise<{ file: string; keyFile?: string }> {
  let current: z.infer<typeof platformsFile> = { platforms: [] };
  if (existsSync(file)) {
    try {
      current = platformsFile.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (err) {
      throw new ObhutError('CONFIG_INVALID', `${file} is invalid: ${(err as Error).message}`);
    }
  }
  if (current.platforms.some((p) => p.name === name))
    throw new ObhutError('USAGE', `platform ${name} is already in ${file}`);
  let entry: z.infer<typeof platformsFile>['platforms'][number];
  let keyFile: string | undefined;
  if (key.kind === 'ed25519') {
    entry = { name, ed25519_public_key: rawEd25519PublicKey(key.publicKeyText) };
  } else {
    const keyName = `platform-${name}.key`;
    keyFile = path.join(home, keyName);
    // 'wx': never overwrite a key a platform may already hold.
    await writeFile(keyFile, `${randomBytes(32).toString('hex')}\n`, {
      mode: 0o600,
      flag: 'wx',
    }).catch((err: NodeJS.ErrnoException) => {
      throw new ObhutError(
        'USAGE',
        err.code === 'EEXIST'
          ? `${keyFile} exists already; remove it or choose another name`
          : err.message,
      );
    });
    entry = { name, hmac_key_file: keyName };
  }
  const next = { platforms: [...current.platforms, entry] };
  const temp = `${file}.tmp-${randomBytes(6).toString('hex')}`;
  await writeFile(temp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  await rename(temp, file);
  return { file, ...(keyFile ? { keyFile } : {}) };
}

/**
 * A public key as a platform hands it over (PEM, a JWK, or the raw 32 bytes in base64), as the
 * raw 32 bytes in base64 that platforms.json holds.
 */
export function rawEd25519PublicKey(text: string): string {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    if (trimmed.startsWith('-----BEGIN')) key = createPublicKey(trimmed);
    else if (trimmed.startsWith('{'))
      key = createPublicKey({ key: JSON.parse(trimmed), format: 'jwk' });
    else key = ed25519PublicKey(trimmed);
  } catch (err) {
    throw new ObhutError(
      'USAGE',
      `not an Ed25519 public key (PEM, JWK or 32 bytes base64): ${(err as Error).message}`,
    );
  }
  if (key.type !== 'public' || key.asymmetricKeyType !== 'ed25519')
    throw new ObhutError('USAGE', 'the key is not an Ed25519 public key');
  const x = key.export({ format: 'jwk' }).x;
  return Buffer.from(x!, 'base64url').toString('base64');
}
