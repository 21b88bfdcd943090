// What the review console's real-browser tests share: the browser, signing in, reading the
// transparency log's `access` entries, and a server home with staff, queued items and objections
// made in-process (the same code `obhut staff add`, `obhut review enqueue` and
// `obhut consent import` run).
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { reviewEnqueueCommand } from '../../src/cli/commands/review.js';
import { importConsentFile } from '../../src/consent/index.js';
import { type AccessEntry, decodeEntry } from '../../src/log/index.js';
import type { EnqueueResult } from '../../src/review/index.js';
import { readConfig } from '../../src/runtime/config.js';
import { addStaff, type Role, type ScryptParams, StaffSessions } from '../../src/staff/index.js';
import { encodeWav } from '../../src/voice/index.js';
import type { RunningServer } from '../support/server.js';

export const CHROMIUM = process.env.OBHUT_CHROMIUM ?? '/usr/bin/chromium';
const CONSOLE_ROOT = fileURLToPath(new URL('../../dist/console/', import.meta.url));
/** No browser here: the suites skip themselves. */
export const noBrowser = !existsSync(CHROMIUM);
export const PASSWORD = 'correct horse battery staple';

/** Fails early, with the fix, when `npm run build` has not made dist/console. */
export function assertConsoleBuilt(): void {
  if (!existsSync(path.join(CONSOLE_ROOT, 'index.html'))) {
    throw new Error('the console is not built: run `npm run build` (npm ci does it)');
  }
}

/** Debian's chromium, headless, quiet, allowed to play audio without a gesture and muted. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
      '--mute-audio',
    ],
  });
}

// The test's tsconfig has no DOM library: what the page-side callbacks touch, typed here.
export interface AudioLike {
  readyState: number;
  duration: number;
  volume: number;
  autoplay: boolean;
  controls: boolean;
  getAttribute(name: string): string | null;
}
export interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  };
}
export interface ImageLike {
  complete: boolean;
  naturalWidth: number;
}
export interface PageGlobals {
  sessionStorage: { getItem(key: string): string | null };
  localStorage: { getItem(key: string): string | null };
  getComputedStyle(element: unknown): { pointerEvents: string; userSelect: string; filter: string };
}

/** Opens the console in a new page of `context` and signs in; waits for `landmark` (a test id). */
export async function signIn(
  base: string,
  context: BrowserContext,
  username: string,
  landmark = 'next-task',
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/console/?lang=en`);
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(PASSWORD);
  await page.getByTestId('sign-in').click();
  await page.getByTestId(landmark).waitFor();
  return page;
}

/**
 * Opens the console in a new page of `context` already signed in as `username`, for tests whose
 * subject is not signing in (issue 13: a sign-in through the form, with its scrypt check, was
 * the largest share of such a test). The session is opened in-process as `POST /session` opens
 * it after the password check, and put where the console keeps it (sessionStorage, see
 * console/src/api.ts) before the page loads, once: a later sign-out stays signed out. The form
 * itself is tested by `signIn` (console.test.ts) and the lockout test (console-roles.test.ts).
 */
export async function openSignedIn(
  server: RunningServer,
  context: BrowserContext,
  username: string,
  landmark = 'next-task',
): Promise<Page> {
  const staff = server.session.store.staff;
  const found = await staff.credentials(username);
  if (!found) throw new Error(`no member ${username}`);
  const { token } = await new StaffSessions(staff).open(found.member);
  // The member as the console shows it, from the API, as the form's sign-in would store it.
  const me = await fetch(`${server.base}/api/review/v1/me`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (me.status !== 200) throw new Error(`GET /me answered ${me.status}`);
  await context.addInitScript(
    ([t, m]) => {
      const storage = (globalThis as unknown as { sessionStorage: Storage }).sessionStorage;
      if (storage.getItem('obhut.test.seeded') !== null) return;
      storage.setItem('obhut.test.seeded', '1');
      storage.setItem('obhut.console.token', t);
      storage.setItem('obhut.console.me', m);
    },
    [token, JSON.stringify(await me.json())] as const,
  );
  const page = await context.newPage();
  await page.goto(`${server.base}/console/?lang=en`);
  await page.getByTestId(landmark).waitFor();
  return page;
}

interface Storage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The bearer token the console keeps, read from sessionStorage as the app does. */
export const tokenOf = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as PageGlobals).sessionStorage.getItem('obhut.console.token') ?? '',
  );

/** The `access` entries of the transparency log that match every given field. */
export async function accessEntries(
  server: RunningServer,
  match: Partial<Pick<AccessEntry, 'actor' | 'action' | 'task' | 'subject'>>,
): Promise<AccessEntry[]> {
  const { store } = server.session;
  const entries = await store.logEntries(0, await store.logSize());
  return entries.flatMap((bytes) => {
    const d = decodeEntry(bytes);
    if (!d.ok || d.entry.type !== 'access') return [];
    const entry = d.entry;
    const wanted = Object.entries(match).every(
      ([key, value]) => entry[key as keyof typeof match] === value,
    );
    return wanted ? [entry] : [];
  });
}

/** One timed word per 0.15 s, as a transcript's `words`. */
export function timedWords(sentence: string) {
  return sentence.split(' ').map((text, i) => ({
    text,
    start: Math.round(i * 0.15 * 1000) / 1000,
    end: Math.round((i * 0.15 + 0.13) * 1000) / 1000,
  }));
}

/** A plain tone as a 16 kHz WAV, `seconds` long. */
export function toneWav(seconds: number): Buffer {
  const tone = new Float32Array(Math.round(16_000 * seconds)).map((_, i) => 0.3 * Math.sin(i / 7));
  return encodeWav(tone, 16_000);
}

/**
 * The least scrypt cost the store reads back, for members who only ever use `openSignedIn`: their
 * password is never checked, and each hash at the default cost is about a third of a CPU second.
 */
export const CHEAP_SCRYPT: ScryptParams = { logN: 10, r: 8, p: 1 };

/** Adds members of staff (username → role) with PASSWORD; returns their ids by username. */
export async function addMembers(
  server: RunningServer,
  members: Record<string, Role>,
  scrypt?: ScryptParams,
): Promise<Record<string, string>> {
  const added = await Promise.all(
    Object.entries(members).map(async ([username, role]) => {
      const member = await addStaff(
        server.session.store.staff,
        { username, role, password: PASSWORD },
        scrypt,
      );
      return [username, member.id] as const;
    }),
  );
  return Object.fromEntries(added);
}

let files = 0;

/**
 * Queues records as `obhut review enqueue` does (its own code, the built-in policy for
 * human_review): media named in the records are files of `media` (name → bytes), written next to
 * the input. Every record must be queued.
 */
export async function enqueue(
  server: RunningServer,
  records: readonly object[],
  options: { k?: number; media?: Record<string, Uint8Array> } = {},
): Promise<EnqueueResult['queued']> {
  for (const [name, bytes] of Object.entries(options.media ?? {}))
    await writeFile(path.join(server.home, name), bytes);
  const input = path.join(server.home, `items-${files++}.jsonl`);
  await writeFile(input, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  const result = await reviewEnqueueCommand(
    { input: [input], k: String(options.k ?? 1) },
    readConfig({ OBHUT_HOME: server.home }, server.home),
  );
  expect(result.rejected).toEqual([]);
  expect(result.counts).toMatchObject({ queued: records.length, excluded: 0 });
  return result.queued;
}

/** The subject objects to human review (a portal event, a second ago), as `obhut consent import`. */
export async function objectToReview(
  server: RunningServer,
  subject: { platform: string; account: string },
): Promise<void> {
  const file = path.join(server.home, `events-${files++}.jsonl`);
  const event = {
    ...subject,
    purpose: 'human_review',
    action: 'object',
    at: new Date(Date.now() - 1000).toISOString(),
    channel: 'portal',
  };
  await writeFile(file, `${JSON.stringify(event)}\n`);
  const { session } = server;
  const result = await importConsentFile(file, session.log, session.secret);
  expect(result.rejected).toEqual([]);
}
