import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConsentSnapshot, pseudonymise } from '../../src/consent/index.js';
import { loadPlatformKeys, mintLinkToken } from '../../src/identity/index.js';
import type { Session } from '../../src/runtime/home.js';
import { type RunningServer, startServer } from '../support/server.js';

const CHROMIUM = process.env.OBHUT_CHROMIUM ?? '/usr/bin/chromium';
const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));
const skip = !existsSync(CHROMIUM);

/** The newest code in the outbox folder the server writes mail to when no SMTP is set. */
async function codeFromOutbox(outbox: string): Promise<string> {
  for (let tries = 0; tries < 50; tries++) {
    const files = existsSync(outbox) ? (await readdir(outbox)).sort() : [];
    if (files.length > 0) {
      const mail = await readFile(path.join(outbox, files.at(-1)!), 'utf8');
      const code = /code is (\d{6})/.exec(mail)?.[1];
      if (code) return code;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no code arrived in the outbox');
}

/**
 * A person signs in by e-mail in a real browser, objects, and is told plainly that the objection
 * covers only the address; once the platform vouches for the address, the status names both
 * identities and the account's items are objected.
 */
describe.skipIf(skip)(`portal e-mail flow in a real browser${skip ? ' (skipped)' : ''}`, () => {
  let server: RunningServer;
  let home: string;
  let session: Session;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(path.join(WEB_ROOT, 'index.html'))) {
      throw new Error('the portal is not built: run `npm run build` (npm ci does it)');
    }
    server = await startServer();
    ({ home, session, base } = server);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('e-mail code from the outbox → object → status shows the covered identities', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${base}/?lang=en`);
    await page.getByTestId('email').fill('ada@example.org');
    await page.getByTestId('email').press('Enter');
    const code = await codeFromOutbox(path.join(home, 'outbox'));
    await page.getByTestId('code').fill(code);
    await page.getByTestId('code').press('Enter');

    await page.getByTestId('coverage').waitFor();
    expect(await page.getByTestId('covered-identities').getAttribute('data-count')).toBe('1');
    expect(await page.getByTestId('email-alone').textContent()).toMatch(/No platform account/);
    await page.getByTestId('object-ai_training').click();
    await expect
      .poll(() => page.getByTestId('state-ai_training').getAttribute('data-state'))
      .toBe('objected');

    // The platform's link vouches for the address: the two become one person's.
    const key = loadPlatformKeys(home, () => undefined).get('example')!;
    const token = await mintLinkToken(
      { platform: 'example', account: 'ada.l', email: 'ada@example.org' },
      key,
    );
    const other = await browser.newContext({ locale: 'en-GB' });
    const platformPage = await other.newPage();
    await platformPage.goto(`${base}/?lang=en&token=${encodeURIComponent(token)}`);
    // The page exchanges the token for a session; leaving before that finishes lost the session
    // on a loaded machine.
    await platformPage.waitForLoadState('networkidle');
    await platformPage.goto(`${base}/status?lang=en`);
    await expect
      .poll(() => platformPage.getByTestId('state-ai_training').getAttribute('data-state'))
      .toBe('objected');
    const covered = platformPage.getByTestId('covered-identities');
    expect(await covered.getAttribute('data-count')).toBe('2');
    expect(await covered.textContent()).toMatch(/your example account.*your email address/);

    await page.reload();
    await expect
      .poll(() => page.getByTestId('covered-identities').getAttribute('data-count'))
      .toBe('2');
    expect(await page.getByTestId('email-alone').count()).toBe(0);

    const account = pseudonymise(session.secret, { platform: 'example', account: 'ada.l' });
    const now = new Date();
    const snapshot = await loadConsentSnapshot(
      session.store,
      'ai_training',
      now.toISOString(),
      now.getTime(),
    );
    expect(snapshot.stateOf(account)).toBe('objected');
    await context.close();
    await other.close();
  }, 90_000);
});
