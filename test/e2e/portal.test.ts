import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlatformKeys, mintLinkToken } from '../../src/identity/index.js';
import type { Session } from '../../src/runtime/home.js';
import { runCli } from '../support/cli.js';
import { type RunningServer, startServer } from '../support/server.js';

const CHROMIUM = process.env.OBHUT_CHROMIUM ?? '/usr/bin/chromium';
const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));
const skip = !existsSync(CHROMIUM);

/**
 * A person objects through the German portal in a real browser, downloads the receipt, which
 * `obhut verify` accepts, and sees the new state on the status page.
 */
describe.skipIf(skip)(`portal in a real browser${skip ? ' (skipped: no chromium)' : ''}`, () => {
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
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('objects in German, downloads a receipt that obhut verify accepts, and shows the new state', async () => {
    const keys = loadPlatformKeys(home, () => undefined);
    const token = await mintLinkToken(
      { platform: 'example', account: 'anna.schmidt' },
      keys.get('example')!,
    );
    const context = await browser.newContext({ acceptDownloads: true, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${base}/?lang=de&token=${encodeURIComponent(token)}`);

    const state = page.getByTestId('state-ai_training');
    await expect.poll(() => state.getAttribute('data-state')).toBe('none');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    // The token must not stay in the address bar, where it would end up in history and logs.
    expect(page.url()).not.toContain('token=');

    await page.getByTestId('object-ai_training').click();
    const downloadButton = page.getByTestId('download-receipt-json').first();
    await downloadButton.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), downloadButton.click()]);
    const file = path.join(home, download.suggestedFilename());
    await download.saveAs(file);
    const receipt = JSON.parse(await readFile(file, 'utf8'));
    expect(receipt).toMatchObject({ purpose: 'ai_training', action: 'object' });
    expect(JSON.stringify(receipt)).not.toContain('anna.schmidt');

    const verified = await runCli(['verify', file, '--key', session.log.verifierKey], {
      cwd: home,
    });
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('objected to the use of their data for AI training');

    await page.goto(`${base}/status?lang=de`);
    await expect
      .poll(() => page.getByTestId('state-ai_training').getAttribute('data-state'))
      .toBe('objected');
    expect(await page.getByTestId('state-ai_training').textContent()).toMatch(/widersprochen/i);
    await context.close();
  }, 90_000);
});
