import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pseudonymise } from '../../src/consent/index.js';
import { answerTask, flagTask, openTask, reviewContext } from '../../src/review/index.js';
import { reviewRules } from '../../src/runtime/compose.js';
import { parseSettings } from '../../src/runtime/config.js';
import { type RunningServer, startServer } from '../support/server.js';
import {
  accessEntries,
  addMembers,
  assertConsoleBuilt,
  CHEAP_SCRYPT,
  enqueue,
  type ImageLike,
  launchChromium,
  noBrowser,
  objectToReview,
  openSignedIn,
  PASSWORD,
  type PageGlobals,
  timedWords,
  tokenOf,
  toneWav,
} from './console-support.js';

/** Where the records came from, as a collector writes it into the record's `source` block. */
const SOURCE = {
  url: 'https://forum.example/t/4411-late-night',
  dataset: 'forum-posts-2026',
  collector: 'crawler-7',
  collected_at: '2026-01-02T03:04:05Z',
  license: 'CC-BY-4.0',
};

const subjectOf = (account: string) => ({ platform: 'example', account });

const textRecord = (id: string, account: string, text: string) => ({
  id,
  kind: 'text',
  text,
  subject: { ...subjectOf(account), age: 'adult', region: 'DE' },
  source: SOURCE,
});

const SPOKEN = 'hello this is Anna Schmidt I will be at the station tonight thanks';
const audioRecord = (id: string, account: string) => ({
  id,
  kind: 'audio',
  media: 'clip.wav',
  subject: { ...subjectOf(account), age: 'adult', region: 'DE' },
  source: SOURCE,
  transcript: { text: SPOKEN, words: timedWords(SPOKEN) },
});

const REMOVED_MESSAGE = 'This task was removed';

describe.skipIf(noBrowser)(
  `review console, every role, in a real browser${noBrowser ? ' (skipped: no chromium)' : ''}`,
  () => {
    // No time bound per test or hook: vitest.config.ts's 600 s catches a hung one. A fixed
    // 60 s failed the unmask flow on a loaded machine (issue 12: no outcome may depend on load).
    let browser: Browser;
    // Each test has its own server (so its own queue) and its own browser contexts.
    let servers: RunningServer[] = [];
    let contexts: BrowserContext[] = [];

    beforeAll(async () => {
      assertConsoleBuilt();
      browser = await launchChromium();
    });

    afterEach(async () => {
      for (const context of contexts) await context.close();
      for (const server of servers) await server.close();
      contexts = [];
      servers = [];
    });

    afterAll(async () => {
      await browser?.close();
    });

    async function serve(options: { support?: string } = {}): Promise<RunningServer> {
      const server = await startServer(options);
      servers.push(server);
      return server;
    }

    /**
     * A member, signed in, in a browser of their own (contexts share nothing). Signing in is the
     * subject of the first test only; the others start signed in (openSignedIn), so their
     * members are hashed at the least cost too.
     */
    async function as(server: RunningServer, username: string, landmark = 'signed-in-as') {
      const context = await browser.newContext({ locale: 'en-GB' });
      contexts.push(context);
      return openSignedIn(server, context, username, landmark);
    }

    async function takeNextTask(page: Page): Promise<string> {
      await page.getByTestId('next-task').click();
      await page.getByTestId('task-view').waitFor();
      return (await page.getByTestId('task-id').textContent()) ?? '';
    }

    const flash = (page: Page) => page.getByTestId('flash').textContent();

    /** Status of one review API call made from the page, with the page's own session. */
    const apiStatus = (page: Page, url: string) =>
      tokenOf(page).then((token) =>
        page.evaluate(
          async ([u, bearer]) =>
            (await fetch(u, { headers: { Authorization: `Bearer ${bearer}` } })).status,
          [url, token] as const,
        ),
      );

    async function openNav(page: Page, name: string, landmark: string) {
      await page.locator('nav.site-nav').getByRole('link', { name }).click();
      await page.getByTestId(landmark).waitFor();
    }

    it('sign-in: after five wrong passwords the console says the name is locked, even with the right one', async () => {
      const server = await serve();
      await addMembers(server, { 'rev-lock': 'reviewer' }, CHEAP_SCRYPT);
      const context = await browser.newContext({ locale: 'en-GB' });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${server.base}/console/?lang=en`);
      const attempt = async (password: string) => {
        await page.getByTestId('username').fill('rev-lock');
        await page.getByTestId('password').fill(password);
        await page.getByTestId('sign-in').click();
        return page.getByTestId('sign-in-error');
      };
      for (let i = 0; i < 5; i++) {
        const error = await attempt(`wrong password ${i}`);
        await expect.poll(() => error.textContent()).toContain('Wrong username or password');
        await page.getByTestId('password').fill('');
      }
      const locked = await attempt(PASSWORD);
      await expect.poll(() => locked.textContent()).toContain('Too many failed sign-ins');
      expect(await page.getByTestId('next-task').count()).toBe(0);
    });

    it('escalation: a reviewer flags and stops; trust & safety opens the flag, reveals the provenance (logged) and resolves it; the task is closed to the reviewer', async () => {
      const server = await serve({ support: 'the staff care line, 0800 111 2222' });
      const ids = await addMembers(
        server,
        { 'rev-flag': 'reviewer', 'ts-flag': 'trust_safety' },
        CHEAP_SCRYPT,
      );
      const subject = subjectOf('night-owl-4411');
      const [queued] = await enqueue(server, [
        textRecord(
          'forum-post-4411',
          subject.account,
          'I will hurt Anna Schmidt tomorrow at the station',
        ),
      ]);
      const pseudonym = pseudonymise(server.session.secret, subject);

      const reviewer = await as(server, 'rev-flag', 'next-task');
      expect(await takeNextTask(reviewer)).toBe(queued!.task);
      await reviewer.getByTestId('flag').click();
      const dialog = reviewer.getByTestId('flag-dialog');
      await dialog.getByRole('heading', { name: 'Flag this task' }).waitFor();
      await dialog.getByTestId('flag-threat').check();
      await dialog
        .getByLabel('Note for the safety team (optional)')
        .fill('threatens a named person at the station');
      await dialog.getByTestId('flag-submit').click();
      const guidance = dialog.getByTestId('flag-guidance');
      await guidance.waitFor();
      const said = (await guidance.textContent()) ?? '';
      expect(said).toContain('trust & safety team');
      expect(said).toContain('You will not be told the outcome');
      expect(said).toContain('You can stop reviewing now');
      expect(said).toContain('For support: the staff care line, 0800 111 2222');
      await dialog.getByTestId('flag-stop').click();
      await expect.poll(() => flash(reviewer)).toContain('You have stopped after flagging');
      expect(new URL(reviewer.url()).pathname).toBe('/console/queue');
      expect(
        await accessEntries(server, { actor: ids['rev-flag'], action: 'flag', task: queued!.task }),
      ).toHaveLength(1);
      // Flagged, the task is no longer the reviewer's to open.
      expect(await apiStatus(reviewer, `/api/review/v1/tasks/${queued!.task}`)).toBe(403);

      // Trust & safety: the flag waits in their queue, their start page.
      const ts = await as(server, 'ts-flag', 'flags-table');
      const rows = ts.locator('[data-testid="flags-table"] tbody tr');
      await expect.poll(() => rows.count()).toBe(1);
      const row = (await rows.first().textContent()) ?? '';
      expect(row).toContain('A threat to someone');
      expect(row).toContain('threatens a named person at the station');
      await rows.first().getByRole('link', { name: 'Open' }).click();
      await ts.getByTestId('reveal').waitFor();
      expect(await ts.getByTestId('flag-status').textContent()).toBe('Open');
      const flagId = new URL(ts.url()).pathname.split('/').pop()!;
      expect(flagId).toMatch(/^rf_[0-9a-f]{32}$/);
      // The redacted view only, until the reveal; opening it was a logged view.
      const before = (await ts.locator('main').textContent()) ?? '';
      expect(before).toMatch(/\[PERSON_\d+\]/);
      expect(before).not.toContain('Schmidt');
      expect(before).not.toContain(SOURCE.url);
      expect(
        await accessEntries(server, { actor: ids['ts-flag'], action: 'view', task: queued!.task }),
      ).toHaveLength(1);
      expect(await accessEntries(server, { actor: ids['ts-flag'], action: 'reveal' })).toEqual([]);

      await ts.getByTestId('reveal').click();
      const revealed = ts.getByTestId('revealed');
      await revealed.waitFor();
      const provenance = (await revealed.textContent()) ?? '';
      expect(provenance).toContain('forum-post-4411');
      expect(provenance).toContain(SOURCE.url);
      expect(provenance).toContain(SOURCE.dataset);
      expect(provenance).toContain(SOURCE.collector);
      // The person as their pseudonym, never the account.
      expect(provenance).toContain(pseudonym);
      expect(provenance).not.toContain(subject.account);
      // Every field under its name in the reviewer's language, never a raw key like source_url;
      // the collection time as a date, not the ISO string.
      const fieldNames = () => revealed.locator('dt').allTextContents();
      expect(await fieldNames()).toEqual([
        'Record',
        'Source',
        'Dataset',
        'Collected',
        'Collector',
        'Licence',
        'Subject (pseudonym)',
      ]);
      expect(provenance).toContain(SOURCE.license);
      expect(provenance).not.toContain(SOURCE.collected_at);
      await ts.getByTestId('lang-de').click();
      await expect
        .poll(fieldNames)
        .toEqual([
          'Datensatz',
          'Quelle',
          'Datenbestand',
          'Erhoben',
          'Erhoben durch',
          'Lizenz',
          'Betroffene Person (Pseudonym)',
        ]);
      await ts.getByTestId('lang-en').click();
      const reveals = await accessEntries(server, { actor: ids['ts-flag'], action: 'reveal' });
      expect(reveals).toHaveLength(1);
      expect(reveals[0]).toMatchObject({ task: queued!.task, subject: pseudonym });

      await ts.getByLabel('Reported to the authorities').check();
      await ts.getByTestId('resolve').click();
      await expect.poll(() => ts.getByTestId('flag-status').textContent()).toBe('Resolved');
      await ts.getByText('The flag is resolved.').waitFor();
      expect(await server.session.store.review.getFlag(flagId)).toMatchObject({
        status: 'resolved',
        resolvedBy: ids['ts-flag'],
      });
      // The resolved flag stays listed, as resolved.
      await openNav(ts, 'Flags', 'flags-table');
      await expect.poll(() => rows.first().textContent()).toContain('Resolved');

      // The reviewer can no longer open the task: by its address the console goes back to the
      // queue and the API refuses it, as it did before the flag was resolved; the outcome
      // (here: reported, which took the task out) is not given away.
      await reviewer.goto(`${server.base}/console/tasks/${queued!.task}`);
      await expect.poll(() => flash(reviewer)).toContain('This task is not assigned to you');
      expect(new URL(reviewer.url()).pathname).toBe('/console/queue');
      expect(await reviewer.getByTestId('task-view').count()).toBe(0);
      expect(await apiStatus(reviewer, `/api/review/v1/tasks/${queued!.task}`)).toBe(403);
      await reviewer.getByTestId('next-task').click();
      await expect
        .poll(() => reviewer.getByTestId('queue-status').textContent())
        .toContain('There is no task for you right now');
      // Apart from its opening, nothing more of the task reached the reviewer.
      expect(
        await accessEntries(server, { actor: ids['rev-flag'], action: 'view', task: queued!.task }),
      ).toHaveLength(1);
    });

    it('removal: the person objects while the task waits on the reviewer’s screen; the console says the task was removed, returns to the queue, and the reviewer copy is deleted', async () => {
      const server = await serve();
      const ids = await addMembers(server, { 'rev-removed': 'reviewer' }, CHEAP_SCRYPT);
      const subject = subjectOf('changes-mind-17');
      const clip = { 'clip.wav': toneWav(2) };
      const [queued] = await enqueue(server, [audioRecord('voice-note-17', subject.account)], {
        media: clip,
      });
      const derivedDir = path.join(server.home, 'review', 'derived');
      const item = await server.session.store.review.item(queued!.item);
      const copy = path.join(server.home, 'review', item!.derivedMedia!);
      expect(existsSync(copy)).toBe(true);

      const reviewer = await as(server, 'rev-removed', 'next-task');
      expect(await takeNextTask(reviewer)).toBe(queued!.task);
      // Another person's recording is queued meanwhile; its copy must stay.
      const [other] = await enqueue(server, [audioRecord('voice-note-18', 'stays-18')], {
        media: clip,
      });
      const otherItem = await server.session.store.review.item(other!.item);
      expect((await readdir(derivedDir)).sort()).toEqual(
        [path.basename(copy), path.basename(otherItem!.derivedMedia!)].sort(),
      );

      // The person objects before the reviewer opens the recording.
      await objectToReview(server, subject);
      await reviewer.getByTestId('load-audio').click();
      await expect
        .poll(() => flash(reviewer))
        .toContain(`${REMOVED_MESSAGE}: the person concerned objected to human review`);
      expect(new URL(reviewer.url()).pathname).toBe('/console/queue');
      expect(await reviewer.getByTestId('task-view').count()).toBe(0);

      expect(existsSync(copy)).toBe(false);
      expect(await readdir(derivedDir)).toEqual([path.basename(otherItem!.derivedMedia!)]);
      expect(await server.session.store.review.task(queued!.task)).toMatchObject({
        status: 'removed',
      });
      // Nothing of the recording went out.
      expect(await accessEntries(server, { actor: ids['rev-removed'], action: 'listen' })).toEqual(
        [],
      );

      // Opening it again by its address: the same message, back at the queue.
      await reviewer.goto(`${server.base}/console/tasks/${queued!.task}`);
      await expect.poll(() => flash(reviewer)).toContain(REMOVED_MESSAGE);
      expect(new URL(reviewer.url()).pathname).toBe('/console/queue');
      // The queue goes on with the other recording.
      expect(await takeNextTask(reviewer)).toBe(other!.task);
    });

    it('unmask: trust & safety asks with a justification, a privacy officer and a second member approve, only the requester sees who it is; the access report lists every access with its actor', async () => {
      const server = await serve();
      const ids = await addMembers(
        server,
        {
          'rev-u': 'reviewer',
          'ts-requester': 'trust_safety',
          'ts-second': 'trust_safety',
          'po-approver': 'privacy_officer',
        },
        CHEAP_SCRYPT,
      );
      const subject = subjectOf('caller-5501');
      const [queued] = await enqueue(server, [audioRecord('call-5501', subject.account)], {
        media: { 'clip.wav': toneWav(2) },
      });

      // The reviewer opens, listens to and flags the recording.
      const reviewer = await as(server, 'rev-u', 'next-task');
      expect(await takeNextTask(reviewer)).toBe(queued!.task);
      await reviewer.getByTestId('load-audio').click();
      await reviewer.getByTestId('waveform').waitFor();
      await reviewer.getByTestId('flag').click();
      await reviewer.getByTestId('flag-violence').check();
      await reviewer.getByTestId('flag-submit').click();
      await reviewer.getByTestId('flag-stop').click();
      await expect.poll(() => flash(reviewer)).toContain('You have stopped after flagging');

      // Trust & safety reveals the provenance and asks to unmask.
      const requester = await as(server, 'ts-requester', 'flags-table');
      await requester.getByRole('link', { name: 'Open' }).click();
      await requester.getByTestId('reveal').click();
      await requester.getByTestId('revealed').waitFor();
      await requester.getByRole('link', { name: 'Request unmasking' }).click();
      const taskField = requester.getByLabel('Task id');
      await expect.poll(() => taskField.inputValue()).toBe(queued!.task);
      await requester
        .getByLabel('Justification')
        .fill('Police request 2026/118: threat of violence, identity needed for the report');
      await requester.getByRole('button', { name: 'Send request' }).click();
      const idField = requester.getByLabel('Request id');
      await expect.poll(() => idField.inputValue()).toMatch(/^ru_[0-9a-f]{32}$/);
      const requestId = await idField.inputValue();
      const facts = requester.locator('section dl.facts');
      await expect.poll(() => facts.textContent()).toContain('Pending');
      expect(await requester.getByTestId('identity').count()).toBe(0);

      /** Another member opens the request on the unmask page. */
      async function openRequest(page: Page) {
        await openNav(page, 'Unmask requests', 'signed-in-as');
        await page.getByLabel('Request id').fill(requestId);
      }
      const approve = async (page: Page, approvals: number) => {
        await openRequest(page);
        await page.getByRole('button', { name: 'Approve' }).click();
        await expect
          .poll(() => page.locator('section dl.facts').textContent())
          .toContain(approvals === 2 ? 'Approved' : 'Pending');
      };
      /** Looks the request up; resolves with what the server answered, once it is shown. */
      const lookUp = async (page: Page, status: 'Pending' | 'Approved') => {
        const [response] = await Promise.all([
          page.waitForResponse(
            (r) => r.request().method() === 'GET' && r.url().endsWith(`/unmask/${requestId}`),
          ),
          page.getByRole('button', { name: 'Look up' }).click(),
        ]);
        const body = (await response.json()) as { identity?: unknown };
        await expect.poll(() => page.locator('section dl.facts').textContent()).toContain(status);
        await expect
          .poll(() => page.getByRole('button', { name: 'Look up' }).getAttribute('aria-disabled'))
          .toBeNull();
        return body;
      };

      // Approving one's own request is refused, and changes nothing.
      await requester.getByRole('button', { name: 'Approve' }).click();
      await requester.getByRole('alert').waitFor();
      expect(await facts.textContent()).toContain('Pending');

      const officer = await as(server, 'po-approver', 'audit-form');
      await approve(officer, 1);
      expect(await officer.locator('section dl.facts').textContent()).toContain(ids['po-approver']);
      expect(await lookUp(requester, 'Pending')).not.toHaveProperty('identity');
      expect(await requester.getByTestId('identity').count()).toBe(0);

      const second = await as(server, 'ts-second', 'signed-in-as');
      await approve(second, 2);
      const approvals = (await second.locator('section dl.facts').textContent()) ?? '';
      expect(approvals).toContain(ids['po-approver']);
      expect(approvals).toContain(ids['ts-second']);

      // Only the requester sees the identity; the approvers do not.
      expect(await lookUp(requester, 'Approved')).toHaveProperty('identity');
      await expect
        .poll(() => requester.getByTestId('identity').textContent())
        .toBe(`${subject.platform} / ${subject.account}`);
      for (const approver of [officer, second]) {
        expect(await lookUp(approver, 'Approved')).not.toHaveProperty('identity');
        expect(await approver.getByTestId('identity').count()).toBe(0);
        expect(await approver.locator('main').textContent()).not.toContain(subject.account);
      }

      // The privacy officer's access report for that person: every access, with its actor.
      await openNav(officer, 'Subject access report', 'audit-form');
      await officer.getByLabel('Platform').fill(subject.platform);
      await officer.getByLabel('Account').fill(subject.account);
      await officer.getByRole('button', { name: 'Show accesses' }).click();
      const report = officer.getByTestId('audit-report');
      await report.waitFor();
      const pseudonym = pseudonymise(server.session.secret, subject);
      expect(await report.locator('p code').textContent()).toBe(pseudonym);
      const tableRows = report.locator('tbody tr');
      const logged = await accessEntries(server, { subject: pseudonym });
      await expect.poll(() => tableRows.count()).toBe(logged.length);
      const shown = await tableRows.evaluateAll((trs) =>
        trs.map((tr) =>
          Array.from(
            (tr as unknown as { cells: ArrayLike<{ textContent: string | null }> }).cells,
            (td) => td.textContent ?? '',
          ),
        ),
      );
      const pairs = shown.map(([, who, task, action]) => `${who} ${action} ${task}`);
      const expected = [
        [ids['rev-u'], 'viewed'],
        [ids['rev-u'], 'listened'],
        [ids['rev-u'], 'flagged'],
        [ids['ts-requester'], 'viewed'],
        [ids['ts-requester'], 'revealed'],
        [ids['ts-requester'], 'unmasked'],
      ];
      for (const [who, action] of expected)
        expect(pairs, `${who} ${action}`).toContain(`${who} ${action} ${queued!.task}`);
      // Only the requester unmasked, once.
      expect(pairs.filter((p) => p.includes('unmasked'))).toEqual([
        `${ids['ts-requester']} unmasked ${queued!.task}`,
      ]);
      // Row for row what the log holds for that pseudonym, and nothing else.
      const named: Record<string, string> = {
        view: 'viewed',
        listen: 'listened',
        flag: 'flagged',
        reveal: 'revealed',
        unmask: 'unmasked',
      };
      expect([...pairs].sort()).toEqual(
        logged.map((e) => `${e.actor} ${named[e.action] ?? e.action} ${e.task}`).sort(),
      );
      expect(await officer.locator('main').textContent()).not.toContain(subject.account);
    });

    it('lead: the counts page shows the queue as the store counts it, and follows it on refresh', async () => {
      const server = await serve();
      const ids = await addMembers(
        server,
        { 'lead-counts': 'lead', 'rev-counts': 'reviewer' },
        CHEAP_SCRYPT,
      );
      const queued = await enqueue(
        server,
        [1, 2, 3, 4, 5].map((n) =>
          textRecord(`post-${n}`, `counted-${n}`, `post number ${n}, nothing special`),
        ),
      );
      // The queue in every state, as reviewers and the people concerned leave it: one removed
      // (its person objected), one done, one flagged, one assigned, one untouched.
      const ctx = reviewContext(server.session);
      const { store } = server.session;
      const rules = reviewRules(parseSettings({}));
      await objectToReview(server, subjectOf('counted-4'));
      expect(
        (await openTask(ctx, { task: queued[3]!.task, actor: ids['lead-counts']! })).status,
      ).toBe('removed');
      const reviewer = ids['rev-counts']!;
      const take = async () => (await store.review.assignNext(reviewer, rules, new Date()))!.task;
      await answerTask(ctx, {
        task: await take(),
        actor: reviewer,
        answer: { labels: { transcript_quality: 'correct' } },
      });
      await flagTask(ctx, { task: await take(), actor: reviewer, flag: { category: 'other' } });
      const held = await take();

      const lead = await as(server, 'lead-counts', 'next-task');
      expect(await lead.locator('nav.site-nav a').allTextContents()).toEqual([
        'Review queue',
        'Queue counts',
      ]);
      await openNav(lead, 'Queue counts', 'queue-counts');
      const shown = async () =>
        Object.fromEntries(
          await Promise.all(
            (['open', 'assigned', 'done', 'flagged', 'removed'] as const).map(
              async (k) => [k, Number(await lead.getByTestId(`count-${k}`).textContent())] as const,
            ),
          ),
        );
      expect(await shown()).toEqual({ ...(await store.review.queueCounts(new Date())) });
      expect(await shown()).toEqual({ open: 2, assigned: 1, done: 1, flagged: 1, removed: 1 });
      // Today's exposure, aggregated: one reviewer active, nobody named.
      expect(await lead.getByTestId('exposure-summary').textContent()).not.toContain(reviewer);
      expect(await lead.getByTestId('exposure-reviewers_today').textContent()).toBe('1');
      expect(await lead.getByTestId('exposure-max_minutes').textContent()).toBe('0');
      expect(await lead.getByTestId('exposure-limit_minutes').textContent()).toBe('120');

      // The held task is answered meanwhile: Refresh shows it.
      await answerTask(ctx, {
        task: held,
        actor: reviewer,
        answer: { labels: { transcript_quality: 'unusable' } },
      });
      await lead.getByRole('button', { name: 'Refresh' }).click();
      await expect.poll(() => lead.getByTestId('count-done').textContent()).toBe('2');
      expect(await shown()).toEqual({ ...(await store.review.queueCounts(new Date())) });
      expect(await shown()).toEqual({ open: 1, assigned: 0, done: 2, flagged: 1, removed: 1 });
    });

    it('images: an image task shows the picture blurred and in greyscale until the reviewer reveals it', async () => {
      const server = await serve();
      const ids = await addMembers(server, { 'rev-image': 'reviewer' }, CHEAP_SCRYPT);
      const photo = await sharp({
        create: { width: 96, height: 64, channels: 3, background: { r: 220, g: 40, b: 40 } },
      })
        .png()
        .toBuffer();
      const [queued] = await enqueue(
        server,
        [
          {
            id: 'photo-88',
            kind: 'image',
            media: 'photo.png',
            text: 'a red square',
            subject: { ...subjectOf('photographer-88'), age: 'adult', region: 'DE' },
          },
        ],
        { media: { 'photo.png': photo } },
      );

      const reviewer = await as(server, 'rev-image', 'next-task');
      expect(await takeNextTask(reviewer)).toBe(queued!.task);
      const toggle = reviewer.getByTestId('image-toggle');
      const image = toggle.locator('img');
      await image.waitFor();
      // The picture itself arrived (the signed link is single use).
      await expect
        .poll(() =>
          image.evaluate((el) => {
            const img = el as unknown as ImageLike;
            return img.complete ? img.naturalWidth : 0;
          }),
        )
        .toBe(96);
      // The reviewer sees today's listening time against the limit; the picture counted 10 s.
      expect(await reviewer.getByTestId('exposure').textContent()).toBe(
        'Listening time today: 0 of 120 min',
      );
      await expect
        .poll(() => server.session.store.review.exposureToday(ids['rev-image']!, new Date()))
        .toBe(10_000);
      // Away from the picture: hovering shows it too.
      await reviewer.mouse.move(0, 0);
      const filter = () =>
        image.evaluate((el) => (globalThis as unknown as PageGlobals).getComputedStyle(el).filter);
      await expect.poll(filter).toMatch(/blur\(16px\)/);
      expect(await filter()).toMatch(/grayscale\(1\)|grayscale\(100%\)/);
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      await reviewer.getByText('Blurred and in greyscale.').waitFor();

      await reviewer.getByRole('button', { name: 'Show', exact: true }).click();
      await reviewer.mouse.move(0, 0);
      await expect.poll(filter).toBe('none');
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');

      await reviewer.getByRole('button', { name: 'Blur again' }).click();
      await reviewer.mouse.move(0, 0);
      await expect.poll(filter).toMatch(/blur\(16px\)/);

      // Opening the task and fetching the picture: two views, nothing else.
      const views = await accessEntries(server, { actor: ids['rev-image'], task: queued!.task });
      expect(views.map((e) => e.action)).toEqual(['view', 'view']);
    });
  },
);
