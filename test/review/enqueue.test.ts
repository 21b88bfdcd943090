import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConsentSnapshot, pseudonymise } from '../../src/consent/index.js';
import { decodeEntry } from '../../src/log/index.js';
import { DEFAULT_POLICY, type Policy } from '../../src/policy/index.js';
import { accessReport } from '../../src/review/access-report.js';
import { audioSeed, enqueueForReview, type PrepareAudio } from '../../src/review/enqueue.js';
import { DEFAULT_LABELS } from '../../src/review/model.js';
import { DEFAULT_RULES } from '../../src/review/rules.js';
import { answerTask, flagTask, openTask, type ReviewContext } from '../../src/review/tasks.js';
import { adult, type Workspace, workspace } from '../support/fixtures.js';

const REVIEW_POLICY: Policy = { ...DEFAULT_POLICY, purpose: 'human_review' };
const NOW = new Date('2026-03-02T10:00:00Z');
const staff = (n: number) => `st_${n.toString(16).padStart(16, '0')}`;

const reviewEvent = (account: string, action = 'object', at = '2026-01-01T00:00:00Z') => ({
  platform: 'ig',
  account,
  purpose: 'human_review',
  action,
  at,
  channel: 'portal',
});

describe('review enqueue', () => {
  let ws: Workspace;
  let ctx: ReviewContext;
  let calls: { bytes: number; ranges: readonly { start: number; end: number }[]; seed: string }[];
  const prepareAudio: PrepareAudio = (wav, ranges, seed) => {
    calls.push({ bytes: wav.length, ranges, seed });
    return Buffer.from('DERIVED');
  };

  beforeEach(async () => {
    ws = await workspace();
    ctx = { store: ws.store, log: ws.log, home: path.join(ws.dir, 'home') };
    calls = [];
  });
  afterEach(async () => {
    await ws.close();
  });

  async function enqueue(lines: readonly (string | object)[], policy = REVIEW_POLICY, now = NOW) {
    const input = await ws.write(`items-${Math.random()}.jsonl`, lines);
    const consent = await loadConsentSnapshot(
      ws.store,
      'human_review',
      now.toISOString(),
      now.getTime(),
    );
    return enqueueForReview({
      inputs: [input],
      policy,
      consent,
      store: ws.store,
      secret: ws.secret,
      home: ctx.home,
      k: 2,
      labels: DEFAULT_LABELS,
      prepareAudio,
      now,
    });
  }

  it('decides as a build does for human_review, reconciles counts and reports positions', async () => {
    await ws.importEvents([
      reviewEvent('objector'),
      // An objection to training only does not keep an item out of review.
      { ...reviewEvent('trainer'), purpose: 'ai_training' },
    ]);
    await writeFile(path.join(ws.dir, 'clip.wav'), Buffer.from('RIFF-not-really'));
    const result = await enqueue([
      {
        id: 't1',
        kind: 'text',
        text: 'Call Anna Schmidt at +49 170 1234567.',
        subject: adult('a'),
      },
      { id: 't2', kind: 'text', text: 'hello', subject: adult('objector') },
      { id: 't3', kind: 'text', text: 'hello', subject: { ...adult('m'), age: 'minor' } },
      { id: 't4', kind: 'text', text: 'hello', subject: adult('trainer') },
      '',
      'not json',
      { id: 't1', kind: 'text', text: 'again' },
      {
        id: 'a1',
        kind: 'audio',
        media: 'clip.wav',
        subject: adult('b'),
        transcript: {
          words: [
            { text: 'my', start: 0, end: 0.2 },
            { text: 'name', start: 0.2, end: 0.5 },
            { text: 'is', start: 0.5, end: 0.6 },
            { text: 'Anna', start: 0.6, end: 1.0 },
            { text: 'Schmidt', start: 1.0, end: 1.5 },
          ],
        },
      },
      { id: 'a2', kind: 'audio', media: '../escape.wav' },
    ]);
    expect(result.counts).toEqual({ read: 8, queued: 3, excluded: 2, rejected: 3, blank_lines: 1 });
    const { read, queued, excluded, rejected } = result.counts;
    expect(read).toBe(queued + excluded + rejected);
    expect(result.excludedByReason).toMatchObject({ objected: 1, minor: 1 });
    expect(result.excluded.map((e) => [e.line, e.id, e.reasons])).toEqual([
      [2, 't2', ['objected']],
      [3, 't3', ['minor']],
    ]);
    expect(result.rejected.map((r) => [r.line, r.code])).toEqual([
      [6, 'RECORD_NOT_JSON'],
      [7, 'RECORD_DUPLICATE_ID'],
      [9, 'MEDIA_INVALID'],
    ]);

    const [text, , audio] = result.queued;
    const textItem = (await ws.store.review.item(text!.item))!;
    expect(textItem.view!.text).not.toContain('Anna');
    expect(textItem.view!.text).toContain('[PERSON_1]');
    expect(textItem.subject).toBe(pseudonymise(ws.secret, { platform: 'ig', account: 'a' }));
    expect((await ws.store.review.rawPart(text!.item))!.record).toMatchObject({
      text: 'Call Anna Schmidt at +49 170 1234567.',
    });
    expect(JSON.stringify(textItem.view)).not.toMatch(/"id"|subject|account/);

    const audioItem = (await ws.store.review.item(audio!.item))!;
    expect(audioItem.view!.words!.map((w) => w.text).join(' ')).toBe('my name is [PERSON_1]');
    expect(audioItem.view!.ranges).toEqual([{ start: 0.6, end: 1.5, type: 'PERSON' }]);
    expect(calls).toEqual([
      { bytes: 15, ranges: audioItem.view!.ranges, seed: audioSeed(ws.secret, 'a1') },
    ]);
    const raw = (await ws.store.review.rawPart(audio!.item))!;
    const rawFile = path.join(ctx.home, 'review', raw.media!);
    const derivedFile = path.join(ctx.home, 'review', audioItem.derivedMedia!);
    expect(statSync(rawFile).mode & 0o777).toBe(0o600);
    expect(statSync(derivedFile).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(rawFile)).mode & 0o777).toBe(0o700);
    expect((await ws.store.review.task(audio!.task))!.k).toBe(2);

    // Queueing the same records again queues nothing twice.
    const again = await enqueue([{ id: 't1', kind: 'text', text: 'x', subject: adult('a') }]);
    expect(again.counts).toMatchObject({ queued: 0, rejected: 1 });
    expect(again.rejected[0]!.code).toBe('RECORD_DUPLICATE_ID');
  });

  it('honours opt-in regions and refuses a policy for another purpose', async () => {
    await ws.importEvents([reviewEvent('yes', 'consent')]);
    const optIn: Policy = { ...REVIEW_POLICY, regions: { DE: { default: 'exclude' } } };
    const result = await enqueue(
      [
        { id: 'x', kind: 'text', text: 'hi', subject: adult('no') },
        { id: 'y', kind: 'text', text: 'hi', subject: adult('yes') },
      ],
      optIn,
    );
    expect(result.excluded.map((e) => e.reasons)).toEqual([['no_consent']]);
    expect((await ws.store.review.item(result.queued[0]!.item))!.needsConsent).toBe(true);
    await expect(enqueue([], DEFAULT_POLICY)).rejects.toMatchObject({ code: 'POLICY_INVALID' });
  });

  it('re-checks the objection when a task is opened, and logs every access', async () => {
    await writeFile(path.join(ws.dir, 'clip.wav'), Buffer.from('RIFF'));
    const result = await enqueue([
      {
        id: 'a',
        kind: 'audio',
        media: 'clip.wav',
        subject: adult('later'),
        transcript: { text: 'hi' },
      },
      { id: 'b', kind: 'text', text: 'hi there', subject: adult('stays') },
    ]);
    const [first, second] = result.queued;
    const subject = (await ws.store.review.item(first!.item))!.subject!;

    const opened = await openTask(ctx, { task: first!.task, actor: staff(1), now: NOW });
    expect(opened.status).toBe('open');
    if (opened.status === 'open') {
      expect(opened.view.text).toBe('hi');
      expect(opened.hasMedia).toBe(true);
      expect(opened.receipt.type).toBe('access');
    }

    await ws.importEvents([reviewEvent('later', 'object', '2026-03-02T10:05:00Z')]);
    const later = new Date('2026-03-02T10:06:00Z');
    const removed = await openTask(ctx, { task: first!.task, actor: staff(2), now: later });
    expect(removed).toMatchObject({ status: 'removed', task: { status: 'removed' } });
    const item = (await ws.store.review.item(first!.item))!;
    expect(item.view).toBeUndefined();
    expect(item.derivedDeletedAt).toBe(later.toISOString());
    expect(item.rawDeletedAt).toBe(later.toISOString());
    expect(existsSync(path.join(ctx.home, 'review', 'derived', `${first!.item}.wav`))).toBe(false);
    expect(existsSync(path.join(ctx.home, 'review', 'raw', `${first!.item}.wav`))).toBe(false);

    // The other subject's task carries on: assignment, answer, then a flag by the second reviewer.
    expect((await openTask(ctx, { task: second!.task, actor: staff(1), now: later })).status).toBe(
      'open',
    );
    await ws.store.review.assignNext(staff(1), DEFAULT_RULES, later);
    await ws.store.review.assignNext(staff(2), DEFAULT_RULES, later);
    await expect(
      answerTask(ctx, { task: second!.task, actor: staff(1), answer: { labels: {} }, now: later }),
    ).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
    await expect(
      answerTask(ctx, {
        task: second!.task,
        actor: staff(1),
        answer: { transcript: 'x', labels: { transcript_quality: 'correct' } },
        now: later,
      }),
    ).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
    expect(
      await answerTask(ctx, {
        task: second!.task,
        actor: staff(1),
        answer: { labels: { transcript_quality: 'correct' } },
        now: later,
      }),
    ).toEqual({ done: false });
    const { flag } = await flagTask(ctx, {
      task: second!.task,
      actor: staff(2),
      flag: { category: 'self_harm', note: 'distress' },
      now: later,
    });
    expect((await ws.store.review.getFlag(flag))!.category).toBe('self_harm');
    await expect(
      flagTask(ctx, {
        task: second!.task,
        actor: staff(2),
        flag: { category: 'spam' },
        now: later,
      }),
    ).rejects.toMatchObject({ code: 'REQUEST_INVALID' });

    // The log: deletions with reason objection, and who accessed which subject's data.
    const size = await ws.store.logSize();
    const entries = (await ws.store.logEntries(0, size)).map(decodeEntry);
    const deletions = entries.flatMap((d) =>
      d.ok && d.entry.type === 'deletion' ? [d.entry] : [],
    );
    expect(deletions.map((d) => [d.item, d.what, d.reason])).toEqual([
      [first!.item, 'derived', 'objection'],
      [first!.item, 'raw', 'objection'],
    ]);
    expect(await accessReport(ws.store, subject)).toEqual([
      expect.objectContaining({ actor: staff(1), task: first!.task, action: 'view' }),
    ]);
    const other = (await ws.store.review.item(second!.item))!.subject!;
    expect((await accessReport(ws.store, other)).map((r) => [r.actor, r.action])).toEqual([
      [staff(1), 'view'],
      [staff(1), 'answer'],
      [staff(2), 'flag'],
    ]);
  });

  it('seeds each recording by a keyed hash of its record id, the same on every run', async () => {
    const seed = audioSeed(ws.secret, 'a1');
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(audioSeed(ws.secret, 'a1')).toBe(seed);
    expect(audioSeed(ws.secret, 'a2')).not.toBe(seed);
    expect(audioSeed(Buffer.alloc(32, 1), 'a1')).not.toBe(seed);

    await writeFile(path.join(ws.dir, 'clip.wav'), Buffer.from('RIFF'));
    const clip = (id: string) => ({ id, kind: 'audio', media: 'clip.wav', subject: adult('s') });
    await enqueue([clip('a1'), clip('a2')]);
    expect(calls.map((c) => c.seed)).toEqual([seed, audioSeed(ws.secret, 'a2')]);
  });
});
