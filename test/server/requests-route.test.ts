import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConsentSnapshot } from '../../src/consent/index.js';
import { verifySubjectsProof } from '../../src/gate/verify-subjects-proof.js';
import { mintPlatformToken, type PlatformKey } from '../../src/identity/index.js';
import { registerModel } from '../../src/lineage/index.js';
import {
  decodeEntry,
  parseVerifierKey,
  readProofInput,
  verifyReceipt,
} from '../../src/log/index.js';
import { DEFAULT_POLICY } from '../../src/policy/index.js';
import { recordAccess } from '../../src/review/access.js';
import { enqueueForReview } from '../../src/review/enqueue.js';
import { DEFAULT_LABELS } from '../../src/review/model.js';
import { DEFAULT_RULES } from '../../src/review/rules.js';
import { buildServer } from '../../src/server/app.js';
import { adult, type Workspace, workspace } from '../support/fixtures.js';

const ADMIN = 'operator-token-for-tests';

/**
 * Requests that act, end to end at the API: a person asks for erasure; their access report shows
 * the build that included them (with a proof), their review item and the access to it; the
 * operator carries out the erasure; the person's state, review data, answer and report change.
 */
describe('access report and erasure', () => {
  let ws: Workspace;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let buildId: string;
  const key: PlatformKey = { kind: 'hmac', secret: randomBytes(32) };
  const now = new Date();
  const mails: { to: string; subject: string; text: string }[] = [];

  beforeAll(async () => {
    ws = await workspace('sqlite');
    const home = path.join(ws.dir, 'home');
    const item = (id: string, account: string) => ({
      id,
      kind: 'text',
      text: 'Hallo',
      subject: { ...adult(account), platform: 'example' },
    });
    const input = await ws.write('items.jsonl', [item('a1', 'alice'), item('c1', 'carol')]);
    const built = await ws.build([input]);
    expect(built.manifest.counts).toMatchObject({ admitted: 2 });
    buildId = (await ws.store.listBuilds())[0]!.buildId!;
    await registerModel(
      { builds: ws.store, models: ws.store, writer: ws.log.writer },
      { model: { name: 'org/llm', version: '1' }, buildIds: [buildId], at: now },
    );

    const review = await ws.write('review.jsonl', [item('a-review', 'alice')]);
    const enqueued = await enqueueForReview({
      inputs: [review],
      policy: { ...DEFAULT_POLICY, purpose: 'human_review' },
      consent: await loadConsentSnapshot(
        ws.store,
        'human_review',
        now.toISOString(),
        now.getTime(),
      ),
      store: ws.store,
      secret: ws.secret,
      home,
      k: 1,
      labels: DEFAULT_LABELS,
      prepareAudio: () => Buffer.from('DERIVED'),
      now,
    });
    const [queued] = enqueued.queued;
    const reviewItem = await ws.store.review.item(queued!.item);
    await recordAccess(ws.log, {
      actor: 'st_0000000000000001',
      task: queued!.task,
      subject: reviewItem!.subject,
      action: 'view',
      at: now,
    });

    app = await buildServer({
      session: { store: ws.store, log: ws.log, secret: ws.secret },
      platforms: new Map([['example', key]]),
      mailer: {
        describe: 'memory',
        send: async (message) => {
          mails.push(message);
        },
      },
      limits: { signInPerMinute: 100 },
      adminToken: ADMIN,
      review: { home, rules: DEFAULT_RULES },
    });
  });
  afterAll(async () => {
    await app?.close();
    await ws?.close();
  });

  async function signIn(account: string): Promise<Record<string, string>> {
    const token = mintPlatformToken({ platform: 'example', account }, key);
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/session/platform',
      payload: { token },
    });
    return { authorization: `Bearer ${r.json().session}` };
  }
  const operator = { authorization: `Bearer ${ADMIN}` };

  it('gives the person a report of their builds (with proofs), review items and accesses', async () => {
    const alice = await signIn('alice');
    const r = await app.inject({ url: '/api/v1/me/access-report?download=1', headers: alice });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="obhut-access-report-/);
    const report = r.json();
    expect(report).toMatchObject({ type: 'access_report', decisions: [] });
    expect(JSON.stringify(report)).not.toContain('alice');
    const [build] = report.builds;
    expect(build).toMatchObject({ build_id: buildId, status: 'included', after_objection: false });
    expect(verifySubjectsProof(build.proofs[0], parseVerifierKey(ws.log.verifierKey)).ok).toBe(
      true,
    );
    expect(report.review.items).toHaveLength(1);
    expect(report.review.items[0]).toMatchObject({
      reviewer_copy_deleted_at: null,
      raw_deleted_at: null,
    });
    expect(report.review.accesses).toEqual([
      expect.objectContaining({ action: 'view', actor: 'st_0000000000000001' }),
    ]);
    // The model trained on the build that held her; she has not objected.
    expect(report.models).toEqual([
      {
        name: 'org/llm',
        version: '1',
        registered_at: now.toISOString(),
        builds: [{ build_id: buildId, purpose: 'ai_training' }],
        decisions: [{ purpose: 'ai_training', state: 'none', at: null, after_model: false }],
      },
    ]);

    // Someone else's report holds none of this.
    const carol = (
      await app.inject({ url: '/api/v1/me/access-report', headers: await signIn('carol') })
    ).json();
    expect(carol.review).toEqual({ items: [], accesses: [] });
    // Someone in no build is told of no model.
    const dave = (
      await app.inject({ url: '/api/v1/me/access-report', headers: await signIn('dave') })
    ).json();
    expect(dave.builds.map((b: { status: string }) => b.status)).toEqual(['left_out']);
    expect(dave.models).toEqual([]);
    expect((await app.inject({ url: '/api/v1/me/access-report' })).statusCode).toBe(401);
  });

  it('carries out an erasure: objections, logged deletions, the builds that still hold them, the answer', async () => {
    const alice = await signIn('alice');
    const asked = await app.inject({
      method: 'POST',
      url: '/api/v1/me/requests',
      headers: alice,
      payload: { kind: 'erasure', notify_email: 'alice@example.org' },
    });
    expect(asked.statusCode).toBe(201);
    const id = asked.json().id;
    expect(asked.json()).toMatchObject({ notify_by_email: true, assignee: null });
    expect(JSON.stringify(asked.json())).not.toContain('alice@example.org');

    // The officer's queue: open requests, nearest deadline first; assigned to someone.
    const queue = (
      await app.inject({ url: '/api/v1/operator/requests?open=1', headers: operator })
    ).json();
    expect(queue.requests.map((r: { id: string }) => r.id)).toContain(id);
    const assigned = await app.inject({
      method: 'POST',
      url: `/api/v1/operator/requests/${id}/assign`,
      headers: operator,
      payload: { assignee: 'privacy officer Weber' },
    });
    expect(assigned.json()).toMatchObject({ id, assignee: 'privacy officer Weber' });

    expect(
      (await app.inject({ method: 'POST', url: `/api/v1/operator/requests/${id}/erase` }))
        .statusCode,
    ).toBe(401);
    const officerView = await app.inject({
      url: `/api/v1/operator/requests/${id}/access-report`,
      headers: operator,
    });
    expect(officerView.json().review.items).toHaveLength(1);

    const sizeBefore = (await ws.log.reader.checkpoint()).size;
    const erased = await app.inject({
      method: 'POST',
      url: `/api/v1/operator/requests/${id}/erase`,
      headers: operator,
    });
    expect(erased.statusCode).toBe(200);
    const { outcome, request } = erased.json();
    expect(outcome.done, JSON.stringify(outcome.steps)).toBe(true);
    expect(outcome.steps.map((s: { step: string }) => s.step)).toEqual([
      'object to ai_training',
      'object to human_review',
      expect.stringMatching(/^delete review item /),
      'find published builds that contain the person',
    ]);
    expect(outcome.builds_still_containing).toEqual([
      expect.objectContaining({ build_id: buildId }),
    ]);
    expect(request.status).toBe('answered');

    // Two objections and two deletions went into the log, nothing naming the account.
    const size = (await ws.log.reader.checkpoint()).size;
    const added = [];
    for (let i = sizeBefore; i < size; i++) {
      const decoded = decodeEntry(await ws.log.reader.entry(i));
      if (decoded.ok) added.push(decoded.entry);
    }
    expect(
      added.map((e) => [e.type, 'action' in e ? e.action : 'what' in e ? e.what : '']),
    ).toEqual([
      ['consent_event', 'object'],
      ['consent_event', 'object'],
      ['deletion', 'derived'],
      ['deletion', 'raw'],
    ]);

    // The person sees the outcome: state, answer with the build still holding them, report.
    const me = (await app.inject({ url: '/api/v1/me', headers: alice })).json();
    expect(me.purposes.map((p: { state: string }) => p.state)).toEqual(['objected', 'objected']);
    const [mine] = (await app.inject({ url: '/api/v1/me/requests', headers: alice })).json()
      .requests;
    expect(mine).toMatchObject({ id, status: 'answered' });
    expect(mine.answer).toContain(buildId);
    // …and by e-mail, at the address given with the request.
    expect(mails).toEqual([
      expect.objectContaining({ to: 'alice@example.org', text: expect.stringContaining(buildId) }),
    ]);
    const closed = (
      await app.inject({ url: '/api/v1/operator/requests?open=1', headers: operator })
    ).json();
    expect(closed.requests.map((r: { id: string }) => r.id)).not.toContain(id);
    const report = (await app.inject({ url: '/api/v1/me/access-report', headers: alice })).json();
    expect(report.decisions).toHaveLength(2);
    for (const d of report.decisions) {
      const check = verifyReceipt(
        readProofInput(JSON.stringify(d.receipt)),
        parseVerifierKey(ws.log.verifierKey),
      );
      expect(check.ok).toBe(true);
    }
    expect(report.review.items[0].reviewer_copy_deleted_at).not.toBeNull();
    expect(report.review.items[0].raw_deleted_at).not.toBeNull();
    // The erasure's objection came after the model that was trained on her data.
    expect(report.models.map((m: { decisions: unknown }) => m.decisions)).toEqual([
      [{ purpose: 'ai_training', state: 'objected', at: expect.any(String), after_model: true }],
    ]);

    // Running it again changes nothing and still reports done.
    const again = (
      await app.inject({
        method: 'POST',
        url: `/api/v1/operator/requests/${id}/erase`,
        headers: operator,
      })
    ).json();
    expect(again.outcome.done).toBe(true);
    expect((await ws.log.reader.checkpoint()).size).toBe(size);
  });

  it('refuses to erase for an access request, and an unknown request', async () => {
    const asked = await app.inject({
      method: 'POST',
      url: '/api/v1/me/requests',
      headers: await signIn('carol'),
      payload: { kind: 'access' },
    });
    const id = asked.json().id;
    const r = await app.inject({
      method: 'POST',
      url: `/api/v1/operator/requests/${id}/erase`,
      headers: operator,
    });
    expect(r.statusCode).toBe(400);
    // Answering an access request: the person reads it in the portal; no address, no mail.
    const sent = mails.length;
    const answered = await app.inject({
      method: 'POST',
      url: `/api/v1/operator/requests/${id}`,
      headers: operator,
      payload: { status: 'answered', answer: 'Ihr Bericht liegt im Portal bereit.' },
    });
    expect(answered.statusCode).toBe(200);
    expect(mails).toHaveLength(sent);
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/operator/requests/00000000-0000-4000-8000-000000000000/erase',
      headers: operator,
    });
    expect(unknown.statusCode).toBe(404);
  });
});
