import { createHmac, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ObhutError } from '../errors/index.js';
import { openPostgresStore, openSqliteStore, type Store } from '../store/index.js';
import type { Config } from './config.js';

const SECRET_FILE = 'secret.key';
const DATABASE_FILE = 'obhut.db';
const SECRET_FINGERPRINT = 'secret_fingerprint';

export interface Session {
  readonly store: Store;
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
  const session = await openSession(config);
  await session.store.close();
  return { created };
}

/** Opens the store and loads the secret; fails clearly when `obhut init` has not been run. */
export async function openSession(config: Config): Promise<Session> {
  const secret = config.secret ?? (await readSecret(config.home));
  const store = await openStore(config);
  try {
    await checkSecretMatches(store, secret);
  } catch (err) {
    await store.close();
    throw err;
  }
  return { store, secret, config };
}

/** Opens the register the configuration points at (PostgreSQL, or SQLite in the home folder). */
export async function openStore(config: Pick<Config, 'home' | 'databaseUrl'>): Promise<Store> {
  return config.databaseUrl
    ? await openPostgresStore(config.databaseUrl)
    : await openSqliteStore(await databaseFile(config.home));
}

async function databaseFile(home: string): Promise<string> {
  if (!existsSync(home)) {
    throw new ObhutError(
      'HOME_NOT_INITIALISED',
      `no Obhut home at ${home}; run \`obhut init\` first`,
    );
  }
  return path.join(home, DATABASE_FILE);
}

async function readSecret(home: string): Promise<Buffer> {
  const file = path.join(home, SECRET_FILE);
  if (!existsSync(file)) {
    throw new ObhutError(
      'HOME_NOT_INITIALISED',
      `no pseudonym secret at ${file}; run \`obhut init\` or set OBHUT_SECRET`,
    );
  }
  return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
}

/**
 * Pseudonyms made with another key would never match the stored ones, so every objection
 * would silently stop applying. The database remembers a fingerprint of its key to prevent that.
 */
async function checkSecretMatches(store: Store, secret: Buffer): Promise<void> {
  const fingerprint = createHmac('sha256', secret)
    .update('obhut secret fingerprint v1')
    .digest('hex');
  const stored = await store.initMeta(SECRET_FINGERPRINT, fingerprint);
  if (stored !== fingerprint) {
    throw new ObhutError(
      'CONFIG_INVALID',
      'the pseudonym secret differs from the one this database was created with (check OBHUT_SECRET and the home folder)',
    );
  }
}
