import path from 'node:path';
import { ObhutError } from '../errors/index.js';

/** Everything Obhut reads from the environment, read in one place. */
export interface Config {
  /** The home folder: SQLite database, generated secret. */
  readonly home: string;
  /** A postgres:// URL when the registry lives in PostgreSQL instead of the home folder. */
  readonly databaseUrl: string | undefined;
  /** The pseudonym key from OBHUT_SECRET, when set; otherwise it lives in the home folder. */
  readonly secret: Buffer | undefined;
}

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
  return { home: path.resolve(cwd, env.OBHUT_HOME || '.obhut'), databaseUrl, secret };
}
