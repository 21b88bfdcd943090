import path from 'node:path';
import { ObhutError } from '../errors/index.js';
import { parseQuarantineKey } from '../safety/quarantine-key.js';
import { CONFIG_SCHEMA, type Settings } from './config-schema.js';

// The one module that reads the environment (the launcher bin/obhut.js aside). Everything
// else receives what it needs from here, through runtime/compose.ts.

export { MIN_SECRET_BYTES, type Settings } from './config-schema.js';

/**
 * Parses every OBHUT_* variable of `env` (config-schema.ts); an empty value counts as unset.
 * Returns a frozen object; throws CONFIG_INVALID naming each invalid variable.
 */
export function parseSettings(env: NodeJS.ProcessEnv): Settings {
  const settings: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, variable] of Object.entries(CONFIG_SCHEMA)) {
    const issues: string[] = [];
    settings[name] = variable.read(env[name] || undefined, issues);
    for (const issue of issues) problems.push(`${name} ${issue}`);
  }
  if (problems.length > 0) throw new ObhutError('CONFIG_INVALID', problems.join('; '));
  return Object.freeze(settings as Settings);
}

let fromProcess: Settings | undefined;

/** This process's settings, parsed from its environment on first use. */
export function loadSettings(): Settings {
  fromProcess ??= parseSettings(process.env);
  return fromProcess;
}

/**
 * Forgets the settings parsed by `loadSettings`, so that the next call reads the environment
 * again. A process runs one command, so only tests that run several commands in one process with
 * different variables need it (test/support/cli-in-process.ts).
 */
export function forgetLoadedSettings(): void {
  fromProcess = undefined;
}

/**
 * A variable whose name a file gives rather than Obhut: a policy's `redact.key_env`, a
 * platform's `hmac_key_env` in platforms.json. Empty counts as unset.
 */
export function namedVariable(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  return env[name] || undefined;
}

/** What a session needs: where the home and register are, and the keys given as variables. */
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

/** A session's configuration from parsed settings; the home is resolved against `cwd`. */
export function homeConfig(settings: Settings, cwd = process.cwd()): Config {
  return Object.freeze({
    home: path.resolve(cwd, settings.OBHUT_HOME),
    databaseUrl: settings.OBHUT_DATABASE_URL,
    secret:
      settings.OBHUT_SECRET === undefined ? undefined : Buffer.from(settings.OBHUT_SECRET, 'utf8'),
    logOrigin: settings.OBHUT_LOG_ORIGIN ?? DEFAULT_LOG_ORIGIN,
    logOriginFromEnv: settings.OBHUT_LOG_ORIGIN !== undefined,
    logKey: settings.OBHUT_LOG_KEY,
    quarantineKey:
      settings.OBHUT_QUARANTINE_KEY === undefined
        ? undefined
        : parseQuarantineKey(settings.OBHUT_QUARANTINE_KEY, 'OBHUT_QUARANTINE_KEY'),
  });
}

/** A session's configuration from `env` (this process's environment unless given). */
export function readConfig(env?: NodeJS.ProcessEnv, cwd = process.cwd()): Config {
  return homeConfig(env === undefined ? loadSettings() : parseSettings(env), cwd);
}
