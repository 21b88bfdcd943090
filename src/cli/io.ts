import { type Config, readConfig } from '../runtime/config.js';
import type { Session } from '../runtime/home.js';
import type { ReadSession } from '../runtime/read-session.js';
import { jsonText } from './output.js';

/** Prints `data` as JSON with snake_case keys with --json, otherwise the human text. */
export function print(json: boolean | undefined, data: unknown, human: () => string): void {
  process.stdout.write(json ? jsonText(data) : `${human()}\n`);
}

/** Runs `fn` with an open session and always closes the store. */
export async function withSession<T>(
  fn: (session: Session) => Promise<T>,
  config: Config = readConfig(),
): Promise<T> {
  const { openSession } = await import('../runtime/home.js');
  const session = await openSession(config);
  try {
    return await fn(session);
  } finally {
    await session.store.close();
  }
}

/**
 * Runs `fn` with a session that only reads a subject's consent state (runtime/read-session.ts),
 * and always closes it. Loads far less than `withSession` on an up-to-date SQLite register.
 */
export async function withReadSession<T>(
  fn: (session: ReadSession) => Promise<T>,
  config: Config = readConfig(),
): Promise<T> {
  const { openReadSession } = await import('../runtime/read-session.js');
  const session = await openReadSession(config);
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}
