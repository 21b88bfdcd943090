import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessAction } from '../../src/log/index.js';
import { runCli } from '../support/cli.js';
import { type RunningServer, startServer } from '../support/server.js';
import {
  type AudioLike,
  accessEntries,
  addMembers,
  assertConsoleBuilt,
  type CanvasLike,
  CHEAP_SCRYPT,
  launchChromium,
  signIn as openConsole,
  openSignedIn,
  PASSWORD,
  type PageGlobals,
  noBrowser as skip,
  timedWords,
  tokenOf,
  toneWav,
} from './console-support.js';

/** Identifiers planted in the raw records. None of them may reach a reviewer's browser. */
const CANARY = {
  accounts: ['wk_4471009355', 'wk_4471009356', 'wk_4471009357'],
  firstName: 'Wilhelmina',
  surname: 'Kowalczyk',
  deviceId: 'android-3f9c2e71b04d8a65',
  email: 'wilhelmina.k@example.org',
  phone: '+49 30 98765432',
  phoneDigits: '98765432',
  street: 'Lindenstraße 42',
  streetName: 'Lindenstraße',
  iban: 'DE89 3704 0044 0532 0130 00',
  ibanDigits: '0532 0130',
  ip: '10.20.30.40',
};
const CANARY_STRINGS = [
  ...CANARY.accounts,
  CANARY.firstName,
  CANARY.surname,
  CANARY.deviceId,
  CANARY.email,
  CANARY.phone,
  CANARY.phoneDigits,
  CANARY.street,
  CANARY.streetName,
  CANARY.iban,
  CANARY.ibanDigits,
  CANARY.ip,
];

/** The spoken sentence of every planted recording, one timed word per 0.15 s. */
const SPOKEN = `hello my name is ${CANARY.firstName} ${CANARY.surname} I live at ${CANARY.street} my account number is ${CANARY.iban} call me on ${CANARY.phone} or write to ${CANARY.email} from ${CANARY.ip} thanks`;

/** Every encoding in which a canary could sit in bytes: UTF-8 and UTF-16 (both orders). */
function leaks(bytes: Buffer): string[] {
  const found: string[] = [];
  for (const canary of CANARY_STRINGS) {
    const forms = [
      Buffer.from(canary, 'utf8'),
      Buffer.from(canary, 'utf16le'),
      Buffer.from(canary, 'utf16le').swap16(),
      Buffer.from(canary.toLowerCase(), 'utf8'),
    ];
    if (forms.some((f) => bytes.includes(f))) found.push(canary);
  }
  return found;
}

/** A WAV with a LIST/INFO chunk after the audio, as recorders write artist and comment tags. */
function withInfoTags(wav: Buffer, tags: Record<string, string>): Buffer {
  const fields = Object.entries(tags).map(([id, value]) => {
    const text = Buffer.from(`${value}\0`, 'utf8');
    const padded = Buffer.concat([text, Buffer.alloc(text.length % 2)]);
    const head = Buffer.alloc(8);
    head.write(id, 0, 'latin1');
    head.writeUInt32LE(text.length, 4);
    return Buffer.concat([head, padded]);
  });
  const body = Buffer.concat([Buffer.from('INFO', 'latin1'), ...fields]);
  const list = Buffer.alloc(8);
  list.write('LIST', 0, 'latin1');
  list.writeUInt32LE(body.length, 4);
  const out = Buffer.concat([wav, list, body]);
  out.writeUInt32LE(out.length - 8, 4);
  return out;
}

describe.skipIf(skip)(
  `review console in a real browser${skip ? ' (skipped: no chromium)' : ''}`,
  () => {
    let server: RunningServer;
    let base: string;
    // No time bound per test or hook: vitest.config.ts's 600 s catches a hung one. A fixed
    // 60 s failed the unmask flow on a loaded machine (issue 12: no outcome may depend on load).
    let browser: Browser;
    const staffIds = new Map<string, string>();

    const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
      runCli(args, { cwd: server.home, env: { OBHUT_HOME: server.home, ...env } });

    beforeAll(async () => {
      assertConsoleBuilt();
      server = await startServer();
      base = server.base;

      // The members who sign in through the form are added as an operator does, with
      // `obhut staff add`; the others start signed in (openSignedIn) and are added in-process,
      // at the least scrypt cost (issue 13).
      for (const [username, role] of [
        ['rev-answer', 'reviewer'],
        ['rev-leak', 'reviewer'],
      ] as const) {
        const added = await cli(['staff', 'add', username, '--role', role, '--json'], {
          OBHUT_STAFF_PASSWORD: PASSWORD,
        });
        expect(added.code, added.stderr).toBe(0);
        staffIds.set(username, JSON.parse(added.stdout).id);
      }
      const members = await addMembers(
        server,
        { 'rev-refused': 'reviewer', 'rev-skip': 'reviewer', 'po-holds': 'privacy_officer' },
        CHEAP_SCRYPT,
      );
      for (const [username, id] of Object.entries(members)) staffIds.set(username, id);

      // One recording per subject (a reviewer may be capped per subject), every identifier planted:
      // in the subject's account, in extra record fields and in the spoken transcript.
      // The raw recording carries the identifiers in its metadata as well.
      const clip = withInfoTags(toneWav(5), {
        IART: `${CANARY.firstName} ${CANARY.surname}`,
        ICMT: `${CANARY.deviceId} ${CANARY.email} ${CANARY.phone} ${CANARY.accounts[0]}`,
        ISRC: `${CANARY.street} ${CANARY.ip} ${CANARY.iban}`,
      });
      expect(leaks(clip).length).toBeGreaterThan(8);
      await writeFile(path.join(server.home, 'clip.wav'), clip);
      const records = CANARY.accounts.map((account, i) => ({
        id: `canary-${i}`,
        kind: 'audio',
        media: 'clip.wav',
        subject: { platform: 'example', account, age: 'adult', region: 'DE' },
        device_id: CANARY.deviceId,
        first_name: CANARY.firstName,
        email: CANARY.email,
        phone: CANARY.phone,
        address: CANARY.street,
        transcript: { text: SPOKEN, words: timedWords(SPOKEN) },
      }));
      const lines = `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
      // The check below finds every planted identifier where it was planted.
      expect(leaks(Buffer.from(lines)).sort()).toEqual([...CANARY_STRINGS].sort());
      await writeFile(path.join(server.home, 'items.jsonl'), lines);
      const queued = await cli(['review', 'enqueue', '--input', 'items.jsonl', '--json']);
      expect(queued.code, queued.stderr).toBe(0);
      expect(JSON.parse(queued.stdout).counts).toMatchObject({ queued: records.length });

      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Through the sign-in form, for the tests whose flow starts there. */
    const signIn = (context: BrowserContext, username: string, landmark?: string) =>
      openConsole(base, context, username, landmark);
    /** Already signed in, for the tests whose subject comes after signing in. */
    const signedIn = (context: BrowserContext, username: string, landmark?: string) =>
      openSignedIn(server, context, username, landmark);

    /** The `access` entries of one staff member and action, read from the transparency log. */
    const accessOf = (actor: string, action: AccessAction) =>
      accessEntries(server, { actor, action });

    async function openTaskAndListen(page: Page) {
      await page.getByTestId('next-task').click();
      await page.getByTestId('task-view').waitFor();
      await page.getByTestId('load-audio').click();
      await page.getByTestId('waveform').waitFor();
      await page.getByTestId('play-pause').click();
      const audio = page.getByTestId('audio');
      await audio.waitFor({ state: 'attached' });
      await expect
        .poll(() => audio.evaluate((a) => (a as unknown as AudioLike).readyState), {
          timeout: 15_000,
        })
        .toBeGreaterThanOrEqual(1);
    }

    it('a reviewer signs in, opens the next task, sees the redacted transcript and the watermark, loads and plays the audio, and answers', async () => {
      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await signIn(context, 'rev-answer');
      expect(await context.cookies()).toEqual([]);
      expect(
        await page.evaluate(() =>
          (globalThis as unknown as PageGlobals).localStorage.getItem('obhut.console.token'),
        ),
      ).toBeNull();
      expect(await tokenOf(page)).not.toBe('');
      // Only the reviewer's own page is in the navigation.
      const nav = await page.locator('nav.site-nav a').allTextContents();
      expect(nav).toEqual(['Review queue']);

      await page.getByTestId('next-task').click();
      await page.getByTestId('task-view').waitFor();
      expect(page.url()).toMatch(/\/console\/tasks\/rt_[0-9a-f]{32}/);

      const transcript = (await page.getByTestId('transcript').textContent()) ?? '';
      expect(transcript).toMatch(/\[PERSON_\d+\]/);
      expect(transcript).toMatch(/\[EMAIL_\d+\]/);
      expect(transcript).toContain('thanks');
      expect(leaks(Buffer.from(transcript))).toEqual([]);
      // The correction hint names this transcript's placeholders exactly as redaction wrote them.
      const placeholders = [...new Set(transcript.match(/\[[A-Z_]+_\d+\]/g))];
      const hint = (await page.getByTestId('transcript-hint').textContent()) ?? '';
      expect(hint).toMatch(/^Keep \[PERSON_1\]/);
      for (const placeholder of placeholders) expect(hint).toContain(placeholder);

      const watermark = page.getByTestId('watermark');
      const mark = (await watermark.getAttribute('data-text')) ?? '';
      expect(mark).toContain(staffIds.get('rev-answer'));
      expect(mark).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
      expect(await watermark.isVisible()).toBe(true);
      const style = await watermark.evaluate((el) => {
        const s = (globalThis as unknown as PageGlobals).getComputedStyle(el);
        return { pointer: s.pointerEvents, select: s.userSelect };
      });
      expect(style).toEqual({ pointer: 'none', select: 'none' });

      // Nothing plays by itself; loading draws the waveform, play loads the <audio> quietly.
      expect(await page.getByTestId('audio').count()).toBe(0);
      await page.getByTestId('load-audio').click();
      const waveform = page.getByTestId('waveform');
      await waveform.waitFor();
      expect(Number(await waveform.getAttribute('data-duration'))).toBeCloseTo(5, 1);
      const inked = await waveform.evaluate((element) => {
        const c = element as unknown as CanvasLike;
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
        return n;
      });
      expect(inked).toBeGreaterThan(100);

      await page.keyboard.press('Space');
      const audio = page.getByTestId('audio');
      await audio.waitFor({ state: 'attached' });
      const attrs = await audio.evaluate((element) => {
        const a = element as unknown as AudioLike;
        return {
          controlsList: a.getAttribute('controlslist'),
          autoplay: a.autoplay,
          controls: a.controls,
          volume: a.volume,
        };
      });
      expect(attrs.controlsList).toContain('nodownload');
      expect(attrs.autoplay).toBe(false);
      // One play control: the element shows no controls of its own beside the play button.
      expect(attrs.controls).toBe(false);
      expect(await audio.isVisible()).toBe(false);
      expect(await page.locator('button', { hasText: /Play|Pause/ }).count()).toBe(1);
      await expect.poll(() => page.getByTestId('play-pause').textContent()).toContain('Pause');
      expect(attrs.volume).toBeLessThanOrEqual(0.25);
      await expect
        .poll(() => audio.evaluate((a) => (a as unknown as AudioLike).readyState), {
          timeout: 15_000,
        })
        .toBeGreaterThanOrEqual(1);
      expect(await audio.evaluate((a) => (a as unknown as AudioLike).duration)).toBeCloseTo(5, 1);
      // Waveform and player share one fetch: one signed link, one `listen` in the log.
      const listens = await accessOf(staffIds.get('rev-answer')!, 'listen');
      expect(listens).toHaveLength(1);
      expect(listens[0]!.task).toBe(page.url().match(/rt_[0-9a-f]{32}/)?.[0]);

      await page.getByTestId('label-correct').check();
      await page.getByTestId('submit-answer').click();
      await expect
        .poll(() => page.getByTestId('flash').textContent())
        .toContain('Your answer was saved');
      expect(page.url()).toContain('/console/queue');
      await context.close();
    });

    it('a reviewer skips a task with the button beside the answer, outside the viewing settings', async () => {
      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await signedIn(context, 'rev-skip');
      await page.getByTestId('next-task').click();
      await page.getByTestId('task-view').waitFor();
      const taskId = await page.getByTestId('task-id').textContent();
      const skip = page.getByTestId('skip');
      expect(await skip.isVisible()).toBe(true);
      expect(await page.locator('[data-testid="answer-form"] [data-testid="skip"]').count()).toBe(
        1,
      );
      expect(await page.locator('details.wellness [data-testid="skip"]').count()).toBe(0);
      await skip.click();
      await expect.poll(() => page.getByTestId('flash').textContent()).toContain('handed back');
      expect(new URL(page.url()).pathname).toBe('/console/queue');
      // Handed back: no longer this reviewer's to open.
      const status = await page.evaluate(
        async ([url, bearer]) =>
          (await fetch(url, { headers: { Authorization: `Bearer ${bearer}` } })).status,
        [`/api/review/v1/tasks/${taskId}`, await tokenOf(page)] as const,
      );
      expect(status).toBe(403);
      await context.close();
    });

    it('a reviewer is refused the trust_safety and admin pages, and the API answers 403', async () => {
      const context = await browser.newContext({ locale: 'de-DE' });
      const page = await signedIn(context, 'rev-refused');
      const token = await tokenOf(page);

      for (const pagePath of ['/console/flags', '/console/staff', '/console/retention']) {
        await page.goto(`${base}${pagePath}`);
        await page.getByTestId('not-allowed').waitFor();
        expect(await page.locator('h1').textContent()).toBe('Nicht erlaubt');
      }

      const statuses = await page.evaluate(async (bearer) => {
        const call = async (method: string, url: string) =>
          (
            await fetch(url, {
              method,
              headers: {
                Authorization: `Bearer ${bearer}`,
                ...(method === 'POST' ? { 'Content-Type': 'application/json' } : {}),
              },
              body: method === 'POST' ? '{}' : undefined,
            })
          ).status;
        return {
          flags: await call('GET', '/api/review/v1/flags'),
          staff: await call('GET', '/api/review/v1/staff'),
          sweep: await call('POST', '/api/review/v1/retention/sweep'),
          audit: await call('GET', '/api/review/v1/audit/subject?platform=example&account=x'),
        };
      }, token);
      expect(statuses).toEqual({ flags: 403, staff: 403, sweep: 403, audit: 403 });

      // Signing out ends the session on the server too.
      await page.goto(`${base}/console/queue`);
      await page.getByTestId('sign-out').click();
      await page.getByTestId('sign-in-notice').waitFor();
      const after = await page.evaluate(
        async (bearer) =>
          (await fetch('/api/review/v1/me', { headers: { Authorization: `Bearer ${bearer}` } }))
            .status,
        token,
      );
      expect(after).toBe(401);
      expect(await tokenOf(page)).toBe('');
      await context.close();
    });

    it('a privacy officer places a legal hold on a person, sees it listed by pseudonym, and releases it', async () => {
      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await signedIn(context, 'po-holds', 'audit-form');
      await page.locator('nav.site-nav a', { hasText: 'Legal holds' }).click();
      await page.getByTestId('hold-form').waitFor();
      await expect.poll(() => page.getByTestId('no-holds').count()).toBe(1);

      await page.getByTestId('hold-on-subject').check();
      await page.getByTestId('hold-platform').fill('example');
      await page.getByTestId('hold-account').fill(CANARY.accounts[0]!);
      await page.getByTestId('hold-reason').fill('court order 2026-17');
      await page.getByTestId('place-hold').click();
      await expect.poll(() => page.getByTestId('holds-status').textContent()).toContain('placed');
      const rows = page.locator('[data-testid="holds-table"] tbody tr');
      expect(await rows.count()).toBe(1);
      const row = (await rows.first().textContent()) ?? '';
      expect(row).toContain('court order 2026-17');
      expect(row).toContain(staffIds.get('po-holds'));
      expect(row).toMatch(/[0-9a-f]{64}/); // the pseudonym, never the account
      expect(leaks(Buffer.from(row))).toEqual([]);

      await page.getByTestId('release-hold').click();
      await page.getByTestId('confirm-release').click();
      await expect.poll(() => page.getByTestId('holds-status').textContent()).toContain('released');
      await page.getByTestId('no-holds').waitFor();
      expect(await server.session.store.review.holds({ active: true })).toEqual([]);

      // The state filter asks the server again: the released hold is listed as released.
      await page.locator('#hold-filter-state').selectOption('released');
      await expect.poll(() => page.getByTestId('hold-released').count()).toBe(1);
      expect(await page.getByTestId('release-hold').count()).toBe(0);
      expect(await page.locator('[data-testid="holds-table"] tbody tr').textContent()).toContain(
        'court order 2026-17',
      );
      await context.close();
    });

    it('no planted identifier reaches the reviewer: not in any response body, not in the WAV', async () => {
      const context = await browser.newContext({ locale: 'en-GB' });
      const bodies: { url: string; status: number; body: Buffer }[] = [];
      const pending: Promise<void>[] = [];
      // Media is read once per signed link, so it is fetched here and handed to the page as is.
      // The console reads it once for the waveform and the player together.
      await context.route('**/api/review/v1/media/**', async (route) => {
        const response = await route.fetch();
        const body = await response.body();
        bodies.push({ url: route.request().url(), status: response.status(), body });
        await route.fulfill({ response, body });
      });
      context.on('response', (response) => {
        if (response.url().includes('/api/review/v1/media/')) return;
        pending.push(
          response.body().then(
            (body) => {
              bodies.push({ url: response.url(), status: response.status(), body });
            },
            () => {
              // Redirects and bodiless answers (204) have nothing to read.
            },
          ),
        );
      });

      const page = await signIn(context, 'rev-leak');
      await openTaskAndListen(page);
      await page.getByTestId('label-minor_errors').check();
      await page.getByTestId('transcript-input').fill('hello my name is [PERSON_1] thanks');
      await page.getByTestId('submit-answer').click();
      await page.getByTestId('flash').waitFor();
      await Promise.all(pending);
      await context.close();

      // The test saw what it meant to check: the task JSON and the WAV itself.
      const api = bodies.filter((b) => b.url.includes('/api/review/v1/'));
      const task = api.find((b) => b.url.endsWith('/tasks/next'));
      expect(task?.body.toString('utf8')).toContain('[PERSON_');
      const wavs = api.filter((b) => b.url.includes('/media/'));
      expect(wavs).toHaveLength(1); // waveform and player share one fetch
      expect(await accessOf(staffIds.get('rev-leak')!, 'listen')).toHaveLength(1);
      for (const wav of wavs) {
        expect(wav.status).toBe(200);
        expect(wav.body.subarray(0, 4).toString('latin1')).toBe('RIFF');
        // fmt and data chunks only: nothing else rides along in the file.
        const chunks: string[] = [];
        for (let at = 12; at + 8 <= wav.body.length; ) {
          chunks.push(wav.body.toString('latin1', at, at + 4));
          at += 8 + wav.body.readUInt32LE(at + 4) + (wav.body.readUInt32LE(at + 4) % 2);
        }
        expect(chunks).toEqual(['fmt ', 'data']);
      }
      expect(bodies.length).toBeGreaterThanOrEqual(8);
      for (const { url, body } of bodies) expect(leaks(body), url).toEqual([]);
    });
  },
);
