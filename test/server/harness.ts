import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Mailer, PlatformKey } from '../../src/identity/index.js';
import { generateNoteKey, parseSignerKey, TransparencyLog } from '../../src/log/index.js';
import { DEFAULT_RULES } from '../../src/review/index.js';
import { buildServer, type Limits, type ServerOptions } from '../../src/server/app.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';

export interface Harness {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly log: TransparencyLog;
  readonly secret: Buffer;
  readonly platformKey: PlatformKey;
  readonly mails: { to: string; subject: string; text: string }[];
  readonly verifierKey: string;
  /** The home folder the review routes keep media in. */
  readonly home: string;
  close(): Promise<void>;
}

/** The server in-process over a fresh SQLite register, with mail captured in memory. */
export async function harness(
  limits: Partial<Limits> = {},
  clock?: ServerOptions['clock'],
): Promise<Harness> {
  const dir = await mkdtemp(path.join(tmpdir(), 'obhut-server-'));
  const store = await openSqliteStore(path.join(dir, 'obhut.db'));
  const log = new TransparencyLog(
    store,
    parseSignerKey(generateNoteKey('test.local/log').signerKey),
  );
  await log.writer.ensureCheckpoint();
  const secret = randomBytes(32);
  const platformKey: PlatformKey = { kind: 'hmac', secret: randomBytes(32) };
  const mails: Harness['mails'] = [];
  const mailer: Mailer = {
    describe: 'memory',
    async send(m) {
      mails.push(m);
    },
  };
  const app = await buildServer({
    session: { store, log, secret },
    platforms: new Map([['example', platformKey]]),
    mailer,
    adminToken: 'operator-token-for-tests',
    // The cost the test files hash staff passwords with (their FAST), so that a sign-in neither
    // re-hashes at the default cost nor checks against it: ~0.3 CPU-s a sign-in (issue 13).
    staffPasswordCost: { logN: 10, r: 8, p: 1 },
    limits,
    review: {
      home: path.join(dir, 'home'),
      rules: DEFAULT_RULES,
      pipelineToken: 'pipeline-token-for-tests',
    },
    ...(clock === undefined ? {} : { clock }),
  });
  return {
    app,
    store,
    log,
    secret,
    platformKey,
    mails,
    verifierKey: log.verifierKey,
    home: path.join(dir, 'home'),
    async close() {
      await app.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
