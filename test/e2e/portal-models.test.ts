import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConsentSnapshot } from '../../src/consent/index.js';
import { runBuild } from '../../src/gate/run-build.js';
import { loadPlatformKeys, mintPlatformToken } from '../../src/identity/index.js';
import { parseModelRef, registerModel } from '../../src/lineage/index.js';
import { DEFAULT_POLICY } from '../../src/policy/index.js';
import { type RunningServer, startServer } from '../support/server.js';

const CHROMIUM = process.env.OBHUT_CHROMIUM ?? '/usr/bin/chromium';
const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));
const skip = !existsSync(CHROMIUM);

/**
 * A person whose data went into a build finds, on the portal's builds page, the model trained
 * on it; after objecting, the page says the objection came after the model.
 */
describe.skipIf(skip)(
  `portal models in a real browser${skip ? ' (skipped: no chromium)' : ''}`,
  () => {
    let server: RunningServer;
    let browser: Browser;

    beforeAll(async () => {
      if (!existsSync(path.join(WEB_ROOT, 'index.html'))) {
        throw new Error('the portal is not built: run `npm run build` (npm ci does it)');
      }
      server = await startServer();
      const { store, log, secret } = server.session;
      const input = path.join(server.home, 'items.jsonl');
      await writeFile(
        input,
        `${['anna', 'ben']
          .map((account) =>
            JSON.stringify({
              id: account,
              kind: 'text',
              text: 'Hallo',
              subject: { platform: 'example', account },
            }),
          )
          .join('\n')}\n`,
      );
      const checkpoint = await log.reader.checkpoint();
      const at = new Date().toISOString();
      const built = await runBuild({
        inputs: [input],
        out: path.join(server.home, 'dataset'),
        policy: DEFAULT_POLICY,
        consent: await loadConsentSnapshot(store, 'ai_training', at, Date.parse(at), {
          logSize: checkpoint.size,
        }),
        checkpoint,
        log,
        registry: store,
        secret,
      });
      await registerModel(
        { builds: store, models: store, writer: log.writer },
        { model: parseModelRef('acme/chat@1'), buildIds: [built.buildId], at: new Date() },
      );
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
      });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('lists the model, then marks an objection as made after it', async () => {
      const key = loadPlatformKeys(server.home, () => undefined).get('example')!;
      const token = mintPlatformToken({ platform: 'example', account: 'anna' }, key);
      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(`${server.base}/?lang=en&token=${encodeURIComponent(token)}`);
      const state = page.getByTestId('state-ai_training');
      await expect.poll(() => state.getAttribute('data-state')).toBe('none');

      await page.goto(`${server.base}/builds?lang=en`);
      const row = page.getByTestId('model-acme/chat@1');
      await row.waitFor();
      expect(await row.getAttribute('data-after-model')).toBe('false');
      expect(await row.textContent()).toContain('None');

      await page.goto(`${server.base}/status?lang=en`);
      await page.getByTestId('object-ai_training').click();
      await expect.poll(() => state.getAttribute('data-state')).toBe('objected');

      await page.goto(`${server.base}/builds?lang=en`);
      await row.waitFor();
      expect(await row.getAttribute('data-after-model')).toBe('true');
      expect(await row.textContent()).toMatch(/Objected on .*after this model was trained/);
      await context.close();
    }, 90_000);
  },
);
