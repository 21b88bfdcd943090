import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ObhutError } from '../errors/index.js';
import { ed25519PublicKey, type PlatformKey } from './platform-token.js';

/**
 * Which platforms may send people to the portal, and with which key. Read from
 * `<home>/platforms.json`; HMAC secrets come from a key file beside it or from the variable
 * it names (looked up by `variable`), never from the JSON itself.
 */
const platformsFile = z.strictObject({
  platforms: z.array(
    z.strictObject({
      name: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/),
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
