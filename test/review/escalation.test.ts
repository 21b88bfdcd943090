import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConsentSnapshot } from '../../src/consent/index.js';
import { DEFAULT_POLICY } from '../../src/policy/index.js';
import { accessReport } from '../../src/review/access-report.js';
import { enqueueForReview } from '../../src/review/enqueue.js';
import {
  approveUnmask,
  placeHold,
  releaseHold,
  requestUnmask,
  resolveFlag,
  revealFlag,
  unmaskRaw,
} from '../../src/review/escalation.js';
import { DEFAULT_LABELS } from '../../src/review/model.js';
import { DEFAULT_RULES } from '../../src/review/rules.js';
import { flagTask, type ReviewContext } from '../../src/review/tasks.js';
import { adult, type Workspace, workspace } from '../support/fixtures.js';

const T0 = new Date('2026-03-02T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const staff = (n: number) => `st_${n.toString(16).padStart(16, '0')}`;

describe('flags, unmasking and holds', () => {
  let ws: Workspace;
  let ctx: ReviewContext;
  let task: string;
  let subject: string;

  beforeEach(async () => {
    ws = await workspace();
    ctx = { store: ws.store, log: ws.log, home: path.join(ws.dir, 'home') };
    const input = await ws.write('items.jsonl', [
      { id: 'x', kind: 'text', text: 'I will hurt Anna Schmidt tomorrow', subject: adult('p') },
    ]);
    const result = await enqueueForReview({
      inputs: [input],
      policy: { ...DEFAULT_POLICY, purpose: 'human_review' },
      consent: await loadConsentSnapshot(ws.store, 'human_review', T0.toISOString(), T0.getTime()),
      store: ws.store,
      secret: ws.secret,
      home: ctx.home,
      k: 1,
      labels: DEFAULT_LABELS,
      prepareAudio: () => Buffer.alloc(0),
      now: T0,
    });
    task = result.queued[0]!.task;
    subject = (await ws.store.review.item(result.queued[0]!.item))!.subject!;
  });
  afterEach(async () => {
    await ws.close();
  });

  it('routes a flag to trust_safety, who reveal and resolve it', async () => {
    await ws.store.review.assignNext(staff(1), DEFAULT_RULES, T0);
    const { flag } = await flagTask(ctx, {
      task,
      actor: staff(1),
      flag: { category: 'threat' },
      now: at(1),
    });
    const revealed = await revealFlag(ctx, { flag, actor: staff(7), now: at(2) });
    expect(revealed.view!.text).not.toContain('Anna');
    expect(revealed.flag.category).toBe('threat');
    expect((await resolveFlag(ctx, { flag, actor: staff(7), resolution: 'remove' })).status).toBe(
      'resolved',
    );
    await expect(
      resolveFlag(ctx, { flag, actor: staff(7), resolution: 'requeue' }),
    ).rejects.toMatchObject({ code: 'REVIEW_CONFLICT' });
    await expect(revealFlag(ctx, { flag: 'rf_none', actor: staff(7) })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('unmasks only for the requester, after two other approvals, until the approval expires', async () => {
    await expect(
      requestUnmask(ctx, { task, actor: staff(7), justification: 'because' }),
    ).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
    const request = await requestUnmask(ctx, {
      task,
      actor: staff(7),
      justification: 'credible threat against a named person; police request 2026-17',
      now: T0,
    });
    await expect(
      approveUnmask(ctx, { request: request.id, actor: staff(7), now: at(1) }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await approveUnmask(ctx, { request: request.id, actor: staff(8), now: at(1) });
    await expect(
      approveUnmask(ctx, { request: request.id, actor: staff(8), now: at(1) }),
    ).rejects.toMatchObject({ code: 'REVIEW_CONFLICT' });
    await expect(
      unmaskRaw(ctx, { request: request.id, actor: staff(7), now: at(2) }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const approved = await approveUnmask(ctx, {
      request: request.id,
      actor: staff(9),
      now: at(2),
      ttlMinutes: 10,
    });
    expect(approved.expiresAt).toBe(at(12).toISOString());
    const raw = await unmaskRaw(ctx, { request: request.id, actor: staff(7), now: at(3) });
    expect(raw.record).toMatchObject({ text: 'I will hurt Anna Schmidt tomorrow' });
    await expect(
      unmaskRaw(ctx, { request: request.id, actor: staff(8), now: at(3) }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      unmaskRaw(ctx, { request: request.id, actor: staff(7), now: at(12) }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await accessReport(ws.store, subject)).map((r) => [r.actor, r.action])).toEqual([
      [staff(7), 'unmask'],
    ]);
  });

  it('places and releases holds on an item or a subject', async () => {
    await expect(placeHold(ctx, { reason: 'x', actor: staff(5) })).rejects.toMatchObject({
      code: 'REQUEST_INVALID',
    });
    await expect(
      placeHold(ctx, { subject: 'Alice', reason: 'x', actor: staff(5) }),
    ).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
    const hold = await placeHold(ctx, { subject, reason: 'court order 12/26', actor: staff(5) });
    expect(hold.id).toMatch(/^lh_[0-9a-f]{32}$/);
    expect((await releaseHold(ctx, { hold: hold.id, actor: staff(5) })).releasedBy).toBe(staff(5));
    await expect(releaseHold(ctx, { hold: hold.id, actor: staff(5) })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
