import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConsentSnapshot } from '../../src/consent/index.js';
import { decodeEntry, describeEntry, encodeEntry } from '../../src/log/index.js';
import { DEFAULT_POLICY } from '../../src/policy/index.js';
import { enqueueForReview } from '../../src/review/enqueue.js';
import { placeHold } from '../../src/review/escalation.js';
import { type Assignment, DEFAULT_LABELS } from '../../src/review/model.js';
import { scheduleRetention, sweepRetention } from '../../src/review/retention.js';
import { DEFAULT_RULES } from '../../src/review/rules.js';
import { adult, type Workspace, workspace } from '../support/fixtures.js';

const T0 = new Date('2026-03-02T10:00:00Z');
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);
const staff = (n: number) => `st_${n.toString(16).padStart(16, '0')}`;

describe('retention', () => {
  let ws: Workspace;
  let session: Parameters<typeof sweepRetention>[0];

  beforeEach(async () => {
    ws = await workspace();
    session = { store: ws.store, log: ws.log, config: { home: path.join(ws.dir, 'home') } };
  });
  afterEach(async () => {
    vi.useRealTimers();
    await ws.close();
  });

  async function queueAudio(ids: readonly string[]) {
    await writeFile(path.join(ws.dir, 'clip.wav'), Buffer.from('RIFF'));
    const input = await ws.write(
      `items-${Math.random()}.jsonl`,
      ids.map((id, i) => ({ id, kind: 'audio', media: 'clip.wav', subject: adult(`s${i}`) })),
    );
    const result = await enqueueForReview({
      inputs: [input],
      policy: { ...DEFAULT_POLICY, purpose: 'human_review' },
      consent: await loadConsentSnapshot(ws.store, 'human_review', T0.toISOString(), T0.getTime()),
      store: ws.store,
      secret: ws.secret,
      home: session.config.home,
      k: 1,
      labels: DEFAULT_LABELS,
      prepareAudio: () => Buffer.from('DERIVED'),
      now: T0,
    });
    return result.queued;
  }

  const rawFile = (item: string) => path.join(session.config.home, 'review', 'raw', `${item}.wav`);
  const derivedFile = (item: string) =>
    path.join(session.config.home, 'review', 'derived', `${item}.wav`);

  it('deletes raw parts after raw_days unless a task is open or flagged or a hold applies, and derivatives after their own period', async () => {
    const queued = await queueAudio(['a', 'b', 'c', 'd']);
    // Three reviewers take three tasks (in whatever order the queue gives them); one stays open.
    const taken: Assignment[] = [];
    for (const i of [1, 2, 3])
      taken.push((await ws.store.review.assignNext(staff(i), DEFAULT_RULES, T0))!);
    const byTask = (task: string) => queued.find((q) => q.task === task)!;
    const [done, flagged, held] = taken.map((a) => byTask(a.task));
    const open = queued.find((q) => !taken.some((a) => a.task === q.task));
    const answer = { labels: { transcript_quality: 'correct' } };
    await ws.store.review.answer(done!.task, staff(1), answer, T0);
    await ws.store.review.flag(
      { id: 'rf_x', task: flagged!.task, reviewer: staff(2), category: 'threat' },
      T0,
    );
    await ws.store.review.answer(held!.task, staff(3), answer, T0);
    const subject = (await ws.store.review.item(held!.item))!.subject!;
    await placeHold(
      { store: ws.store, log: ws.log, home: session.config.home },
      { subject, reason: 'litigation hold', actor: staff(9), now: T0 },
    );

    // Not yet due.
    expect(await sweepRetention(session, { now: days(29) })).toMatchObject({
      raw: [],
      derived: [],
    });

    const dry = await sweepRetention(session, { now: days(31), dryRun: true });
    expect(dry).toMatchObject({
      dryRun: true,
      raw: [done!.item],
      derived: [],
      rawDays: 30,
      derivedDays: 90,
    });
    expect(existsSync(rawFile(done!.item))).toBe(true);

    const swept = await sweepRetention(session, { now: days(31) });
    expect(swept.raw).toEqual([done!.item]);
    expect(existsSync(rawFile(done!.item))).toBe(false);
    expect(existsSync(derivedFile(done!.item))).toBe(true);
    for (const q of [open!, flagged!, held!]) expect(existsSync(rawFile(q.item))).toBe(true);
    // A second sweep finds nothing more.
    expect((await sweepRetention(session, { now: days(32) })).raw).toEqual([]);

    const later = await sweepRetention(session, { now: days(91) });
    // The open task lost its derivative, so it left the queue, and its raw part went with it.
    expect(new Set(later.derived)).toEqual(new Set([done!.item, open!.item]));
    expect((await ws.store.review.task(open!.task))!.status).toBe('removed');
    expect(existsSync(derivedFile(open!.item))).toBe(false);
    expect(later.raw).toEqual([open!.item]);
    expect(existsSync(rawFile(flagged!.item))).toBe(true);
    expect(existsSync(rawFile(held!.item))).toBe(true);

    const size = await ws.store.logSize();
    const deletions = (await ws.store.logEntries(0, size))
      .map(decodeEntry)
      .flatMap((d) => (d.ok && d.entry.type === 'deletion' ? [d.entry] : []));
    // The first sweep removed done's raw part; the second both copies (in the store's order,
    // which follows the random ids) and then open's raw part, freed by removing its task.
    const logged = deletions.map((d) => [d.item, d.what, d.reason]);
    expect(logged[0]).toEqual([done!.item, 'raw', 'retention']);
    expect(new Set(logged.slice(1, 3).map((d) => JSON.stringify(d)))).toEqual(
      new Set([
        JSON.stringify([done!.item, 'derived', 'retention']),
        JSON.stringify([open!.item, 'derived', 'retention']),
      ]),
    );
    expect(logged.slice(3)).toEqual([[open!.item, 'raw', 'retention']]);
  });

  it('runs on an unref’d timer that stops cleanly', async () => {
    await queueAudio(['a']);
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    const swept: number[] = [];
    const schedule = scheduleRetention(session, 60_000, {
      sweep: { rawDays: 1, derivedDays: 1 },
      onSwept: (r) => swept.push(r.raw.length + r.derived.length),
    });
    await vi.advanceTimersByTimeAsync(10_000);
    await vi.waitFor(() => expect(swept).toHaveLength(1));
    await schedule.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(swept).toHaveLength(1);
  });
});

describe('access and deletion log entries', () => {
  const access = {
    type: 'access' as const,
    version: 1 as const,
    actor: 'st_0123456789abcdef',
    task: `rt_${'a'.repeat(32)}`,
    subject: 'b'.repeat(64),
    action: 'listen' as const,
    at: '2026-03-02T10:00:00.000Z',
  };

  it('round-trip, carry pseudonymous ids only, and reject anything else', () => {
    expect(decodeEntry(encodeEntry(access))).toEqual({ ok: true, entry: access });
    expect(describeEntry(access)).toContain('listen');
    const { subject: _, ...noSubject } = access;
    expect(decodeEntry(encodeEntry(noSubject)).ok).toBe(true);
    expect(() => encodeEntry({ ...access, actor: 'alice' })).toThrow();
    expect(() => encodeEntry({ ...access, username: 'alice' } as never)).toThrow();
    expect(() => encodeEntry({ ...access, action: 'download' } as never)).toThrow();
    const deletion = {
      type: 'deletion' as const,
      version: 1 as const,
      item: `ri_${'c'.repeat(32)}`,
      what: 'raw' as const,
      reason: 'objection' as const,
      at: '2026-03-02T10:00:00.000Z',
    };
    expect(decodeEntry(encodeEntry(deletion))).toEqual({ ok: true, entry: deletion });
    expect(describeEntry(deletion)).toContain('objected');
    expect(() => encodeEntry({ ...deletion, item: 'record-17' })).toThrow();
  });
});
