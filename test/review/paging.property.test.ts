import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abilityFor } from '../../src/authz/index.js';
import { loadConsentSnapshot } from '../../src/consent/index.js';
import { DEFAULT_POLICY } from '../../src/policy/index.js';
import type { ReviewActor } from '../../src/review/actor.js';
import { enqueueForReview } from '../../src/review/enqueue.js';
import { listFlags } from '../../src/review/flag-service.js';
import { listHolds } from '../../src/review/hold-service.js';
import { newFlagId, newHoldId } from '../../src/review/ids.js';
import { DEFAULT_LABELS, FLAG_CATEGORIES, type FlagCategory } from '../../src/review/model.js';
import { DEFAULT_RULES } from '../../src/review/rules.js';
import { listStaff } from '../../src/review/staff-admin.js';
import type { ReviewContext } from '../../src/review/tasks.js';
import { ROLES, type Role, type StaffMember } from '../../src/staff/index.js';
import { openPostgresStore } from '../../src/store/index.js';
import { type Backend, type Workspace, workspace } from '../support/fixtures.js';
import { postgresTestUrl } from '../support/postgres.js';
import { type ResettableSchema, resettableSchema } from '../support/postgres-reset.js';

// Keyset paging (review/page.ts): whatever the page size, paging through a list gives each row
// exactly once and in the list's order, also when rows are added between pages.

const T0 = Date.parse('2026-03-02T10:00:00.000Z');
// Few distinct times, so many rows share one and the id must break the tie.
const at = (minute: number) => new Date(T0 + minute * 60_000).toISOString();
const staffId = (n: number) => `st_${n.toString(16).padStart(16, '0')}`;
const member = (role: Role): StaffMember => ({
  id: staffId(1),
  username: 'someone',
  role,
  disabled: false,
  createdAt: at(0),
});
const actor = (role: Role): ReviewActor => ({
  staff: member(role),
  ability: abilityFor(member(role)),
});
const backends: Backend[] = postgresTestUrl ? ['sqlite', 'postgres'] : ['sqlite'];

/** Every page's rows in turn, calling `between` after each page but the last. */
async function pageThrough<T>(
  fetch: (cursor: string | undefined) => Promise<{ rows: T[]; next: string | null }>,
  between: (page: number) => Promise<void>,
): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1_000; page++) {
    const got = await fetch(cursor);
    rows.push(...got.rows);
    if (got.next === null) return rows;
    cursor = got.next;
    await between(page);
  }
  throw new Error('paging did not end');
}

const byKey = (a: readonly string[], b: readonly string[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
};

describe.each(backends)('keyset paging of the review lists (%s)', (backend) => {
  // A fresh register per run: PostgreSQL's costs more, so fewer runs. It is one schema, migrated
  // once for the file and emptied back to its just-migrated state before each run, instead of a
  // new schema migrated per run (issue 13).
  const RUNS = { numRuns: backend === 'sqlite' ? 25 : 8 };
  let shared: ResettableSchema | undefined;
  beforeAll(async () => {
    if (backend === 'postgres')
      shared = await resettableSchema(async (url) => (await openPostgresStore(url)).close());
  }, 120_000);
  afterAll(async () => {
    await shared?.drop();
  });
  it('legal holds: each once, newest first, with holds added between pages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ minute: fc.integer({ min: 0, max: 3 }), released: fc.boolean() }), {
          maxLength: 20,
        }),
        fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 5 }),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom('active', 'released', 'all' as const),
        async (holds, added, limit, state) => {
          const ws = await workspace(backend, undefined, shared);
          try {
            const ctx: ReviewContext = { store: ws.store, log: ws.log, home: ws.dir };
            const place = async (minute: number, released: boolean) => {
              const id = newHoldId();
              await ws.store.review.addHold({
                id,
                item: 'ri_0123456789abcdef0123456789abcdef',
                subject: undefined,
                reason: 'r',
                createdBy: staffId(2),
                createdAt: at(minute),
              });
              if (released) await ws.store.review.releaseHold(id, staffId(2), new Date(T0));
              return { id, created_at: at(minute), released };
            };
            const before = [];
            for (const h of holds) before.push(await place(h.minute, h.released));
            const rows = await pageThrough(
              async (cursor) => {
                const page = await listHolds(ctx, { state, limit, cursor });
                expect(page.holds.length).toBeLessThanOrEqual(limit);
                return { rows: page.holds, next: page.next_cursor };
              },
              async (page) => {
                if (page < added.length) await place(added[page]!, false);
              },
            );
            const keys = rows.map((h) => [h.created_at, h.id]);
            // Strictly newest first: in order, and no row twice.
            for (let i = 1; i < keys.length; i++) expect(byKey(keys[i - 1]!, keys[i]!)).toBe(1);
            const wanted = before.filter(
              (h) => state === 'all' || (state === 'released') === h.released,
            );
            const seen = new Set(rows.map((h) => h.id));
            for (const h of wanted) expect(seen.has(h.id)).toBe(true);
            for (const h of rows)
              expect(
                state === 'all' || (state === 'released') === (h.released_at !== undefined),
              ).toBe(true);
            if (added.length === 0) expect(rows.length).toBe(wanted.length);
          } finally {
            await ws.close();
          }
        },
      ),
      RUNS,
    );
  }, 300_000);

  it('staff: each once, by username, of the role asked for, with members added between pages', async () => {
    const name = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,7}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ username: name, role: fc.constantFrom(...ROLES) }), {
          selector: (m) => m.username,
          maxLength: 20,
        }),
        fc.array(name, { maxLength: 5 }),
        fc.integer({ min: 1, max: 7 }),
        fc.option(fc.constantFrom(...ROLES), { nil: undefined }),
        async (members, added, limit, role) => {
          const ws = await workspace(backend, undefined, shared);
          try {
            let n = 10;
            const add = async (username: string, r: Role) =>
              ws.store.staff.add(
                { id: staffId(n++), username, role: r, disabled: false, createdAt: at(0) },
                'not-a-real-hash',
              );
            for (const m of members) await add(m.username, m.role);
            const rows = await pageThrough(
              async (cursor) => {
                const page = await listStaff(ws.store.staff, actor('admin'), {
                  role,
                  limit,
                  cursor,
                });
                return { rows: page.staff, next: page.next_cursor };
              },
              async (page) => {
                if (page < added.length) await add(added[page]!, 'reviewer');
              },
            );
            const names = rows.map((m) => m.username!);
            // In the database's order (its collation, which may not be JavaScript's): each name
            // once, each after the one before in the whole list.
            const order = (await ws.store.staff.list()).map((m) => m.username);
            const positions = names.map((n) => order.indexOf(n));
            for (let i = 1; i < positions.length; i++)
              expect(positions[i]!).toBeGreaterThan(positions[i - 1]!);
            const wanted = members.filter((m) => role === undefined || m.role === role);
            for (const m of wanted) expect(names).toContain(m.username);
            for (const m of rows) if (role !== undefined) expect(m.role).toBe(role);
            if (added.length === 0) expect(names.length).toBe(wanted.length);
          } finally {
            await ws.close();
          }
        },
      ),
      RUNS,
    );
  }, 300_000);

  describe('flags', () => {
    let ws: Workspace;
    let ctx: ReviewContext;
    const flags: { id: string; created_at: string; category: FlagCategory; status: string }[] = [];

    beforeAll(async () => {
      ws = await workspace(backend);
      ctx = { store: ws.store, log: ws.log, home: path.join(ws.dir, 'home') };
      const now = new Date(T0);
      const count = 18;
      const result = await enqueueForReview({
        inputs: [
          await ws.write(
            'items.jsonl',
            Array.from({ length: count }, (_, i) => ({ id: `f${i}`, kind: 'text', text: 'x' })),
          ),
        ],
        policy: { ...DEFAULT_POLICY, purpose: 'human_review' },
        consent: await loadConsentSnapshot(ws.store, 'human_review', now.toISOString(), T0),
        store: ws.store,
        secret: ws.secret,
        home: ctx.home,
        k: 1,
        labels: DEFAULT_LABELS,
        prepareAudio: () => Buffer.alloc(0),
        now,
      });
      expect(result.counts.queued).toBe(count);
      for (let i = 0; i < count; i++) {
        const reviewer = staffId(100 + i);
        const assignment = await ws.store.review.assignNext(reviewer, DEFAULT_RULES, now);
        const id = newFlagId();
        const category = FLAG_CATEGORIES[i % FLAG_CATEGORIES.length]!;
        const flaggedAt = new Date(at(i % 3));
        expect(
          await ws.store.review.flag({ id, task: assignment!.task, reviewer, category }, flaggedAt),
        ).toBe('ok');
        const resolved = i % 4 === 0;
        if (resolved) await ws.store.review.resolveFlag(id, staffId(2), 'requeue', flaggedAt);
        flags.push({
          id,
          created_at: flaggedAt.toISOString(),
          category,
          status: resolved ? 'resolved' : 'open',
        });
      }
    }, 120_000);
    afterAll(async () => {
      await ws?.close();
    });

    it('gives each flag of the filter once, oldest first, whatever the page size', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 20 }),
          fc.option(fc.constantFrom('open', 'resolved' as const), { nil: undefined }),
          fc.option(fc.constantFrom(...FLAG_CATEGORIES), { nil: undefined }),
          async (limit, status, category) => {
            const rows = await pageThrough(
              async (cursor) => {
                const page = await listFlags(ctx, actor('trust_safety'), {
                  status,
                  category,
                  limit,
                  cursor,
                });
                return { rows: page.flags, next: page.next_cursor };
              },
              async () => {},
            );
            const wanted = flags
              .filter(
                (f) =>
                  (status === undefined || f.status === status) &&
                  (category === undefined || f.category === category),
              )
              .sort((a, b) => byKey([a.created_at, a.id], [b.created_at, b.id]));
            expect(rows.map((f) => f.id)).toEqual(wanted.map((f) => f.id));
          },
        ),
        { numRuns: 60 },
      );
    }, 300_000);
  });
});
