import path from 'node:path';
import { ObhutError } from '../errors/index.js';
import { parseQuarantineKey } from '../safety/quarantine.js';

/** Everything Obhut reads from the environment, read in one place. */
export interface Config {
  /** The home folder: SQLite database, generated secret. */
  readonly home: string;
  /** A postgres:// URL when the registry lives in PostgreSQL instead of the home folder. */
  readonly databaseUrl: string | undefined;
  /** The pseudonym key from OBHUT_SECRET, when set; otherwise it lives in the home folder. */
  readonly secret: Buffer | undefined;
  /** The log's origin line and key name (OBHUT_LOG_ORIGIN). */
  readonly logOrigin: string;
  /**
   * Whether OBHUT_LOG_ORIGIN was set. Only then must an existing log key carry that origin;
   * otherwise the key's own name is the origin, so a home works without repeating it.
   */
  readonly logOriginFromEnv?: boolean;
  /** The log's signing key in `PRIVATE+KEY+…` form, when given by OBHUT_LOG_KEY. */
  readonly logKey: string | undefined;
  /** The quarantine key from OBHUT_QUARANTINE_KEY (64 hex digits); otherwise a home-folder file. */
  readonly quarantineKey?: Buffer | undefined;
}

export const DEFAULT_LOG_ORIGIN = 'obhut.local/log';

export const MIN_SECRET_BYTES = 16;

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const databaseUrl = env.OBHUT_DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ObhutError(
      'CONFIG_INVALID',
      'OBHUT_DATABASE_URL must start with postgres:// or postgresql://',
    );
  }
  let secret: Buffer | undefined;
  if (env.OBHUT_SECRET) {
    secret = Buffer.from(env.OBHUT_SECRET, 'utf8');
    if (secret.length < MIN_SECRET_BYTES) {
      throw new ObhutError(
        'CONFIG_INVALID',
        `OBHUT_SECRET must be at least ${MIN_SECRET_BYTES} bytes long`,
      );
    }
  }
  const logOrigin = env.OBHUT_LOG_ORIGIN || DEFAULT_LOG_ORIGIN;
  // Key names may not contain spaces or '+' (C2SP signed-note); checked here, not at first signing.
  if (!/^[^\s+]+$/u.test(logOrigin)) {
    throw new ObhutError(
      'CONFIG_INVALID',
      'OBHUT_LOG_ORIGIN must be one word without spaces or "+"',
    );
  }
  return {
    home: path.resolve(cwd, env.OBHUT_HOME || '.obhut'),
    databaseUrl,
    secret,
    logOrigin,
    logOriginFromEnv: Boolean(env.OBHUT_LOG_ORIGIN),
    logKey: env.OBHUT_LOG_KEY || undefined,
    quarantineKey: env.OBHUT_QUARANTINE_KEY
      ? parseQuarantineKey(env.OBHUT_QUARANTINE_KEY, 'OBHUT_QUARANTINE_KEY')
      : undefined,
  };
}
