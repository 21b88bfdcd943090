import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConsentSnapshot, pseudonymise } from '../../src/consent/index.js';
import { DEFAULT_POLICY } from '../../src/policy/index.js';
import { recordAccess } from '../../src/review/access.js';
import { enqueueForReview } from '../../src/review/enqueue.js';
import { newFlagId, newHoldId } from '../../src/review/ids.js';
import { DEFAULT_LABELS, FLAG_CATEGORIES } from '../../src/review/model.js';
import { DEFAULT_RULES } from '../../src/review/rules.js';
import { buildServer } from '../../src/server/app.js';
import { addStaff, type Role, type StaffMember } from '../../src/staff/index.js';
import { adult, type Backend, type Workspace, workspace } from '../support/fixtures.js';
import { postgresTestUrl } from '../support/postgres.js';

const R = '/api/review/v1';
const FAST = { logN: 10, r: 8, p: 1 };
const T0 = Date.parse('2026-03-02T10:00:00.000Z');
const at = (minute: number) => new Date(T0 + minute * 60_000);
const staffId = (n: number) => `st_${n.toString(16).padStart(16, '0')}`;
const backends: Backend[] = postgresTestUrl ? ['sqlite', 'postgres'] : ['sqlite'];

/** The review lists at the API: pages by cursor, filters, and bad cursors and limits refused. */
describe.each(backends)('review lists: paging and filters (%s)', (backend) => {
  let ws: Workspace;
  let app: Awaited<ReturnType<typeof buildServer>>;
  const tokens = {} as Record<Role, string>;
  const members = {} as Record<Role, StaffMember>;

  beforeAll(async () => {
    ws = await workspace(backend);
    const home = path.join(ws.dir, 'home');
    app = await buildServer({
      session: { store: ws.store, log: ws.log, secret: ws.secret },
      platforms: new Map(),
      mailer: { describe: 'memory', send: async () => {} },
      review: { home, rules: DEFAULT_RULES },
      staffPasswordCost: FAST,
    });
    for (const role of ['trust_safety', 'privacy_officer', 'admin'] as const) {
      members[role] = await addStaff(
        ws.store.staff,
        { username: `list-${role.replace('_', '-')}`, role, password: 'a long enough password' },
        FAST,
      );
      tokens[role] = (await app.staffSessions.open(members[role])).token;
    }
    for (let i = 0; i < 7; i++)
      await addStaff(
        ws.store.staff,
        {
          username: `rev-${i}`,
          role: i % 2 ? 'lead' : 'reviewer',
          password: 'a long enough password',
        },
        FAST,
      );

    // Nine flags over three minutes, in every category; flags 0, 3, 6 resolved.
    const now = at(0);
    const result = await enqueueForReview({
      inputs: [
        await ws.write(
          'items.jsonl',
          Array.from({ length: 9 }, (_, i) => ({
            id: `f${i}`,
            kind: 'text',
            text: 'x',
            subject: adult('person'),
          })),
        ),
      ],
      policy: { ...DEFAULT_POLICY, purpose: 'human_review' },
      consent: await loadConsentSnapshot(ws.store, 'human_review', now.toISOString(), T0),
      store: ws.store,
      secret: ws.secret,
      home,
      k: 1,
      labels: DEFAULT_LABELS,
      prepareAudio: () => Buffer.alloc(0),
      now,
    });
    expect(result.counts.queued).toBe(9);
    for (let i = 0; i < 9; i++) {
      const reviewer = staffId(100 + i);
      const assignment = await ws.store.review.assignNext(reviewer, DEFAULT_RULES, now);
      const id = newFlagId();
      const category = FLAG_CATEGORIES[i % FLAG_CATEGORIES.length]!;
      await ws.store.review.flag({ id, task: assignment!.task, reviewer, category }, at(i % 3));
      if (i % 3 === 0) await ws.store.review.resolveFlag(id, staffId(2), 'requeue', at(5));
    }

    // Five holds, two released.
    for (let i = 0; i < 5; i++) {
      const id = newHoldId();
      await ws.store.review.addHold({
        id,
        item: result.queued[i]!.item,
        subject: undefined,
        reason: `hold ${i}`,
        createdBy: members.admin.id,
        createdAt: at(i).toISOString(),
      });
      if (i < 2) await ws.store.review.releaseHold(id, members.admin.id, at(9));
    }

    // Six accesses to the person's items by two members, a minute apart.
    const subject = pseudonymise(ws.secret, { platform: 'ig', account: 'person' });
    for (let i = 0; i < 6; i++)
      await recordAccess(ws.log, {
        actor: staffId(i % 2 ? 201 : 200),
        task: result.queued[0]!.task,
        subject,
        action: 'view',
        at: at(10 + i),
      });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await ws?.close();
  });

  const get = (role: Role, url: string) =>
    app.inject({ url, headers: { authorization: `Bearer ${tokens[role]}` } });

  /** Every row of a list, page by page, and how many pages it took. */
  async function all(role: Role, url: string, key: string) {
    const rows: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const sep = url.includes('?') ? '&' : '?';
      const r = await get(role, cursor ? `${url}${sep}cursor=${cursor}` : url);
      expect(r.statusCode, r.body).toBe(200);
      rows.push(...r.json()[key]);
      cursor = r.json().next_cursor;
      pages++;
    } while (cursor !== null);
    return { rows, pages };
  }

  it('pages the flags, oldest first, filtered by status and category', async () => {
    const whole = await all('trust_safety', `${R}/flags?limit=200`, 'flags');
    expect(whole.pages).toBe(1);
    expect(whole.rows).toHaveLength(9);
    const paged = await all('trust_safety', `${R}/flags?limit=2`, 'flags');
    expect(paged.pages).toBe(5);
    expect(paged.rows.map((f) => f.id)).toEqual(whole.rows.map((f) => f.id));
    const times = whole.rows.map((f) => f.created_at as string);
    expect([...times].sort()).toEqual(times);
    const open = await all('trust_safety', `${R}/flags?status=open&limit=4`, 'flags');
    expect(open.rows).toHaveLength(6);
    expect(open.rows.every((f) => f.status === 'open')).toBe(true);
    const category = FLAG_CATEGORIES[1]!;
    const one = await all('trust_safety', `${R}/flags?category=${category}&limit=1`, 'flags');
    expect(one.rows.map((f) => f.category)).toEqual(
      whole.rows.filter((f) => f.category === category).map((f) => f.category),
    );
    expect(one.rows.length).toBeGreaterThan(0);
  });

  it('pages the staff by username, filtered by role', async () => {
    const paged = await all('admin', `${R}/staff?limit=3`, 'staff');
    const names = paged.rows.map((m) => m.username as string);
    expect(names).toHaveLength(10);
    expect([...names].sort()).toEqual(names);
    const leads = await all('admin', `${R}/staff?role=lead&limit=2`, 'staff');
    expect(leads.rows.map((m) => m.username)).toEqual(['rev-1', 'rev-3', 'rev-5']);
  });

  it('pages the holds, newest first, in force by default, released or all on request', async () => {
    const active = await all('privacy_officer', `${R}/holds?limit=2`, 'holds');
    expect(active.rows.map((h) => h.reason)).toEqual(['hold 4', 'hold 3', 'hold 2']);
    const released = await all('privacy_officer', `${R}/holds?state=released`, 'holds');
    expect(released.rows.map((h) => h.reason)).toEqual(['hold 1', 'hold 0']);
    expect(released.rows.every((h) => typeof h.released_at === 'string')).toBe(true);
    const every = await all('admin', `${R}/holds?state=all&limit=1`, 'holds');
    expect(every.pages).toBe(5);
    expect(every.rows.map((h) => h.reason)).toEqual([
      'hold 4',
      'hold 3',
      'hold 2',
      'hold 1',
      'hold 0',
    ]);
  });

  it('pages the access report in log order, filtered by member of staff and time', async () => {
    const base = `${R}/audit/subject?platform=ig&account=person`;
    const whole = await all('privacy_officer', base, 'events');
    expect(whole.rows).toHaveLength(6);
    const paged = await all('privacy_officer', `${base}&limit=4`, 'events');
    expect(paged.pages).toBe(2);
    expect(paged.rows).toEqual(whole.rows);
    const indexes = paged.rows.map((e) => e.log_index as number);
    expect([...indexes].sort((a, b) => a - b)).toEqual(indexes);
    const one = await all('privacy_officer', `${base}&staff=${staffId(201)}&limit=1`, 'events');
    expect(one.rows.map((e) => e.actor)).toEqual([staffId(201), staffId(201), staffId(201)]);
    const from = encodeURIComponent(at(12).toISOString());
    const to = encodeURIComponent(at(14).toISOString());
    const window = await all('privacy_officer', `${base}&from=${from}&to=${to}`, 'events');
    expect(window.rows.map((e) => e.at)).toEqual([at(12).toISOString(), at(13).toISOString()]);
    const bad = await get('privacy_officer', `${base}&from=yesterday`);
    expect(bad.statusCode).toBe(400);
  });

  it('refuses a cursor it did not give and a limit out of range', async () => {
    for (const url of [
      `${R}/flags?cursor=bm9wZQ`,
      `${R}/flags?cursor=${Buffer.from('["a"]').toString('base64url')}`,
      `${R}/flags?cursor=not%20base64`,
      `${R}/flags?limit=0`,
      `${R}/flags?limit=201`,
      `${R}/flags?limit=abc`,
      `${R}/flags?status=maybe`,
    ]) {
      const r = await get('trust_safety', url);
      expect(r.statusCode, url).toBe(400);
      expect(r.json().error.code).toBe('REQUEST_INVALID');
    }
    const audit = await get(
      'privacy_officer',
      `${R}/audit/subject?platform=ig&account=person&cursor=${Buffer.from('["-1"]').toString('base64url')}`,
    );
    expect(audit.statusCode).toBe(400);
  });
});
