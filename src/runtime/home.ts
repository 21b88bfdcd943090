import { createHmac, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { consentEntry } from '../consent/consent-entry.js';
import { ObhutError } from '../errors/index.js';
import { PLATFORMS_FILE } from '../identity/platforms.js';
import { generateNoteKey, type NoteSigner, parseSignerKey, TransparencyLog } from '../log/index.js';
import { generateQuarantineKey, QUARANTINE_KEY_FILE } from '../safety/quarantine.js';
import { openPostgresStore, openSqliteStore, type Store } from '../store/index.js';
import { type Config, MIN_SECRET_BYTES } from './config.js';

const SECRET_FILE = 'secret.key';
const DATABASE_FILE = 'obhut.db';
const SECRET_FINGERPRINT = 'secret_fingerprint';
const LOG_KEY_FILE = 'log.key';
const LOG_VERIFIER_KEY = 'log_verifier_key';

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

/**
 * Loads the log's signing key and checks it is the key this register's log was started with:
 * checkpoints signed by another key would not verify for anyone holding the published one.
 */
async function openLog(store: Store, config: Config, init: boolean): Promise<TransparencyLog> {
  const file = path.join(config.home, LOG_KEY_FILE);
  let text = config.logKey;
  if (!text) {
    if (!existsSync(file)) {
      throw new ObhutError(
        'HOME_NOT_INITIALISED',
        `no log key at ${file}; run \`obhut init\` or set OBHUT_LOG_KEY`,
      );
    }
    text = (await readFile(file, 'utf8')).trim();
  }
  let signer: NoteSigner;
  try {
    signer = parseSignerKey(text);
  } catch (err) {
    throw new ObhutError('CONFIG_INVALID', `the log key is invalid: ${(err as Error).message}`);
  }
  if (config.logOriginFromEnv && signer.name !== config.logOrigin) {
    throw new ObhutError(
      'CONFIG_INVALID',
      `the log key is for origin ${signer.name}, but OBHUT_LOG_ORIGIN is ${config.logOrigin}`,
    );
  }
  const stored = init
    ? await store.initMeta(LOG_VERIFIER_KEY, signer.vkey)
    : await store.getMeta(LOG_VERIFIER_KEY);
  if (stored !== signer.vkey) {
    throw new ObhutError(
      'CONFIG_INVALID',
      stored === undefined
        ? 'this register has no transparency log yet; run `obhut init`'
        : `the log key differs from the one this register's log was started with (${stored})`,
    );
  }
  return new TransparencyLog(store, signer);
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

async function databaseFile(home: string, create: boolean): Promise<string> {
  const file = path.join(home, DATABASE_FILE);
  // Only `obhut init` creates a register: a build against a new, empty one would admit everyone.
  if (!existsSync(home) || (!create && !existsSync(file))) {
    throw new ObhutError(
      'HOME_NOT_INITIALISED',
      `no Obhut home at ${home}; run \`obhut init\` first`,
    );
  }
  return file;
}

export async function readSecret(home: string): Promise<Buffer> {
  const file = path.join(home, SECRET_FILE);
  if (!existsSync(file)) {
    throw new ObhutError(
      'HOME_NOT_INITIALISED',
      `no pseudonym secret at ${file}; run \`obhut init\` or set OBHUT_SECRET`,
    );
  }
  // The key is the file's text as UTF-8, exactly as OBHUT_SECRET is read, so the file's
  // content can be copied into OBHUT_SECRET on another machine.
  const secret = Buffer.from((await readFile(file, 'utf8')).trim(), 'utf8');
  if (secret.length < MIN_SECRET_BYTES) {
    throw new ObhutError(
      'CONFIG_INVALID',
      `the pseudonym secret in ${file} is shorter than ${MIN_SECRET_BYTES} bytes`,
    );
  }
  return secret;
}

/**
 * Pseudonyms made with another key would never match the stored ones, so every objection
 * would silently stop applying. The database remembers a fingerprint of its key to prevent that.
 */
async function checkSecretMatches(store: Store, secret: Buffer, init: boolean): Promise<void> {
  const fingerprint = createHmac('sha256', secret)
    .update('obhut secret fingerprint v1')
    .digest('hex');
  const stored = init
    ? await store.initMeta(SECRET_FINGERPRINT, fingerprint)
    : await store.getMeta(SECRET_FINGERPRINT);
  if (stored === undefined) {
    // A database (e.g. OBHUT_DATABASE_URL) that `obhut init` never prepared holds no register.
    throw new ObhutError(
      'HOME_NOT_INITIALISED',
      'this database was never initialised; run `obhut init` first',
    );
  }
  if (stored !== fingerprint) {
    throw new ObhutError(
      'CONFIG_INVALID',
      'the pseudonym secret differs from the one this database was created with (check OBHUT_SECRET and the home folder)',
    );
  }
}
