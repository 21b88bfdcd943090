// The review API (/api/review/v1), one file per resource. Three plugins, as app.ts registers
// them: the session (unencapsulated, so every other review plugin sees `app.staffSessions`),
// the reviewer's tasks, and the escalation side (flags, unmasking, audit, holds, retention).
// Routes are registered in the order the OpenAPI document lists them.
import type { FastifyPluginAsync } from 'fastify';
import { MediaTokens, type ReviewContext } from '../../../review/index.js';
import { StaffSessions } from '../../../staff/index.js';
import { registerAgreementRoutes } from './agreement.js';
import { registerAuditRoutes } from './audit.js';
import type { ReviewRouteOptions } from './common.js';
import { registerExportRoutes } from './export.js';
import { registerFlagRoutes } from './flags.js';
import { registerHoldRoutes } from './holds.js';
import { registerItemRoutes } from './items.js';
import { registerMediaRoutes } from './media.js';
import { registerQueueRoutes } from './queue.js';
import { registerRequestRoutes } from './requests.js';
import { registerRetentionRoutes } from './retention.js';
import { type ReviewSessionOptions, registerSessionRoutes } from './session.js';
import { registerStaffRoutes } from './staff.js';
import { registerTaskActionRoutes } from './task-actions.js';
import { registerTaskRoutes } from './tasks.js';
import { registerUnmaskRoutes } from './unmask.js';

export type { ReviewRouteOptions } from './common.js';

/**
 * Staff sign-in, sign-out and who-am-I, and the admin's staff routes. Registered without
 * encapsulation so every review route plugin sees `app.staffSessions` (what `requireStaff`
 * checks tokens against).
 */
const sessionPlugin: FastifyPluginAsync<ReviewSessionOptions> = async (app, opts) => {
  app.decorate('staffSessions', new StaffSessions(opts.store.staff, opts.sessions));
  app.decorateRequest('staff', undefined);
  app.decorateRequest('ability', undefined);
  registerSessionRoutes(app, opts);
  registerStaffRoutes(app, opts.store);
};
// What fastify-plugin does: the decoration above lands on the instance that registers us.
Object.assign(sessionPlugin, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: 'review-session',
});
export const reviewSessionRoutes = sessionPlugin;

/**
 * The reviewer's side: the next task, a task, its media (signed URL and the stream), answer,
 * flag, release, and the lead's queue counts. One MediaTokens issues and redeems the links.
 */
export const reviewTaskRoutes: FastifyPluginAsync<ReviewRouteOptions> = async (app, opts) => {
  const ctx = contextOf(opts);
  const media = new MediaTokens(opts.secret, opts.store);
  registerTaskRoutes(app, opts, ctx, media);
  registerMediaRoutes(app, ctx, media);
  registerTaskActionRoutes(app, opts, ctx);
  registerQueueRoutes(app, opts);
  registerAgreementRoutes(app, opts);
  registerExportRoutes(app, opts);
  await registerItemRoutes(app, opts);
};

/**
 * trust_safety's flags (list, read, reveal, resolve), break-glass unmasking, the privacy
 * officer's per-subject access report, legal holds, the privacy officer's request queue and the
 * admin's retention sweep.
 */
export const reviewEscalationRoutes: FastifyPluginAsync<ReviewRouteOptions> = async (app, opts) => {
  const ctx = contextOf(opts);
  registerFlagRoutes(app, ctx);
  registerUnmaskRoutes(app, ctx);
  registerAuditRoutes(app, opts);
  registerHoldRoutes(app, opts, ctx);
  registerRequestRoutes(app, opts);
  registerRetentionRoutes(app, opts, ctx);
};

function contextOf(opts: ReviewRouteOptions): ReviewContext {
  return { store: opts.store, log: opts.log, home: opts.home };
}
