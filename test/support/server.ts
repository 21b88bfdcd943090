import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createMailer, loadPlatformKeys } from '../../src/identity/index.js';
import { reviewRules } from '../../src/runtime/compose.js';
import { parseSettings, readConfig } from '../../src/runtime/config.js';
import { initHome, openSession, type Session } from '../../src/runtime/home.js';
import { buildServer } from '../../src/server/app.js';

export interface RunningServer {
  readonly home: string;
  readonly session: Session;
  readonly app: FastifyInstance;
  /** e.g. http://127.0.0.1:40123 */
  readonly base: string;
  close(): Promise<void>;
}

/**
 * `obhut init` in a temporary home and the server listening on a free port, in this process.
 * `support` is the contact a reviewer is given after flagging (OBHUT_REVIEW_SUPPORT).
 */
export async function startServer(options: { support?: string } = {}): Promise<RunningServer> {
  const home = await mkdtemp(path.join(tmpdir(), 'obhut-serve-'));
  const config = readConfig({ OBHUT_HOME: home }, home);
  await initHome(config);
  const session = await openSession(config);
  const app = await buildServer({
    session,
    platforms: loadPlatformKeys(home, () => undefined),
    mailer: createMailer({ from: 'test@obhut.local', outbox: path.join(home, 'outbox') }),
    review: { home, rules: reviewRules(parseSettings({})), support: options.support },
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    home,
    session,
    app,
    base,
    async close() {
      await app.close();
      // A test may have closed the store on purpose already.
      await session.store.close().catch(() => {});
      await rm(home, { recursive: true, force: true });
    },
  };
}
