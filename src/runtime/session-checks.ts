import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ObhutError } from '../errors/index.js';
import { type NoteSigner, parseSignerKey } from '../log/note.js';
import type { MetaStore } from '../store/meta.js';
import { type Config, MIN_SECRET_BYTES } from './config.js';

// What opening a session checks, apart from the store it opens: home.ts's full session and
// read-session.ts's reader for `obhut consent status` run the same checks in the same order, so
// both fail alike. Nothing here loads Kysely or the log beyond its key format.

export const SECRET_FILE = 'secret.key';
export const DATABASE_FILE = 'obhut.db';
export const LOG_KEY_FILE = 'log.key';
const SECRET_FINGERPRINT = 'secret_fingerprint';
const LOG_VERIFIER_KEY = 'log_verifier_key';

/** The register's settings a session checks; `initMeta` only when `init`. */
type MetaReads = Pick<MetaStore, 'getMeta'> & Partial<Pick<MetaStore, 'initMeta'>>;

export async function databaseFile(home: string, create: boolean): Promise<string> {
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
export async function checkSecretMatches(
  store: MetaReads,
  secret: Buffer,
  init: boolean,
): Promise<void> {
  const fingerprint = createHmac('sha256', secret)
    .update('obhut secret fingerprint v1')
    .digest('hex');
  const stored = init
    ? await store.initMeta!(SECRET_FINGERPRINT, fingerprint)
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

/**
 * Loads the log's signing key and checks it is the key this register's log was started with:
 * checkpoints signed by another key would not verify for anyone holding the published one.
 */
export async function checkLogKey(
  store: MetaReads,
  config: Config,
  init: boolean,
): Promise<NoteSigner> {
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
    ? await store.initMeta!(LOG_VERIFIER_KEY, signer.vkey)
    : await store.getMeta(LOG_VERIFIER_KEY);
  if (stored !== signer.vkey) {
    throw new ObhutError(
      'CONFIG_INVALID',
      stored === undefined
        ? 'this register has no transparency log yet; run `obhut init`'
        : `the log key differs from the one this register's log was started with (${stored})`,
    );
  }
  return signer;
}
