import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { consentEntry } from '../consent/consent-entry.js';
import { PLATFORMS_FILE } from '../identity/platforms.js';
import { generateNoteKey, TransparencyLog } from '../log/index.js';
import { generateQuarantineKey, QUARANTINE_KEY_FILE } from '../safety/quarantine.js';
import { openPostgresStore, openSqliteStore, type Store } from '../store/index.js';
import type { Config } from './config.js';
import {
  checkLogKey,
  checkSecretMatches,
  DATABASE_FILE,
  databaseFile,
  LOG_KEY_FILE,
  readSecret,
  SECRET_FILE,
} from './session-checks.js';

export { readSecret } from './session-checks.js';

export interface Session {
  readonly store: Store;
  readonly log: TransparencyLog;
  /** Key for subject pseudonyms. */
  readonly secret: Buffer;
  readonly config: Config;
}

/** Creates the home folder, the secret (unless OBHUT_SECRET is set) and the database. Safe to repeat. */
export async function initHome(config: Config): Promise<{ created: string[] }> {
  const created: string[] = [];
  await mkdir(config.home, { recursive: true, mode: 0o700 });
  const secretPath = path.join(config.home, SECRET_FILE);
  if (!config.secret && !existsSync(secretPath)) {
    // 'wx' so two concurrent inits cannot each write a different key.
    await writeFile(secretPath, `${randomBytes(32).toString('hex')}\n`, {
      mode: 0o600,
      flag: 'wx',
    });
    created.push(secretPath);
  }
  if (!config.databaseUrl && !existsSync(path.join(config.home, DATABASE_FILE))) {
    created.push(path.join(config.home, DATABASE_FILE));
  }
  const logKeyPath = path.join(config.home, LOG_KEY_FILE);
  if (!config.logKey && !existsSync(logKeyPath)) {
    await writeFile(logKeyPath, `${generateNoteKey(config.logOrigin).signerKey}\n`, {
      mode: 0o600,
      flag: 'wx',
    });
    created.push(logKeyPath);
  }
  // The key of the encrypted quarantine for files that match a hash bank.
  const quarantineKeyPath = path.join(config.home, QUARANTINE_KEY_FILE);
  if (!config.quarantineKey && !existsSync(quarantineKeyPath)) {
    await writeFile(quarantineKeyPath, `${generateQuarantineKey()}\n`, { mode: 0o600, flag: 'wx' });
    created.push(quarantineKeyPath);
  }
  created.push(...(await initPlatforms(config.home)));
  const secret = config.secret ?? (await readSecret(config.home));
  const store = await openStore(config, true);
  try {
    await checkSecretMatches(store, secret, true);
    const log = await openLog(store, config, true);
    // The first checkpoint (size 0) exists from the start, so builds and receipts always have one.
    await log.writer.ensureCheckpoint();
    await log.writer.logEarlierEvents(consentEntry);
  } finally {
    await store.close();
  }
  return { created };
}

/**
 * A first platform, `example`, with an HMAC key file, so `obhut token mint` and the portal work
 * at once after init. Replace it with the real platforms' keys before going live.
 */
async function initPlatforms(home: string): Promise<string[]> {
  const file = path.join(home, PLATFORMS_FILE);
  if (existsSync(file)) return [];
  const keyFile = 'platform-example.key';
  await writeFile(path.join(home, keyFile), `${randomBytes(32).toString('hex')}\n`, {
    mode: 0o600,
    flag: 'wx',
  });
  const platforms = { platforms: [{ name: 'example', hmac_key_file: keyFile }] };
  await writeFile(file, `${JSON.stringify(platforms, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return [file, path.join(home, keyFile)];
}

/** Opens the store and loads the secret; fails clearly when `obhut init` has not been run. */
export async function openSession(config: Config): Promise<Session> {
  const secret = config.secret ?? (await readSecret(config.home));
  const store = await openStore(config);
  try {
    await checkSecretMatches(store, secret, false);
    const log = await openLog(store, config, false);
    return { store, log, secret, config };
  } catch (err) {
    await store.close();
    throw err;
  }
}

/** The transparency log over `store`, with the signing key `checkLogKey` accepts. */
async function openLog(store: Store, config: Config, init: boolean): Promise<TransparencyLog> {
  return new TransparencyLog(store, await checkLogKey(store, config, init));
}

/** Opens the register the configuration points at (PostgreSQL, or SQLite in the home folder). */
export async function openStore(
  config: Pick<Config, 'home' | 'databaseUrl'>,
  create = false,
): Promise<Store> {
  return config.databaseUrl
    ? await openPostgresStore(config.databaseUrl)
    : await openSqliteStore(await databaseFile(config.home, create));
}
