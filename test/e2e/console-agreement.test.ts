// Issue 20's done-when: two reviewers answer the same items in the browser, each asked the
// questions in their own language → a lead sees the agreement → `obhut review export` writes
// both answers and the agreement, with no canary identity in the file.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewEnqueueCommand } from '../../src/cli/commands/review.js';
import { NominalAlpha } from '../../src/review/agreement.js';
import { readConfig } from '../../src/runtime/config.js';
import { runCli } from '../support/cli.js';
import { type RunningServer, startServer } from '../support/server.js';
import {
  addMembers,
  assertConsoleBuilt,
  launchChromium,
  signIn,
  noBrowser as skip,
} from './console-support.js';

const CANARY = ['Wilhelmina', 'Kowalczyk', 'wk_9921004417', 'wilhelmina.k@example.org'];

const LABELS = [
  {
    name: 'intent',
    text: { en: 'What does the speaker ask for?', de: 'Worum bittet die sprechende Person?' },
    options: [
      { value: 'weather', text: { en: 'The weather', de: 'Das Wetter' } },
      { value: 'music', text: { en: 'Music', de: 'Musik' } },
    ],
  },
  {
    name: 'quality',
    text: { en: 'How is the text?', de: 'Wie ist der Text?' },
    options: ['clear', 'garbled'],
  },
];

describe.skipIf(skip)(
  `review questions, agreement and export${skip ? ' (skipped: no chromium)' : ''}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let ids: Record<string, string>;

    beforeAll(async () => {
      assertConsoleBuilt();
      server = await startServer();
      ids = await addMembers(server, {
        'agree-en': 'reviewer',
        'agree-de': 'reviewer',
        'agree-lead': 'lead',
      });
      const labels = path.join(server.home, 'labels.json');
      await writeFile(labels, JSON.stringify(LABELS));
      const input = path.join(server.home, 'agree.jsonl');
      const records = [0, 1].map((i) => ({
        id: `agree-${i}`,
        kind: 'text',
        text: `Hello, this is ${CANARY[0]} ${CANARY[1]}, write to ${CANARY[3]}. Will it rain?`,
        subject: { platform: 'example', account: `${CANARY[2]}${i}`, age: 'adult', region: 'DE' },
      }));
      await writeFile(input, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
      const result = await reviewEnqueueCommand(
        { input: [input], k: '2', labels },
        readConfig({ OBHUT_HOME: server.home }, server.home),
      );
      expect(result.counts.queued).toBe(2);
      browser = await launchChromium();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Takes the next task, checks the questions' language, answers, and returns to the queue. */
    async function answerNext(page: Page, intent: string, legend: string, option: string) {
      await page.getByTestId('next-task').click();
      await page.getByTestId('task-view').waitFor();
      expect(await page.getByTestId('question-intent').locator('legend').textContent()).toBe(
        legend,
      );
      expect(await page.locator(`label[for="label-intent-weather"]`).textContent()).toBe(option);
      await page.getByTestId(`label-intent-${intent}`).check();
      await page.getByTestId('label-quality-clear').check();
      await page.getByTestId('submit-answer').click();
      await page.getByTestId('next-task').waitFor();
    }

    it('two reviewers answer in their languages, a lead sees alpha, the export has both answers and no identity', async () => {
      const en = await signIn(server.base, await browser.newContext(), 'agree-en');
      await answerNext(en, 'weather', 'What does the speaker ask for?', 'The weather');
      await answerNext(en, 'weather', 'What does the speaker ask for?', 'The weather');

      const de = await signIn(server.base, await browser.newContext(), 'agree-de');
      // The language switch is kept in ?lang=; the session survives the reload.
      await de.goto(`${server.base}/console/queue?lang=de`);
      await de.getByTestId('next-task').waitFor();
      await answerNext(de, 'weather', 'Worum bittet die sprechende Person?', 'Das Wetter');
      await answerNext(de, 'music', 'Worum bittet die sprechende Person?', 'Das Wetter');

      const want = new NominalAlpha();
      want.add(['weather', 'weather']);
      want.add(['weather', 'music']);
      const alpha = want.result().alpha!;

      const lead = await signIn(server.base, await browser.newContext(), 'agree-lead');
      await lead.goto(`${server.base}/console/counts?lang=en`);
      await lead.getByTestId('agreement').waitFor();
      expect(await lead.getByTestId('alpha-intent').textContent()).toBe(alpha.toFixed(3));
      // One value only: alpha is undefined, and said so.
      expect(await lead.getByTestId('alpha-quality').textContent()).toBe('Not enough answers yet');
      expect(await lead.getByTestId('agreement').textContent()).not.toContain('agree-');

      const out = path.join(server.home, 'answers.jsonl');
      const run = await runCli(['review', 'export', '--out', out, '--json'], {
        cwd: server.home,
        env: { OBHUT_HOME: server.home },
      });
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ items: 2, answers: 4 });
      const text = await readFile(out, 'utf8');
      const [header, ...items] = text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(header.agreement.intent.alpha).toBeCloseTo(alpha, 12);
      expect(header.agreement.quality).toEqual({ alpha: null, items: 2, answers: 4 });
      expect(header.questions.map((q: { name: string }) => q.name)).toEqual(['intent', 'quality']);
      expect(items.map((i) => i.record_id).sort()).toEqual(['agree-0', 'agree-1']);
      for (const item of items) {
        expect(item.answers).toHaveLength(2);
        expect(new Set(item.answers.map((a: { reviewer: string }) => a.reviewer)).size).toBe(2);
      }
      const split = items.find((i) => i.agreement.intent === 0);
      expect(split.majority.intent).toBeNull();
      for (const secret of [...CANARY, ...Object.keys(ids), ...Object.values(ids)])
        expect(text).not.toContain(secret);
    }, 120_000);
  },
);
