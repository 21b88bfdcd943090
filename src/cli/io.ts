import { type Config, readConfig } from '../runtime/config.js';
import { openSession, type Session } from '../runtime/home.js';
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
  const session = await openSession(config);
  try {
    return await fn(session);
  } finally {
    await session.store.close();
  }
}
