import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlatformKeys, mintPlatformToken } from '../../src/identity/index.js';
import type { Session } from '../../src/runtime/home.js';
import { type RunningServer, startServer } from '../support/server.js';

const CHROMIUM = process.env.OBHUT_CHROMIUM ?? '/usr/bin/chromium';
const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));
const skip = !existsSync(CHROMIUM);

/**
 * The receipt check page in a real browser (WebCrypto Ed25519 and SHA-256, no server call), and
 * server errors on a German page worded in German.
 */
describe.skipIf(skip)(
  `portal receipt check and errors${skip ? ' (skipped: no chromium)' : ''}`,
  () => {
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

    const token = (account: string) =>
      mintPlatformToken(
        { platform: 'example', account },
        loadPlatformKeys(home, () => undefined).get('example')!,
      );

    /** An objection through the API, as the portal makes it; its receipt as the person keeps it. */
    async function objectionReceipt(account: string): Promise<string> {
      const signIn = await fetch(`${base}/api/v1/session/platform`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: token(account) }),
      });
      const { session: bearer } = (await signIn.json()) as { session: string };
      const res = await fetch(`${base}/api/v1/me/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ purpose: 'ai_training', action: 'object' }),
      });
      expect(res.status).toBe(201);
      return JSON.stringify(((await res.json()) as { receipt: unknown }).receipt);
    }

    it('accepts a good receipt and refuses a tampered one, without asking the server', async () => {
      await objectionReceipt('first-person');
      const receipt = await objectionReceipt('second-person');
      expect(JSON.parse(receipt).index).toBe(1);

      const context = await browser.newContext({ locale: 'de-DE' });
      const page = await context.newPage();
      await page.goto(`${base}/verify?lang=de`);
      await page.getByTestId('verify-receipt').waitFor();
      expect(await page.textContent('main')).toContain(
        'Warum Sie den Schlüssel von anderswo brauchen',
      );
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));

      await page.getByTestId('verify-receipt').fill(receipt);
      await page.getByTestId('verify-key').fill(session.log.verifierKey);
      await page.getByTestId('verify-check').click();
      const result = page.getByTestId('verify-result');
      await expect.poll(() => result.getAttribute('data-ok')).toBe('true');
      expect(await result.textContent()).toContain('Bewiesen');

      const forged = JSON.parse(receipt);
      const entry = JSON.parse(Buffer.from(forged.entry, 'base64').toString('utf8'));
      forged.entry = Buffer.from(JSON.stringify({ ...entry, action: 'consent' })).toString(
        'base64',
      );
      await page.getByTestId('verify-receipt').fill(JSON.stringify(forged));
      await page.getByTestId('verify-check').click();
      await expect.poll(() => result.getAttribute('data-ok')).toBe('false');
      expect(await result.textContent()).toContain('NICHT bewiesen');
      expect(await result.textContent()).toContain('Der Beleg wurde verändert');

      // A key of another signer with the same name: the kind a forger would hand out.
      const { generateNoteKey } = await import('../../src/log/index.js');
      await page.getByTestId('verify-receipt').fill(receipt);
      await page.getByTestId('verify-key').fill(generateNoteKey(session.log.origin).verifierKey);
      await page.getByTestId('verify-check').click();
      await expect
        .poll(() => result.textContent())
        .toContain('nicht mit dem angegebenen Schlüssel');

      expect(requests).toEqual([]);
      await context.close();
    }, 90_000);

    it("shows server errors on a German page in German, never the server's English", async () => {
      const context = await browser.newContext({ acceptDownloads: true, locale: 'de-DE' });
      const page = await context.newPage();
      await page.goto(`${base}/?lang=de&token=${encodeURIComponent(token('anna'))}`);
      const state = page.getByTestId('state-ai_training');
      await expect.poll(() => state.getAttribute('data-state')).toBe('none');

      // The register stops taking entries: the server answers 500 with its English message.
      const integrate = session.store.integrate;
      session.store.integrate = async () => {
        throw new Error('the register is read-only');
      };
      try {
        await page.getByTestId('object-ai_training').click();
        const alert = page.getByRole('alert').filter({ hasText: 'Fehler:' }).first();
        await alert.waitFor();
        const text = await alert.textContent();
        expect(text).toContain('Bei uns ist etwas schiefgegangen');
        expect(text).not.toContain('the server could not complete');
      } finally {
        session.store.integrate = integrate;
      }

      // A code the page has no text for: the German generic text, not the English message.
      await page.route('**/api/v1/me/events', (route) =>
        route.fulfill({
          status: 422,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'NEW_CODE', message: 'An English sentence' } }),
        }),
      );
      await page.getByTestId('object-ai_training').click();
      await expect
        .poll(() => page.getByRole('alert').filter({ hasText: 'Fehler 422' }).count())
        .toBeGreaterThan(0);
      expect(await page.textContent('body')).not.toContain('An English sentence');
      await page.unroute('**/api/v1/me/events');

      // The access report, fetched from the requests page (saved as JSON) and summed up.
      await page.goto(`${base}/requests?lang=de`);
      const button = page.getByTestId('download-access-report');
      await button.waitFor();
      await button.click();
      await expect.poll(() => page.textContent('main')).toMatch(/Gespeichert\. \d+ Entscheidungen/);
      await context.close();
    }, 90_000);
  },
);
