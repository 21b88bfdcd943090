import type { FastifyReply, FastifyRequest } from 'fastify';
import { type ActionOn, type AppAbility, abilityFor, type SubjectType } from '../authz/index.js';
import { ObhutError } from '../errors/index.js';
import type { StaffMember, StaffSessions } from '../staff/index.js';
import { bearer } from './auth.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by `reviewSessionRoutes`; what `requireStaff` checks tokens against. */
    staffSessions: StaffSessions;
  }
  interface FastifyRequest {
    /** Set by `requireStaff`: the member of staff this request acts for… */
    staff?: StaffMember;
    /** …and what they may do, built for this request. */
    ability?: AppAbility;
  }
}

type StaffHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * A route hook for the review API: authenticates the bearer staff session (401 otherwise), sets
 * `request.staff` and `request.ability`, and, given an action and subject type, refuses with
 * 403 unless the role may do that action to some object of that type. Checks that depend on
 * the object itself (whose task, whose unmask) are the handler's, with `authorize` or `can`.
 *
 * Use it as `onRequest`, so a caller without the right is refused before the body is read.
 */
export function requireStaff(): StaffHook;
export function requireStaff<S extends SubjectType>(action: ActionOn<S>, subjectType: S): StaffHook;
export function requireStaff(action?: string, subjectType?: SubjectType): StaffHook {
  return async (request) => {
    const { staff, ability } = await authenticateStaff(request);
    if (action !== undefined && subjectType !== undefined) {
      if (!ability.can(action as never, subjectType as never)) {
        request.log.info({ staff: staff.id, action, subjectType }, 'staff request refused');
        throw new ObhutError('FORBIDDEN', `your role may not ${action} ${subjectType}`);
      }
    }
  };
}

/** The request's staff member and ability; UNAUTHENTICATED without a valid session. */
export async function authenticateStaff(
  request: FastifyRequest,
): Promise<{ staff: StaffMember; ability: AppAbility }> {
  if (request.staff && request.ability) return { staff: request.staff, ability: request.ability };
  const sessions = request.server.staffSessions as StaffSessions | undefined;
  if (!sessions) throw new ObhutError('INTERNAL', 'staff sessions are not set up on this server');
  const token = bearer(request);
  const active = token ? await sessions.authenticate(token) : undefined;
  if (!active) throw new ObhutError('UNAUTHENTICATED', 'sign in again: no valid staff session');
  request.staff = active.staff;
  request.ability = abilityFor(active.staff);
  return { staff: request.staff, ability: request.ability };
}
