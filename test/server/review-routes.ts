// Every route of the review API with the roles the design allows (docs/review-design.md), walked
// by review-matrix.test.ts with every role, anonymously, and with dead tokens.
//
// Adding routes: add a row (or drop `pending` from one below) in the same commit as the route.
// `allowed` is the type-level rule that `requireStaff(action, subject)` enforces; for routes whose
// final say depends on the object (the assigned reviewer, not the requester), an allowed role
// must get past the 401/403 gate and may then get 404 or 409 for the placeholder ids here.

import type { Role, StaffMember } from '../../src/staff/index.js';

export type Access = 'anyone' | 'signed-in' | readonly Role[];

/** What a row may use to build its URL or body: one member of each role, all signed in. */
export interface MatrixFixture {
  readonly staff: Readonly<Record<Role, StaffMember>>;
  /** The password every fixture member has. */
  readonly password: string;
}

export interface ReviewRoute {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The path as registered, e.g. `${R}/tasks/:id`. */
  readonly path: string;
  /** The URL to call; by default `path` with a made-up id of the right shape for each `:param`. */
  readonly url?: (f: MatrixFixture) => string;
  readonly allowed: Access;
  /** A body that passes the route's validation, so an allowed role reaches the handler. */
  readonly body?: Record<string, unknown> | ((f: MatrixFixture, role: Role | undefined) => unknown);
  /** Not built yet: reported as a to-do instead of failing. */
  readonly pending?: true;
  /** Authenticated by a credential in the URL, not a staff session: listed, not role-walked. */
  readonly ownCredential?: true;
}

export const R = '/api/review/v1';
const PLACEHOLDER_TASK = 'rt_0123456789abcdef0123456789abcdef';
const ASSIGNED = ['reviewer', 'lead'] as const;

export const REVIEW_ROUTES: readonly ReviewRoute[] = [
  // Session and staff (src/server/routes/review/session.ts, staff.ts).
  {
    method: 'POST',
    path: `${R}/session`,
    allowed: 'anyone',
    body: (f, role) => ({ username: f.staff[role ?? 'reviewer'].username, password: f.password }),
  },
  { method: 'DELETE', path: `${R}/session`, allowed: 'signed-in' },
  { method: 'GET', path: `${R}/me`, allowed: 'signed-in' },
  { method: 'GET', path: `${R}/staff`, allowed: ['admin'] },
  {
    method: 'POST',
    path: `${R}/staff`,
    allowed: ['admin'],
    body: () => ({
      username: `new-${Math.random().toString(36).slice(2, 10)}`,
      role: 'reviewer',
      password: 'a long enough password',
    }),
  },
  {
    method: 'PATCH',
    path: `${R}/staff/:id`,
    url: (f) => `${R}/staff/${f.staff.reviewer.id}`,
    allowed: ['admin'],
    body: { daily_quota: 50 },
  },

  // Tasks, media and the queue (src/server/routes/review/tasks.ts, media.ts, task-actions.ts, queue.ts).
  { method: 'GET', path: `${R}/tasks/next`, allowed: ASSIGNED },
  { method: 'GET', path: `${R}/tasks/:id`, allowed: ASSIGNED },
  { method: 'GET', path: `${R}/tasks/:id/audio`, allowed: ASSIGNED },
  // The signed URL is its own credential (an <audio> element sends no bearer header), so the
  // role walk does not apply; review-api.test.ts tests its expiry, single use and binding.
  { method: 'GET', path: `${R}/media/:token`, allowed: 'anyone', ownCredential: true },
  {
    method: 'POST',
    path: `${R}/tasks/:id/answer`,
    allowed: ASSIGNED,
    body: { labels: ['correct'] },
  },
  { method: 'POST', path: `${R}/tasks/:id/flag`, allowed: ASSIGNED, body: { category: 'other' } },
  { method: 'POST', path: `${R}/tasks/:id/release`, allowed: ASSIGNED, body: {} },
  { method: 'GET', path: `${R}/queue`, allowed: ['lead', 'admin'] },
  { method: 'GET', path: `${R}/agreement`, allowed: ['lead', 'admin'] },
  { method: 'GET', path: `${R}/export`, allowed: ['lead'] },
  // Pipelines queue items with OBHUT_REVIEW_PIPELINE_TOKEN, never a staff session; no role may
  // use it (review-items-api.test.ts tests the token).
  {
    method: 'POST',
    path: `${R}/items`,
    allowed: 'anyone',
    ownCredential: true,
    body: { items: [{ id: 'x', kind: 'text', text: 'x' }] },
  },

  // Flags, unmasking, audit, holds, retention (src/server/routes/review/flags.ts … retention.ts).
  { method: 'GET', path: `${R}/flags`, allowed: ['trust_safety'] },
  { method: 'GET', path: `${R}/flags/:id`, allowed: ['trust_safety'] },
  { method: 'POST', path: `${R}/flags/:id/reveal`, allowed: ['trust_safety'], body: {} },
  {
    method: 'POST',
    path: `${R}/flags/:id/resolve`,
    allowed: ['trust_safety'],
    body: { outcome: 'no_action' },
  },
  {
    method: 'POST',
    path: `${R}/unmask`,
    allowed: ['trust_safety', 'privacy_officer'],
    body: {
      task_id: PLACEHOLDER_TASK,
      justification: 'a threat of violence against a named person',
    },
  },
  {
    method: 'POST',
    path: `${R}/unmask/:id/approve`,
    allowed: ['trust_safety', 'privacy_officer'],
    body: {},
  },
  { method: 'GET', path: `${R}/unmask/:id`, allowed: ['trust_safety', 'privacy_officer'] },
  {
    method: 'GET',
    path: `${R}/audit/subject`,
    url: () => `${R}/audit/subject?platform=ig&account=someone`,
    allowed: ['privacy_officer'],
  },
  { method: 'GET', path: `${R}/holds`, allowed: ['privacy_officer', 'admin'] },
  {
    method: 'POST',
    path: `${R}/holds`,
    allowed: ['privacy_officer', 'admin'],
    body: { item_id: 'ri_0123456789abcdef0123456789abcdef', reason: 'court order 12/34' },
  },
  { method: 'DELETE', path: `${R}/holds/:id`, allowed: ['privacy_officer', 'admin'] },
  // The privacy officer's request queue (src/server/routes/review/requests.ts).
  { method: 'GET', path: `${R}/requests`, allowed: ['privacy_officer'] },
  { method: 'POST', path: `${R}/requests/:id/assign`, allowed: ['privacy_officer'], body: {} },
  {
    method: 'POST',
    path: `${R}/requests/:id/answer`,
    allowed: ['privacy_officer'],
    body: { status: 'answered', answer: 'Done.' },
  },
  { method: 'GET', path: `${R}/requests/:id/access-report`, allowed: ['privacy_officer'] },
  { method: 'POST', path: `${R}/requests/:id/erase`, allowed: ['privacy_officer'] },
  { method: 'POST', path: `${R}/retention/sweep`, allowed: ['admin'], body: {} },
];

const PLACEHOLDER_IDS: Record<string, string> = {
  tasks: PLACEHOLDER_TASK,
  flags: 'rf_0123456789abcdef0123456789abcdef',
  unmask: 'ru_0123456789abcdef0123456789abcdef',
  holds: 'lh_0123456789abcdef0123456789abcdef',
  staff: 'st_0123456789abcdef',
  requests: '01234567-89ab-4def-8123-456789abcdef',
};

/** The URL a row calls. */
export function urlOf(route: ReviewRoute, f: MatrixFixture): string {
  if (route.url) return route.url(f);
  return route.path.replace(
    /\/([a-z]+)\/:[A-Za-z]+/g,
    (_, parent: string) => `/${parent}/${PLACEHOLDER_IDS[parent] ?? 'x_0123456789abcdef'}`,
  );
}
