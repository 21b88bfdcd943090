import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REVIEWER_TASK_FIELDS } from '../../src/authz/index.js';
import { importConsentFile, loadConsentSnapshot, pseudonymise } from '../../src/consent/index.js';
import { DEFAULT_POLICY } from '../../src/policy/index.js';
import { DEFAULT_LABELS, enqueueForReview } from '../../src/review/index.js';
import { addStaff, type Role, type StaffMember } from '../../src/staff/index.js';
import { decodeWav, encodeWav, prepareReviewAudio } from '../../src/voice/index.js';
import { type Harness, harness } from './harness.js';

const R = '/api/review/v1';
const PASSWORD = 'review api password, long enough';
const FAST = { logN: 10, r: 8, p: 1 };

// Canary identifiers in the raw record: none may reach a reviewer.
const CANARY = {
  account: 'acct-canary-7731',
  firstName: 'Zorbalina',
  device: 'dev-CANARY-5521',
  email: 'zorbalina.canary@example.com',
  phone: '+49 170 5550123',
  street: 'Quittenweg 77',
  sourceUrl: 'https://canary.example/post/991',
};

const MEMBERS = [
  ['reviewer', 'reviewer'],
  ['reviewer2', 'reviewer'],
  ['lead', 'lead'],
  ['ts', 'trust_safety'],
  ['ts2', 'trust_safety'],
  ['po', 'privacy_officer'],
  ['admin', 'admin'],
] as const satisfies readonly (readonly [string, Role])[];
type Who = (typeof MEMBERS)[number][0];

describe('review API: the whole flow, in-process', () => {
  let h: Harness;
  let staff: Record<Who, StaffMember>;
  let tokens: Record<Who, string>;
  /** Every body a reviewer received, for the leak check. */
  let reviewerBodies: string[];

  beforeEach(async () => {
    h = await harness({ signInPerMinute: 10_000 });
    staff = {} as Record<Who, StaffMember>;
    tokens = {} as Record<Who, string>;
    for (const [who, role] of MEMBERS) {
      staff[who] = await addStaff(
        h.store.staff,
        { username: `api-${who}`, role, password: PASSWORD },
        FAST,
      );
      tokens[who] = (await h.app.staffSessions.open(staff[who])).token;
    }
    reviewerBodies = [];
  });
  afterEach(async () => {
    vi.useRealTimers();
    await h?.close();
  });

  async function call(
    who: Who | undefined,
    method: 'GET' | 'POST' | 'DELETE' | 'PATCH',
    url: string,
    payload?: object,
  ) {
    const r = await h.app.inject({
      method,
      url,
      headers: who ? { authorization: `Bearer ${tokens[who]}` } : {},
      ...(payload === undefined ? {} : { payload }),
    });
    if (who === 'reviewer' || who === 'reviewer2') reviewerBodies.push(r.body);
    return r;
  }

  let counter = 0;
  /** Queues records for review as `obhut review enqueue` does, with the real audio pipeline. */
  async function enqueue(records: readonly object[], k = 1) {
    const dir = path.dirname(h.home);
    const tone = new Float32Array(16_000).map((_, i) => 0.3 * Math.sin(i / 5));
    await writeFile(path.join(dir, 'clip.wav'), encodeWav(tone, 16_000));
    const input = path.join(dir, `items-${counter++}.jsonl`);
    await writeFile(input, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const now = new Date();
    const result = await enqueueForReview({
      inputs: [input],
      policy: { ...DEFAULT_POLICY, purpose: 'human_review' },
      consent: await loadConsentSnapshot(h.store, 'human_review', now.toISOString(), now.getTime()),
      store: h.store,
      secret: h.secret,
      home: h.home,
      k,
      labels: DEFAULT_LABELS,
      prepareAudio: (wav, ranges) => prepareReviewAudio(wav, ranges),
      now,
    });
    expect(result.rejected).toEqual([]);
    return result.queued;
  }

  const audioRecord = (id: string, account = CANARY.account) => ({
    id,
    kind: 'audio',
    media: 'clip.wav',
    subject: { platform: 'ig', account, age: 'adult', region: 'DE' },
    first_name: CANARY.firstName,
    device_id: CANARY.device,
    email: CANARY.email,
    phone: CANARY.phone,
    street: CANARY.street,
    source: {
      url: CANARY.sourceUrl,
      dataset: 'voice-notes',
      collector: 'app',
      collected_at: '2026-01-01T00:00:00Z',
    },
    transcript: {
      words: [
        { text: 'hello', start: 0, end: 0.2 },
        { text: 'this', start: 0.2, end: 0.3 },
        { text: 'is', start: 0.3, end: 0.4 },
        { text: 'Anna', start: 0.4, end: 0.6 },
        { text: 'Schmidt', start: 0.6, end: 0.8 },
        { text: 'thanks', start: 0.8, end: 1.0 },
      ],
    },
  });
  const textRecord = (id: string, account = CANARY.account) => ({
    id,
    kind: 'text',
    text: 'I will hurt Anna Schmidt tomorrow',
    subject: { platform: 'ig', account, age: 'adult', region: 'DE' },
    device_id: CANARY.device,
  });

  async function next(who: Who) {
    const r = await call(who, 'GET', `${R}/tasks/next`);
    return r;
  }

  async function object(account: string) {
    const file = path.join(path.dirname(h.home), `events-${counter++}.jsonl`);
    const event = {
      platform: 'ig',
      account,
      purpose: 'human_review',
      action: 'object',
      at: new Date(Date.now() - 1000).toISOString(),
      channel: 'portal',
    };
    await writeFile(file, `${JSON.stringify(event)}\n`);
    const result = await importConsentFile(file, h.log, h.secret);
    expect(result.rejected).toEqual([]);
  }

  it('walks a reviewer through next → open → signed audio → WAV stream → answer, k per item', async () => {
    await enqueue([audioRecord('rec-1')], 2);

    const first = await next('reviewer');
    expect(first.statusCode, first.body).toBe(200);
    const task = first.json().task;
    expect(task).toMatchObject({
      kind: 'audio',
      status: 'open',
      labels: ['correct', 'minor_errors', 'major_errors', 'unusable'],
      quota: { used: 1, limit: 200 },
    });
    expect(task.id).toMatch(/^rt_[0-9a-f]{32}$/);
    expect(Date.parse(task.assignment.expires_at)).toBeGreaterThan(Date.now());
    expect(task.duration).toBeCloseTo(1, 2);
    expect(task.redacted_ranges.length).toBeGreaterThan(0);
    expect(task.words.map((w: { text: string }) => w.text).join(' ')).not.toContain('Anna');
    for (const key of Object.keys(task)) expect(REVIEWER_TASK_FIELDS).toContain(key);
    // Asking again gives the task already held.
    expect((await next('reviewer')).json().task.id).toBe(task.id);

    const opened = await call('reviewer', 'GET', `${R}/tasks/${task.id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['cache-control']).toBe('no-store');

    const link = await call('reviewer', 'GET', `${R}/tasks/${task.id}/audio`);
    expect(link.statusCode, link.body).toBe(200);
    const { url, expires_at } = link.json();
    expect(url).toMatch(new RegExp(`^${R}/media/[A-Za-z0-9_-]{54}\\.[A-Za-z0-9_-]{22}$`));
    const ttl = Date.parse(expires_at) - Date.now();
    expect(ttl).toBeGreaterThan(100_000);
    expect(ttl).toBeLessThanOrEqual(120_000);

    // As an <audio> element fetches it: no bearer header.
    const wav = await call(undefined, 'GET', url);
    expect(wav.statusCode, wav.body).toBe(200);
    expect(wav.headers['content-type']).toBe('audio/wav');
    expect(wav.headers['cache-control']).toBe('no-store');
    expect(wav.headers['content-disposition']).toBe('inline');
    expect(wav.headers['x-content-type-options']).toBe('nosniff');
    const bytes = wav.rawPayload;
    reviewerBodies.push(bytes.toString('latin1'));
    expect(decodeWav(bytes).sampleRate).toBe(16_000);
    expect(chunks(bytes)).toEqual(['fmt ', 'data']);
    // Single use.
    const again = await call(undefined, 'GET', url);
    expect([again.statusCode, again.json().error.code]).toEqual([401, 'UNAUTHENTICATED']);
    // The one-second copy counts towards today's exposure, once however often it is played.
    const replay = (await call('reviewer', 'GET', `${R}/tasks/${task.id}/audio`)).json().url;
    expect((await call(undefined, 'GET', replay)).statusCode).toBe(200);
    expect((await call('reviewer', 'GET', `${R}/tasks/${task.id}`)).json().task.quota).toEqual({
      used: 1,
      limit: 200,
      exposure: { seconds: 1, limit_seconds: 7200 },
    });

    // A comment is plain text of at most 2,000 characters; a refused one leaves the task held.
    for (const comment of ['x'.repeat(2_001), 'nul \u0000 byte']) {
      const refused = await call('reviewer', 'POST', `${R}/tasks/${task.id}/answer`, {
        labels: ['minor_errors'],
        comment,
      });
      expect([refused.statusCode, refused.json().error.code]).toEqual([400, 'REQUEST_INVALID']);
    }
    const answer = await call('reviewer', 'POST', `${R}/tasks/${task.id}/answer`, {
      labels: ['minor_errors'],
      transcript: 'hello this is [PERSON] thanks',
      comment: '  fine, but <i>one</i> word was cut off\n ',
    });
    expect(answer.statusCode, answer.body).toBe(201);
    expect(answer.json()).toMatchObject({ done: false });
    expect(answer.json().answer_id).toMatch(/^ra_[0-9a-f]{32}$/);
    // Answered: the reviewer's hold on it ended.
    expect((await call('reviewer', 'GET', `${R}/tasks/${task.id}`)).statusCode).toBe(403);
    expect((await next('reviewer')).statusCode).toBe(204);

    // k = 2: a second reviewer gets the same task; after their answer nobody else does.
    const second = await next('reviewer2');
    expect(second.json().task.id).toBe(task.id);
    const bad = await call('reviewer2', 'POST', `${R}/tasks/${task.id}/answer`, {
      labels: ['excellent'],
    });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'REQUEST_INVALID']);
    const done = await call('reviewer2', 'POST', `${R}/tasks/${task.id}/answer`, {
      labels: ['correct'],
    });
    expect(done.json()).toMatchObject({ done: true });
    const lead = await next('lead');
    expect(lead.statusCode).toBe(204);
    const queue = await call('lead', 'GET', `${R}/queue`);
    expect(queue.json()).toEqual({
      open: 0,
      assigned: 0,
      done: 1,
      flagged: 0,
      removed: 0,
      exposure: {
        reviewers_today: 2,
        median_minutes: 0,
        max_minutes: 0,
        at_limit: 0,
        limit_minutes: 120,
      },
    });
    const leadView = await call('lead', 'GET', `${R}/tasks/${task.id}`);
    expect(leadView.json().task).toMatchObject({ k: 2, status: 'done' });
    expect(leadView.json().task.answers).toHaveLength(2);
    // The comment is stored with the answer (trimmed, as text), and in no TaskView.
    const stored = await h.store.review.answers(task.id);
    expect(stored.map((a) => [a.reviewer, a.comment])).toEqual([
      [staff.reviewer.id, 'fine, but <i>one</i> word was cut off'],
      [staff.reviewer2.id, undefined],
    ]);
    expect(leadView.body).not.toContain('cut off');

    expectNoCanaries(reviewerBodies);
  });

  it('gives a lead the answers out a page at a time and the agreement; pseudonymous, nothing identifying', async () => {
    await enqueue([textRecord('exp-1', 'acct-e1'), textRecord('exp-2', 'acct-e2')], 2);
    for (const [who, second] of [
      ['reviewer', 'correct'],
      ['reviewer2', 'unusable'],
    ] as const) {
      for (const n of [0, 1]) {
        const task = (await next(who)).json().task;
        const labels = { transcript_quality: n === 0 ? 'correct' : second };
        const r = await call(who, 'POST', `${R}/tasks/${task.id}/answer`, {
          labels,
          comment: `Anna Schmidt ${CANARY.phone}`,
        });
        expect(r.statusCode, r.body).toBe(201);
      }
    }
    for (const who of ['reviewer', 'ts', 'po', 'admin'] as const)
      expect((await call(who, 'GET', `${R}/export`)).statusCode).toBe(403);
    expect((await call('lead', 'GET', `${R}/export?since=yesterday`)).statusCode).toBe(400);

    const first = await call('lead', 'GET', `${R}/export?limit=1`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items).toHaveLength(1);
    const cursor = first.json().next_cursor;
    expect(cursor).toMatch(/^rt_/);
    const second = await call('lead', 'GET', `${R}/export?limit=1&cursor=${cursor}`);
    expect(second.json().next_cursor).toBeNull();
    const items = [...first.json().items, ...second.json().items];
    expect(items.map((i) => i.record_id).sort()).toEqual(['exp-1', 'exp-2']);
    for (const item of items) {
      expect(item.answers).toHaveLength(2);
      for (const a of item.answers) {
        expect(a.reviewer).toMatch(/^rv_[0-9a-f]{32}$/);
        expect(a.comment).not.toContain('Anna');
      }
    }
    const body = first.body + second.body;
    for (const secret of [
      CANARY.account,
      CANARY.phone,
      'acct-e1',
      staff.reviewer.id,
      'api-reviewer',
    ])
      expect(body).not.toContain(secret);

    const agreement = await call('lead', 'GET', `${R}/agreement`);
    expect(agreement.statusCode).toBe(200);
    // Items alike on one, split on the other: [correct, correct] and [correct, unusable].
    expect(agreement.json().tasks).toBe(2);
    const [q] = agreement.json().questions;
    expect(q).toMatchObject({ name: 'transcript_quality', items: 2, answers: 4 });
    expect(q.alpha).toBeCloseTo(1 - (3 * 2) / (3 * 1 * 2), 12);
  });

  it('stops at the daily quota (the per-member one first) with 204', async () => {
    await enqueue([textRecord('q-1', 'q1'), textRecord('q-2', 'q2'), textRecord('q-3', 'q3')]);
    await h.store.staff.update(staff.reviewer.id, { dailyQuota: 1 });
    tokens.reviewer = (await h.app.staffSessions.open(staff.reviewer)).token;
    const first = await next('reviewer');
    expect(first.json().task.quota).toEqual({
      used: 1,
      limit: 1,
      exposure: { seconds: 0, limit_seconds: 7200 },
    });
    const id = first.json().task.id;
    expect(
      (await call('reviewer', 'POST', `${R}/tasks/${id}/answer`, { labels: ['correct'] }))
        .statusCode,
    ).toBe(201);
    const stopped = await next('reviewer');
    expect([stopped.statusCode, stopped.headers['obhut-review-reason']]).toEqual([
      204,
      'daily_quota',
    ]);
    // Others are not held back by it.
    expect((await next('reviewer2')).statusCode).toBe(200);
  });

  it("stops at today's exposure limit with 204 exposure_limit; the current task still finishes; leads see aggregates", async () => {
    await enqueue([textRecord('x-1', 'x1'), textRecord('x-2', 'x2')]);
    const held = (await next('reviewer')).json().task;
    // 119 minutes of audio elsewhere today, then a one-minute image view: 120 minutes, the limit.
    const at = new Date();
    const add = (task: string, ms: number, kind: 'audio' | 'image') =>
      h.store.review.recordExposure({ reviewer: staff.reviewer.id, task, kind, ms, at });
    expect(await add(`rt_${'1'.repeat(32)}`, 119 * 60_000, 'audio')).toBe(true);
    expect((await next('reviewer')).json().task.quota.exposure).toEqual({
      seconds: 7140,
      limit_seconds: 7200,
    });
    expect(await add(`rt_${'2'.repeat(32)}`, 60_000, 'image')).toBe(true);
    // The task held is still handed back and can be answered.
    const again = await next('reviewer');
    expect(again.json().task).toMatchObject({
      id: held.id,
      quota: { exposure: { seconds: 7200, limit_seconds: 7200 } },
    });
    const answered = await call('reviewer', 'POST', `${R}/tasks/${held.id}/answer`, {
      labels: ['correct'],
    });
    expect(answered.statusCode).toBe(201);
    const stopped = await next('reviewer');
    expect([stopped.statusCode, stopped.headers['obhut-review-reason'], stopped.body]).toEqual([
      204,
      'exposure_limit',
      '',
    ]);
    // Others are not held back by it; an empty queue says so.
    expect((await next('reviewer2')).statusCode).toBe(200);
    expect((await next('reviewer')).headers['obhut-review-reason']).toBe('exposure_limit');
    const empty = await next('lead');
    expect([empty.statusCode, empty.headers['obhut-review-reason']]).toEqual([204, 'queue_empty']);

    // The lead's counts: reviewers active today and minutes, never who.
    const queue = await call('lead', 'GET', `${R}/queue`);
    expect(queue.json().exposure).toEqual({
      reviewers_today: 2,
      median_minutes: 60,
      max_minutes: 120,
      at_limit: 1,
      limit_minutes: 120,
    });
    for (const member of Object.values(staff)) expect(queue.body).not.toContain(member.id);
  });

  it('keeps a task to its reviewer: another reviewer gets 403, a lead may read it', async () => {
    await enqueue([audioRecord('own-1')]);
    const task = (await next('reviewer')).json().task;
    for (const [method, suffix, body] of [
      ['GET', '', undefined],
      ['GET', '/audio', undefined],
      ['POST', '/answer', { labels: ['correct'] }],
      ['POST', '/flag', { category: 'other' }],
      ['POST', '/release', {}],
    ] as const) {
      const r = await call('reviewer2', method, `${R}/tasks/${task.id}${suffix}`, body);
      expect([r.statusCode, r.json().error.code], `${method} ${suffix}`).toEqual([
        403,
        'FORBIDDEN',
      ]);
    }
    const lead = await call('lead', 'GET', `${R}/tasks/${task.id}`);
    expect(lead.statusCode).toBe(200);
    expect(lead.json().task).toMatchObject({ id: task.id, k: 1, answers: [] });
    expect(lead.json().task.assignment).toBeUndefined();
    // A lead may listen too; the lead cannot answer a task they do not hold.
    expect((await call('lead', 'GET', `${R}/tasks/${task.id}/audio`)).statusCode).toBe(200);
    expect(
      (await call('lead', 'POST', `${R}/tasks/${task.id}/answer`, { labels: ['correct'] }))
        .statusCode,
    ).toBe(403);

    // The signed URL is bound to whom it was issued to, and is short-lived.
    const { url } = (await call('reviewer', 'GET', `${R}/tasks/${task.id}/audio`)).json();
    const wrong = await call('reviewer2', 'GET', url);
    expect(wrong.statusCode).toBe(403);
    const token = url.split('/').pop() as string;
    const [payload, mac] = token.split('.');
    const bytes = Buffer.from(payload!, 'base64url');
    bytes.write(staff.reviewer2.id.slice(3), 0, 'hex');
    const forged = bytes.toString('base64url');
    expect((await call(undefined, 'GET', `${R}/media/${forged}.${mac}`)).statusCode).toBe(401);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 121_000 });
    expect((await call(undefined, 'GET', url)).statusCode).toBe(401);
    vi.useRealTimers();
    // Releasing ends the hold: the URL dies with it.
    const fresh = (await call('reviewer', 'GET', `${R}/tasks/${task.id}/audio`)).json().url;
    expect(
      (await call('reviewer', 'POST', `${R}/tasks/${task.id}/release`, { reason: 'uncomfortable' }))
        .statusCode,
    ).toBe(204);
    expect((await call(undefined, 'GET', fresh)).statusCode).toBe(403);
    // The released task goes to someone else, not back to the one who skipped it.
    expect((await next('reviewer')).statusCode).toBe(204);
    expect((await next('reviewer2')).json().task.id).toBe(task.id);
    expectNoCanaries(reviewerBodies);
  });

  it('answers 410 when the subject objected after the task was handed out, and drops the task', async () => {
    await enqueue([audioRecord('obj-1', 'objector')]);
    const task = (await next('reviewer')).json().task;
    await object('objector');
    const r = await call('reviewer', 'GET', `${R}/tasks/${task.id}`);
    expect([r.statusCode, r.json().error.code]).toEqual([410, 'REVIEW_CONFLICT']);
    expect((await call('reviewer', 'GET', `${R}/tasks/${task.id}`)).statusCode).toBe(410);
    expect((await call('lead', 'GET', `${R}/tasks/${task.id}`)).statusCode).toBe(410);
    // The reviewer's copy is gone.
    expect(await readdir(path.join(h.home, 'review', 'derived'))).toEqual([]);
    // Objected before anyone opened it: withdrawn on the way, nothing to hand out.
    await enqueue([textRecord('obj-2', 'objector2')]);
    await object('objector2');
    expect((await next('reviewer')).statusCode).toBe(204);
    expect((await call('lead', 'GET', `${R}/queue`)).json()).toMatchObject({
      open: 0,
      removed: 2,
    });
  });

  it('routes a flag to trust_safety, who read and reveal it (logged); reviewers never can', async () => {
    await enqueue([textRecord('flag-1')]);
    const task = (await next('reviewer')).json().task;
    const flagged = await call('reviewer', 'POST', `${R}/tasks/${task.id}/flag`, {
      category: 'threat',
      note: 'a threat against a person',
    });
    expect(flagged.statusCode, flagged.body).toBe(201);
    const { flag_id, guidance } = flagged.json();
    expect(flag_id).toMatch(/^rf_[0-9a-f]{32}$/);
    // What happens next, in concrete terms: no pointer to a page that does not exist.
    expect(guidance).toMatch(/trust & safety team/);
    expect(guidance).toMatch(/not be told the outcome/);
    expect(guidance).toMatch(/stop reviewing now/);
    expect(guidance).toMatch(/talk to your lead/);
    expect(guidance).not.toMatch(/help page/);
    for (const [method, url] of [
      ['GET', `${R}/flags`],
      ['GET', `${R}/flags/${flag_id}`],
      ['POST', `${R}/flags/${flag_id}/reveal`],
    ] as const) {
      expect(
        (await call('reviewer', method, url, method === 'POST' ? {} : undefined)).statusCode,
      ).toBe(403);
      expect((await call('lead', method, url, method === 'POST' ? {} : undefined)).statusCode).toBe(
        403,
      );
    }

    const list = (await call('ts', 'GET', `${R}/flags`)).json().flags;
    expect(list).toEqual([
      {
        id: flag_id,
        task_id: task.id,
        category: 'threat',
        note: 'a threat against a person',
        status: 'open',
        created_at: expect.any(String),
      },
    ]);
    const read = (await call('ts', 'GET', `${R}/flags/${flag_id}`)).json();
    expect(read.flag.id).toBe(flag_id);
    expect(read.task).toMatchObject({ id: task.id, kind: 'text', status: 'flagged' });
    expect(read.task.text).not.toContain('Anna');
    expect(read.task.assignment).toBeUndefined();

    const revealed = await call('ts', 'POST', `${R}/flags/${flag_id}/reveal`, {});
    expect(revealed.statusCode, revealed.body).toBe(200);
    const subject = pseudonymise(h.secret, { platform: 'ig', account: CANARY.account });
    expect(revealed.json().provenance).toEqual({ record_id: 'flag-1', subject });
    expect(revealed.json()).not.toHaveProperty('raw_text');

    const tooLong = await call('ts', 'POST', `${R}/flags/${flag_id}/resolve`, {
      outcome: 'no_action',
      note: 'n'.repeat(2_001),
    });
    expect([tooLong.statusCode, tooLong.json().error.code]).toEqual([400, 'REQUEST_INVALID']);
    const note = 'Read in context: a quote from a film, no threat. <b>no markup</b>';
    const resolved = await call('ts', 'POST', `${R}/flags/${flag_id}/resolve`, {
      outcome: 'no_action',
      note,
    });
    expect(resolved.json().flag).toMatchObject({
      status: 'resolved',
      outcome: 'no_action',
      resolved_by: staff.ts.id,
      resolved_note: note,
    });
    // Kept with the flag: trust_safety reads it back in the list and the flag.
    expect((await h.store.review.getFlag(flag_id))!.resolvedNote).toBe(note);
    const listed = (await call('ts2', 'GET', `${R}/flags?status=resolved`)).json().flags;
    expect(listed).toEqual([expect.objectContaining({ id: flag_id, resolved_note: note })]);
    expect((await call('ts2', 'GET', `${R}/flags/${flag_id}`)).json().flag.resolved_note).toBe(
      note,
    );
    for (const who of ['reviewer', 'lead', 'po', 'admin'] as const) {
      const denied = await call(who, 'GET', `${R}/flags/${flag_id}`);
      expect(denied.statusCode, who).toBe(403);
      expect(denied.body).not.toContain('film');
    }
    expect(
      (await call('ts', 'POST', `${R}/flags/${flag_id}/resolve`, { outcome: 'reported' }))
        .statusCode,
    ).toBe(409);
    // no_action: back in the queue, for another reviewer.
    expect((await next('reviewer2')).json().task.id).toBe(task.id);

    const audit = (
      await call('po', 'GET', `${R}/audit/subject?platform=ig&account=${CANARY.account}`)
    ).json();
    expect(audit.subject).toBe(subject);
    const events = audit.events.map((e: { actor: string; action: string }) => [e.actor, e.action]);
    expect(events).toEqual(
      expect.arrayContaining([
        [staff.reviewer.id, 'view'],
        [staff.reviewer.id, 'flag'],
        [staff.ts.id, 'view'],
        [staff.ts.id, 'reveal'],
      ]),
    );
    expectNoCanaries(reviewerBodies);
  });

  it('does not tell the flagging reviewer the outcome: the task is refused alike, pending, requeued or reported', async () => {
    await enqueue([textRecord('flag-2', 'acct-flag-2'), textRecord('flag-3', 'acct-flag-3')]);
    for (const outcome of ['no_action', 'reported'] as const) {
      const task = (await next('reviewer')).json().task;
      const flagged = await call('reviewer', 'POST', `${R}/tasks/${task.id}/flag`, {
        category: 'threat',
      });
      expect(flagged.statusCode, flagged.body).toBe(201);
      expect((await call('reviewer', 'GET', `${R}/tasks/${task.id}`)).statusCode).toBe(403);
      const resolved = await call('ts', 'POST', `${R}/flags/${flagged.json().flag_id}/resolve`, {
        outcome,
      });
      expect(resolved.statusCode, resolved.body).toBe(200);
      // Resolved without a note: `resolved_note` is null.
      expect(resolved.json().flag.resolved_note).toBeNull();
      expect((await call('reviewer', 'GET', `${R}/tasks/${task.id}`)).statusCode).toBe(403);
      // A lead is told: reported took the task out of review.
      expect((await call('lead', 'GET', `${R}/tasks/${task.id}`)).statusCode).toBe(
        outcome === 'reported' ? 410 : 200,
      );
    }
  });

  it('unmasks for the requester only, after two approvals by others, until it expires', async () => {
    await enqueue([textRecord('mask-1')]);
    const task = (await next('reviewer')).json().task;
    const reviewerTry = await call('reviewer', 'POST', `${R}/unmask`, {
      task_id: task.id,
      justification: 'I would like to know who this is, please',
    });
    expect(reviewerTry.statusCode).toBe(403);
    const short = await call('ts', 'POST', `${R}/unmask`, {
      task_id: task.id,
      justification: 'because',
    });
    expect(short.statusCode).toBe(400);

    const asked = await call('ts', 'POST', `${R}/unmask`, {
      task_id: task.id,
      justification: 'credible threat of violence against a named person; police request 42',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const request = asked.json().request;
    expect(request).toMatchObject({
      task_id: task.id,
      requested_by: staff.ts.id,
      approvals: [],
      status: 'pending',
    });
    const id = request.id;
    expect((await call('ts', 'POST', `${R}/unmask/${id}/approve`, {})).statusCode).toBe(403);
    const one = await call('po', 'POST', `${R}/unmask/${id}/approve`, {});
    expect(one.json().request).toMatchObject({ approvals: [staff.po.id], status: 'pending' });
    expect((await call('po', 'POST', `${R}/unmask/${id}/approve`, {})).statusCode).toBe(403);
    const early = (await call('ts', 'GET', `${R}/unmask/${id}`)).json();
    expect(early.identity).toBeUndefined();
    const two = await call('ts2', 'POST', `${R}/unmask/${id}/approve`, {});
    expect(two.json().request).toMatchObject({ status: 'approved' });
    expect(two.json().request.approvals.sort()).toEqual([staff.po.id, staff.ts2.id].sort());

    for (const other of ['ts2', 'po'] as const) {
      const r = (await call(other, 'GET', `${R}/unmask/${id}`)).json();
      expect(r.request.status).toBe('approved');
      expect(r.identity).toBeUndefined();
    }
    const shown = (await call('ts', 'GET', `${R}/unmask/${id}`)).json();
    expect(shown.identity).toEqual({ platform: 'ig', account: CANARY.account });

    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 31 * 60_000 });
    tokens.ts = (await h.app.staffSessions.open(staff.ts)).token;
    const late = (await call('ts', 'GET', `${R}/unmask/${id}`)).json();
    expect(late.request.status).toBe('expired');
    expect(late.identity).toBeUndefined();
    vi.useRealTimers();

    const audit = (
      await call('po', 'GET', `${R}/audit/subject?platform=ig&account=${CANARY.account}`)
    ).json();
    const unmasks = audit.events.filter((e: { action: string }) => e.action === 'unmask');
    expect(unmasks.map((e: { actor: string }) => e.actor)).toEqual([staff.ts.id]);
    expect((await call('ts', 'GET', `${R}/audit/subject?platform=ig&account=x`)).statusCode).toBe(
      403,
    );
  });

  it("gives the privacy officer the subject's access history: view, listen, answer, reveal", async () => {
    await enqueue([audioRecord('audit-1')], 2);
    const task = (await next('reviewer')).json().task;
    const { url } = (await call('reviewer', 'GET', `${R}/tasks/${task.id}/audio`)).json();
    expect((await call(undefined, 'GET', url)).statusCode).toBe(200);
    await call('reviewer', 'POST', `${R}/tasks/${task.id}/answer`, { labels: ['correct'] });
    await next('reviewer2');
    const { flag_id } = (
      await call('reviewer2', 'POST', `${R}/tasks/${task.id}/flag`, { category: 'other' })
    ).json();
    await call('ts', 'POST', `${R}/flags/${flag_id}/reveal`, {});

    const r = await call('po', 'GET', `${R}/audit/subject?platform=ig&account=${CANARY.account}`);
    expect(r.statusCode).toBe(200);
    const events = r.json().events as {
      at: string;
      actor: string;
      task: string;
      action: string;
      log_index: number;
    }[];
    expect(events.map((e) => [e.actor, e.action])).toEqual([
      [staff.reviewer.id, 'view'],
      [staff.reviewer.id, 'listen'],
      [staff.reviewer.id, 'answer'],
      [staff.reviewer2.id, 'view'],
      [staff.reviewer2.id, 'flag'],
      [staff.ts.id, 'reveal'],
    ]);
    for (const [i, e] of events.entries()) {
      expect(e.task).toBe(task.id);
      if (i > 0) expect(e.log_index).toBeGreaterThan(events[i - 1]!.log_index);
    }
    const other = await call('po', 'GET', `${R}/audit/subject?platform=ig&account=nobody`);
    expect(other.json().events).toEqual([]);
    expectNoCanaries(reviewerBodies);
  });

  it('places and releases legal holds, and sweeps retention on demand', async () => {
    const [queued] = await enqueue([textRecord('hold-1')]);
    const bySubject = await call('po', 'POST', `${R}/holds`, {
      subject_platform: 'ig',
      subject_account: CANARY.account,
      reason: 'litigation hold, case 2026-17',
    });
    expect(bySubject.statusCode, bySubject.body).toBe(201);
    expect(bySubject.json().hold).toMatchObject({
      subject: pseudonymise(h.secret, { platform: 'ig', account: CANARY.account }),
      created_by: staff.po.id,
    });
    const byItem = await call('admin', 'POST', `${R}/holds`, {
      item_id: queued!.item,
      reason: 'regulator inquiry',
    });
    expect(byItem.statusCode).toBe(201);
    const half = await call('po', 'POST', `${R}/holds`, { subject_platform: 'ig', reason: 'x' });
    expect(half.statusCode).toBe(400);
    const holdId = bySubject.json().hold.id;
    // Both roles see the active holds, each with its item or subject pseudonym.
    const listed = await call('admin', 'GET', `${R}/holds`);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().holds).toHaveLength(2);
    expect(listed.json().holds).toEqual(
      expect.arrayContaining([byItem.json().hold, bySubject.json().hold]),
    );
    expect(listed.body).not.toContain(CANARY.account);
    expect((await call('po', 'DELETE', `${R}/holds/${holdId}`)).statusCode).toBe(204);
    expect((await call('po', 'DELETE', `${R}/holds/${holdId}`)).statusCode).toBe(404);
    expect((await call('po', 'GET', `${R}/holds`)).json().holds).toEqual([byItem.json().hold]);

    const sweep = await call('admin', 'POST', `${R}/retention/sweep`, {});
    expect(sweep.statusCode, sweep.body).toBe(200);
    expect(sweep.json()).toEqual({ removed: { raw: 0, derived: 0, items: [] } });
    expect((await call('po', 'POST', `${R}/retention/sweep`, {})).statusCode).toBe(403);
    expect(existsSync(path.join(h.home, 'review', 'raw'))).toBe(true);
  });
});

/** The RIFF chunk ids after the WAVE header. */
function chunks(bytes: Buffer): string[] {
  const ids: string[] = [];
  for (let p = 12; p + 8 <= bytes.length; ) {
    ids.push(bytes.toString('latin1', p, p + 4));
    p += 8 + bytes.readUInt32LE(p + 4) + (bytes.readUInt32LE(p + 4) % 2);
  }
  return ids;
}

function expectNoCanaries(bodies: readonly string[]) {
  expect(bodies.length).toBeGreaterThan(0);
  const all = bodies.join('\n');
  for (const [what, value] of Object.entries(CANARY)) {
    expect(all.includes(value), `${what} reached a reviewer`).toBe(false);
    expect(all.toLowerCase().includes(value.toLowerCase()), `${what} reached a reviewer`).toBe(
      false,
    );
  }
  // Neither the pseudonym nor the review item's id (a media token's base64 may well hold the
  // three characters "ri_", so the id's whole shape is looked for).
  expect(all).not.toMatch(/"[0-9a-f]{64}"/);
  expect(all).not.toMatch(/ri_[0-9a-f]{32}/);
}
