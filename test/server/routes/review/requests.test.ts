import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintLinkToken } from '../../../../src/identity/index.js';
import { addStaff, type StaffMember } from '../../../../src/staff/index.js';
import { type Harness, harness } from '../../harness.js';

const R = '/api/review/v1';
const FAST = { logN: 10, r: 8, p: 1 };

/**
 * The privacy officer's request queue at the API: only that role gets in; the queue is the open
 * requests by deadline, by cursor; an answer closes a request, reaches the person in the portal
 * and by mail, and takes it out of the queue; erasure and the access report act on the person.
 */
describe('review API: request queue', () => {
  let h: Harness;
  let officer: StaffMember;
  let colleague: StaffMember;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    h = await harness({ signInPerMinute: 10_000 });
    const member = (username: string, role: StaffMember['role']) =>
      addStaff(h.store.staff, { username, role, password: 'a long enough password' }, FAST);
    officer = await member('officer', 'privacy_officer');
    colleague = await member('colleague', 'privacy_officer');
    for (const m of [officer, await member('rev', 'reviewer'), await member('boss', 'admin')]) {
      tokens[m.role] = (await h.app.staffSessions.open(m)).token;
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  const as = (role: string) => ({ authorization: `Bearer ${tokens[role]}` });
  async function person(account: string) {
    const token = await mintLinkToken({ platform: 'example', account }, h.platformKey);
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session/platform',
      payload: { token },
    });
    return { authorization: `Bearer ${r.json().session}` };
  }
  async function ask(
    who: Record<string, string>,
    kind: 'access' | 'erasure',
    notify?: string,
  ): Promise<string> {
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/v1/me/requests',
      headers: who,
      payload: { kind, message: `${kind} please`, ...(notify ? { notify_email: notify } : {}) },
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id;
  }

  it('refuses a reviewer and an admin, and lets the privacy officer list', async () => {
    for (const role of ['reviewer', 'admin']) {
      const r = await h.app.inject({ url: `${R}/requests`, headers: as(role) });
      expect([r.statusCode, r.json().error.code]).toEqual([403, 'FORBIDDEN']);
    }
    const r = await h.app.inject({ url: `${R}/requests`, headers: as('privacy_officer') });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('assigns, answers and closes: the answer reaches the portal and the mail, the request leaves the queue', async () => {
    const ida = await person('ida');
    const id = await ask(ida, 'access', 'ida@example.org');
    const listed = (await h.app.inject({ url: `${R}/requests`, headers: as('privacy_officer') }))
      .json()
      .requests.find((r: { id: string }) => r.id === id);
    expect(listed).toMatchObject({ status: 'received', assignee: null, notify_by_email: true });
    expect(listed).not.toHaveProperty('subject');

    const self = await h.app.inject({
      method: 'POST',
      url: `${R}/requests/${id}/assign`,
      headers: as('privacy_officer'),
      payload: {},
    });
    expect(self.json()).toMatchObject({ assignee: officer.id });
    const other = await h.app.inject({
      method: 'POST',
      url: `${R}/requests/${id}/assign`,
      headers: as('privacy_officer'),
      payload: { staff_id: colleague.id },
    });
    expect(other.json()).toMatchObject({ assignee: colleague.id });
    const nobody = await h.app.inject({
      method: 'POST',
      url: `${R}/requests/${id}/assign`,
      headers: as('privacy_officer'),
      payload: { staff_id: 'st_ffffffffffffffff' },
    });
    expect(nobody.statusCode).toBe(404);

    const report = await h.app.inject({
      url: `${R}/requests/${id}/access-report?download=1`,
      headers: as('privacy_officer'),
    });
    expect(report.statusCode).toBe(200);
    expect(report.json()).toMatchObject({ type: 'access_report' });
    expect(report.headers['content-disposition']).toMatch(/^attachment;/);

    const mailsBefore = h.mails.length;
    const answered = await h.app.inject({
      method: 'POST',
      url: `${R}/requests/${id}/answer`,
      headers: as('privacy_officer'),
      payload: { status: 'answered', answer: 'Your report is attached to this page.' },
    });
    expect(answered.json()).toMatchObject({ status: 'answered' });
    expect(h.mails.slice(mailsBefore)).toEqual([
      expect.objectContaining({
        to: 'ida@example.org',
        text: expect.stringContaining('Your report is attached'),
      }),
    ]);
    const mine = (await h.app.inject({ url: '/api/v1/me/requests', headers: ida })).json();
    expect(mine.requests[0]).toMatchObject({
      id,
      status: 'answered',
      answer: 'Your report is attached to this page.',
    });
    const queue = (
      await h.app.inject({ url: `${R}/requests`, headers: as('privacy_officer') })
    ).json();
    expect(queue.requests.map((r: { id: string }) => r.id)).not.toContain(id);

    const again = await h.app.inject({
      method: 'POST',
      url: `${R}/requests/${id}/answer`,
      headers: as('privacy_officer'),
      payload: { status: 'rejected', answer: 'changed my mind' },
    });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'REVIEW_CONFLICT']);
    const blank = await h.app.inject({
      method: 'POST',
      url: `${R}/requests/${await ask(ida, 'access')}/answer`,
      headers: as('privacy_officer'),
      payload: { status: 'answered', answer: '   ' },
    });
    expect(blank.statusCode).toBe(400);
  });

  it('pages the open requests by deadline with a cursor, each once', async () => {
    const jo = await person('jo');
    for (let i = 0; i < 5; i++) await ask(jo, i % 2 ? 'erasure' : 'access');
    const seen: { id: string; deadline: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { requests: { id: string; deadline: string }[]; next_cursor: string | null } = (
        await h.app.inject({
          url: `${R}/requests?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          headers: as('privacy_officer'),
        })
      ).json();
      expect(page.requests.length).toBeLessThanOrEqual(2);
      seen.push(...page.requests);
      cursor = page.next_cursor;
    } while (cursor);
    const all = (
      await h.app.inject({ url: `${R}/requests?limit=200`, headers: as('privacy_officer') })
    )
      .json()
      .requests.map((r: { id: string }) => r.id);
    expect(seen.map((r) => r.id)).toEqual(all);
    expect(new Set(all).size).toBe(all.length);
    const deadlines = seen.map((r) => r.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
    const unknown = await h.app.inject({
      url: `${R}/requests?cursor=01234567-89ab-4def-8123-456789abcdef`,
      headers: as('privacy_officer'),
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('carries out an erasure request and refuses erasing an access request', async () => {
    const kim = await person('kim');
    const erasure = await ask(kim, 'erasure');
    const access = await ask(kim, 'access');
    const refused = await h.app.inject({
      method: 'POST',
      url: `${R}/requests/${access}/erase`,
      headers: as('privacy_officer'),
    });
    expect(refused.statusCode).toBe(400);
    const r = await h.app.inject({
      method: 'POST',
      url: `${R}/requests/${erasure}/erase`,
      headers: as('privacy_officer'),
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ request: { status: 'answered' }, outcome: { done: true } });
    const mine = (await h.app.inject({ url: '/api/v1/me/requests', headers: kim })).json();
    expect(mine.requests.find((x: { id: string }) => x.id === erasure).answer).toMatch(/^Erledigt/);
  });
});
