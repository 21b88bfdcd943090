import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, hashToken, ROLES, type Role, type StaffMember } from '../../src/staff/index.js';
import { type Harness, harness } from './harness.js';
import { type MatrixFixture, REVIEW_ROUTES, type ReviewRoute, urlOf } from './review-routes.js';

const PASSWORD = 'matrix password, long enough';
// Cheap hashes for the fixture; signing in re-hashes with the real parameters, once per member.
const FAST = { logN: 10, r: 8, p: 1 };
const MINUTE = 60_000;

type Caller = Role | 'anonymous' | 'garbage' | 'expired' | 'idle' | 'revoked' | 'disabled';
const DEAD: readonly Caller[] = ['garbage', 'expired', 'idle', 'revoked', 'disabled'];

describe('review API: route × role matrix', () => {
  let h: Harness;
  let fixture: MatrixFixture;
  const tokens = new Map<Caller, string>();

  beforeAll(async () => {
    h = await harness({ signInPerMinute: 10_000 });
    const staff = {} as Record<Role, StaffMember>;
    for (const role of ROLES) {
      staff[role] = await addStaff(
        h.store.staff,
        { username: `matrix-${role.replace('_', '-')}`, role, password: PASSWORD },
        FAST,
      );
      tokens.set(role, (await h.app.staffSessions.open(staff[role])).token);
    }
    fixture = { staff, password: PASSWORD };

    const spare = await addStaff(
      h.store.staff,
      { username: 'matrix-spare', role: 'admin', password: PASSWORD },
      FAST,
    );
    tokens.set('garbage', `obs_${randomBytes(32).toString('base64url')}`);
    const now = Date.now();
    for (const [caller, times] of [
      ['expired', { lastSeenMs: now - 1000, expiresAtMs: now - 1 }],
      ['idle', { lastSeenMs: now - 31 * MINUTE, expiresAtMs: now + 60 * MINUTE }],
    ] as const) {
      const token = `obs_${randomBytes(32).toString('base64url')}`;
      await h.store.staff.createSession({
        tokenHash: hashToken(token),
        staffId: spare.id,
        createdAt: new Date(now - 2 * MINUTE).toISOString(),
        ...times,
      });
      tokens.set(caller, token);
    }
    const revoked = (await h.app.staffSessions.open(spare)).token;
    await h.app.staffSessions.close(revoked);
    tokens.set('revoked', revoked);
    const gone = await addStaff(
      h.store.staff,
      { username: 'matrix-gone', role: 'admin', password: PASSWORD },
      FAST,
    );
    tokens.set('disabled', (await h.app.staffSessions.open(gone)).token);
    await h.store.staff.update(gone.id, { disabled: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  async function call(route: ReviewRoute, caller: Caller) {
    const role = (ROLES as readonly string[]).includes(caller) ? (caller as Role) : undefined;
    const url = urlOf(route, fixture);
    const body = typeof route.body === 'function' ? route.body(fixture, role) : route.body;
    // Signing out ends the caller's session: give that row a session of its own.
    const token =
      route.method === 'DELETE' && url.endsWith('/session') && role
        ? (await h.app.staffSessions.open(fixture.staff[role])).token
        : tokens.get(caller);
    const r = await h.app.inject({
      method: route.method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(body === undefined ? {} : { payload: body as object }),
    });
    expect(r.headers['cache-control'], `${caller} ${route.method} ${url}`).toBe('no-store');
    return r;
  }

  for (const route of REVIEW_ROUTES) {
    const name = `${route.method} ${route.path}`;
    if (route.pending) {
      it.todo(`${name} (not built yet)`);
      continue;
    }
    if (route.ownCredential) continue;
    describe(name, () => {
      const allows = (role: Role) =>
        route.allowed === 'anyone' ||
        route.allowed === 'signed-in' ||
        (route.allowed as readonly Role[]).includes(role);

      for (const role of ROLES) {
        it(`${role}: ${allows(role) ? 'allowed' : '403'}`, async () => {
          const r = await call(route, role);
          if (allows(role)) {
            expect([401, 403], r.body).not.toContain(r.statusCode);
            expect(r.statusCode, r.body).toBeLessThan(500);
          } else expect([r.statusCode, r.json().error.code]).toEqual([403, 'FORBIDDEN']);
        });
      }

      it(`anonymous: ${route.allowed === 'anyone' ? 'allowed' : '401'}`, async () => {
        const r = await call(route, 'anonymous');
        if (route.allowed === 'anyone') expect([401, 403]).not.toContain(r.statusCode);
        else expect([r.statusCode, r.json().error.code]).toEqual([401, 'UNAUTHENTICATED']);
      });

      if (route.allowed !== 'anyone') {
        for (const caller of DEAD) {
          it(`${caller} token: 401`, async () => {
            const r = await call(route, caller);
            expect([r.statusCode, r.json().error.code]).toEqual([401, 'UNAUTHENTICATED']);
          });
        }
      }
    });
  }

  it('lists every route the server registers under /api/review/v1', () => {
    const listed = new Set(
      REVIEW_ROUTES.filter((r) => !r.pending).map(
        (r) => `${r.method} ${r.path.replace(/:[A-Za-z]+/g, ':id')}`,
      ),
    );
    const registered = registeredRoutes(h.app.printRoutes({ commonPrefix: false })).filter((r) =>
      r.includes(' /api/review/'),
    );
    expect(registered.length).toBeGreaterThan(0);
    for (const route of registered) {
      expect(listed, `${route} is missing from test/server/review-routes.ts`).toContain(route);
    }
  });
});

/** `METHOD /path` for every route in Fastify's printed route tree (HEAD left out), ids as `:id`. */
function registeredRoutes(tree: string): string[] {
  const found: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const path = (stack[depth - 1] ?? '') + m[2]!;
    stack[depth] = path;
    for (const method of m[3]?.split(', ') ?? []) {
      if (method !== 'HEAD') found.push(`${method} ${path.replace(/:[A-Za-z]+/g, ':id')}`);
    }
  }
  return found;
}
