import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
} from 'fastify';
import helmet from 'helmet';
import {
  EmailCodes,
  type Mailer,
  type PlatformKey,
  PortalSessions,
  SessionTokens,
} from '../identity/index.js';
import type { TransparencyLog } from '../log/index.js';
import type { LockoutOptions, ScryptParams } from '../staff/index.js';
import type { Store } from '../store/index.js';
import { errorBody, handleError } from './errors.js';
import { attachLazySchemas, lazySchemas } from './lazy-schemas.js';
import { registerMetrics } from './metrics.js';
import { registerOpenApi } from './openapi.js';
import { databaseRateLimitStore } from './rate-limit-store.js';
import { buildRoutes } from './routes/builds.js';
import { meRoutes } from './routes/me.js';
import { modelRoutes } from './routes/models.js';
import { operatorRoutes } from './routes/operator.js';
import { publicLogRoutes } from './routes/public.js';
import { requestRoutes } from './routes/requests.js';
import {
  type ReviewRouteOptions,
  reviewEscalationRoutes,
  reviewSessionRoutes,
  reviewTaskRoutes,
} from './routes/review/index.js';
import { sessionRoutes } from './routes/session.js';
import { sharedSchemas } from './schemas.js';

export interface ServerOptions {
  /** What the server needs of an open session (runtime/home.ts opens it). */
  readonly session: {
    readonly store: Store;
    readonly log: TransparencyLog;
    readonly secret: Buffer;
  };
  readonly platforms: ReadonlyMap<string, PlatformKey>;
  readonly mailer: Mailer;
  readonly adminToken?: string | undefined;
  readonly limits?: Partial<Limits>;
  /**
   * The review console's per-username sign-in lockout (OBHUT_STAFF_LOCKOUT_* in `obhut serve`,
   * runtime/compose.ts); defaults: 5 attempts, then 1 minute, doubling, at most 1 hour.
   */
  readonly signInLockout?: LockoutOptions;
  /**
   * The scrypt cost staff passwords are checked against at sign-in (a weaker stored hash is
   * redone with it). DEFAULT_SCRYPT unless given; `obhut serve` never sets it. Tests give a cheap
   * one: at the default, each sign-in costs ~0.3 CPU-s, and the server tests sign in hundreds of
   * times (issue 13).
   */
  readonly staffPasswordCost?: ScryptParams;
  /** Pino options, or false for no request log (tests). */
  readonly logger?: FastifyServerOptions['logger'];
  readonly trustProxy?: boolean;
  /**
   * The review API's tasks, media and escalation routes (/api/review/v1): the home folder that
   * holds review media, and the assignment rules (OBHUT_REVIEW_* in `obhut serve`, runtime/compose.ts).
   * Without it only the staff session routes are served.
   */
  readonly review?: Pick<
    ReviewRouteOptions,
    'home' | 'rules' | 'retention' | 'support' | 'pipelineToken' | 'mediaDir'
  >;
  /** Clock allowances (OBHUT_LINK_TOKEN_CLOCK_ALLOWANCE_SECONDS in `obhut serve`). */
  readonly clock?: { readonly linkTokenAllowanceS?: number };
  /** The built portal; defaults to dist/web of this package. */
  readonly webRoot?: string;
  /** The built review console, served under /console/; defaults to dist/console. */
  readonly consoleRoot?: string;
}

export interface Limits {
  /** Requests per minute per client address, all routes. */
  readonly perMinute: number;
  /** Sign-in attempts per minute per address. */
  readonly signInPerMinute: number;
  /** Consent events per minute per person. */
  readonly eventsPerMinute: number;
  readonly bodyBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  perMinute: 600,
  signInPerMinute: 10,
  eventsPerMinute: 30,
  bodyBytes: 16 * 1024,
};

const LOG_SERIALIZERS = {
  req: (req: { method?: string; routeOptions?: { url?: string } }) => ({
    method: req.method,
    route: req.routeOptions?.url ?? 'unmatched',
  }),
  res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
};

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));
const DEFAULT_CONSOLE_ROOT = fileURLToPath(new URL('../../dist/console/', import.meta.url));

/**
 * The consent service: JSON API under /api/v1 (OpenAPI at /api/openapi.json, docs at
 * /api/docs) and the subject portal at /. Built as a function so tests can run it in-process.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const { store, log, secret } = options.session;
  // Route schemas compile at a route's first request, not at start (./lazy-schemas.ts).
  const schemas = lazySchemas();
  const app = Fastify({
    schemaController: schemas.schemaController,
    bodyLimit: limits.bodyBytes,
    trustProxy: options.trustProxy ?? false,
    // Request logs carry the method and route template only: no address, no token, no query.
    logger: options.logger
      ? { ...(options.logger as object), serializers: LOG_SERIALIZERS }
      : false,
    ajv: { customOptions: { allErrors: true, coerceTypes: false, removeAdditional: false } },
  });
  attachLazySchemas(app, schemas);
  for (const schema of sharedSchemas) app.addSchema(schema);
  app.setErrorHandler(handleError);

  // One helmet middleware for the process: @fastify/helmet builds a new one for every request,
  // which the intake benchmark measured at ~6 % of the server's time.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // The console plays a review recording from an object URL of the one copy it fetched.
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // TLS is the reverse proxy's business; on plain http://localhost these would break the portal.
    hsts: false,
  });
  app.addHook('onRequest', (req, reply, done) => {
    securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
  await app.register(rateLimit, {
    global: true,
    max: limits.perMinute,
    timeWindow: '1 minute',
    // On PostgreSQL, counted in the database, so a fleet of processes on one database limits as
    // one server. SQLite serves one process (a fleet needs PostgreSQL), and a committed counter
    // write per request there cost 40-50 % of its intake throughput: it counts in memory.
    ...(store.dialect === 'postgres' ? { store: databaseRateLimitStore(store, secret) } : {}),
    // Thrown as an Error so handleError answers with the one error body and code.
    errorResponseBuilder: (_req, context) =>
      Object.assign(new Error(`too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`), {
        statusCode: 429,
      }),
  });

  // The API authenticates with bearer tokens in a header, never cookies, so a cross-site form
  // cannot act for anyone; a foreign Origin on a state-changing request is refused as well.
  app.addHook('onRequest', async (req, reply) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    const origin = req.headers.origin;
    // `Origin: null` (sandboxed frames, file: pages) and unparseable values are foreign too;
    // the value is not logged, since anyone can put anything there.
    if (origin !== undefined && originHost(origin) !== req.headers.host) {
      return reply.code(403).send(errorBody('FORBIDDEN', 'cross-site requests are not accepted'));
    }
  });
  app.addHook('onSend', async (req, reply) => {
    if (
      req.url.startsWith('/api/v1/me') ||
      req.url.startsWith('/api/v1/session') ||
      req.url.startsWith('/api/review/')
    ) {
      reply.header('cache-control', 'no-store');
    }
  });

  await registerOpenApi(app);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await store.logSize();
      return { status: 'ready' };
    } catch {
      return reply.code(503).send(errorBody('STORE_FAILED', 'the database is not reachable'));
    }
  });
  registerMetrics(app, log, options.adminToken);

  // Sign-outs and e-mail codes live in the database: any process may answer the next request.
  const tokens = new PortalSessions(new SessionTokens(secret), store);
  await app.register(publicLogRoutes, { log, emailLogin: true });
  await app.register(sessionRoutes, {
    secret,
    tokens,
    platforms: options.platforms,
    codes: new EmailCodes(secret, store),
    mailer: options.mailer,
    signInPerMinute: limits.signInPerMinute,
    store,
    log,
    ...(options.clock?.linkTokenAllowanceS === undefined
      ? {}
      : { linkTokenClockAllowanceS: options.clock.linkTokenAllowanceS }),
  });
  await app.register(meRoutes, {
    store,
    log,
    secret,
    tokens,
    eventsPerMinute: limits.eventsPerMinute,
  });
  await app.register(buildRoutes, { store, log, tokens });
  await app.register(modelRoutes, { store, tokens });
  await app.register(operatorRoutes, {
    store,
    log,
    secret,
    adminToken: options.adminToken,
    mailer: options.mailer,
  });
  if (options.review) {
    await app.register(requestRoutes, {
      store,
      log,
      secret,
      tokens,
      adminToken: options.adminToken,
      home: options.review.home,
      mailer: options.mailer,
    });
  }
  await app.register(reviewSessionRoutes, {
    store,
    secret,
    signInPerMinute: limits.signInPerMinute,
    lockout: options.signInLockout,
    ...(options.staffPasswordCost === undefined ? {} : { passwordCost: options.staffPasswordCost }),
  });
  const review = options.review && {
    store,
    log,
    secret,
    mailer: options.mailer,
    ...options.review,
  };
  if (review) await app.register(reviewTaskRoutes, review);
  if (review) await app.register(reviewEscalationRoutes, review);
  await registerPortal(
    app,
    options.webRoot ?? DEFAULT_WEB_ROOT,
    options.consoleRoot ?? DEFAULT_CONSOLE_ROOT,
  );
  return app;
}

/**
 * The portal is a single-page app: unknown paths outside /api get its index.html. The review
 * console is a second one under /console/: unknown /console/* paths get the console's.
 */
async function registerPortal(app: FastifyInstance, root: string, consoleRoot: string) {
  const built = existsSync(`${root}/index.html`);
  if (built) await app.register(fastifyStatic, { root, wildcard: false, index: 'index.html' });
  const consoleBuilt = existsSync(`${consoleRoot}/index.html`);
  if (consoleBuilt) {
    await app.register(fastifyStatic, {
      root: consoleRoot,
      prefix: '/console/',
      wildcard: false,
      index: 'index.html',
      decorateReply: false,
    });
    app.get('/console', { schema: { hide: true } }, (_req, reply) => reply.redirect('/console/'));
  }
  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (req.method === 'GET' && path.startsWith('/console/')) {
      // A missing script or stylesheet stays a 404; any other path is a console page.
      if (consoleBuilt && !path.startsWith('/console/assets/')) {
        return reply
          .type('text/html; charset=utf-8')
          .send(await readFile(`${consoleRoot}/index.html`));
      }
    } else if (req.method === 'GET' && !req.url.startsWith('/api/') && built) {
      if (path === '/verify') allowKeyFetch(reply);
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send(errorBody('NOT_FOUND', `no route ${req.method} ${path}`));
  });
}

/**
 * The receipt check page may load the verifier key from the operator's own publication, which
 * is by design on another site; only that page, opened directly, may fetch from https origins.
 */
function allowKeyFetch(reply: FastifyReply): void {
  const csp = reply.getHeader('content-security-policy');
  if (typeof csp === 'string') {
    reply.header(
      'content-security-policy',
      csp.replace("connect-src 'self'", "connect-src 'self' https:"),
    );
  }
}

/** The host of an Origin header, or undefined when it is `null` or not a URL. */
function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host || undefined;
  } catch {
    return undefined;
  }
}
