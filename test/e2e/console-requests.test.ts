import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubjectRequest } from '../../src/consent/subject-requests.js';
import { type RunningServer, startServer } from '../support/server.js';
import {
  addMembers,
  assertConsoleBuilt,
  launchChromium,
  noBrowser,
  signIn,
} from './console-support.js';

const DAY = 86_400_000;

/** A request as the portal stores it, due in `deadlineInDays` days (received a month before). */
function request(
  kind: SubjectRequest['kind'],
  subject: string,
  deadlineInDays: number,
  notifyEmail?: string,
): SubjectRequest {
  const now = Date.now();
  return {
    id: randomUUID(),
    subject,
    kind,
    status: 'received',
    message: `${kind} request of ${subject}`,
    receivedAt: new Date(now - (30 - deadlineInDays) * DAY).toISOString(),
    deadline: new Date(now + deadlineInDays * DAY).toISOString(),
    answer: undefined,
    answeredAt: undefined,
    notifyEmail,
  };
}

describe.skipIf(noBrowser)(
  `review console: the privacy officer's request queue, in a real browser${noBrowser ? ' (skipped: no chromium)' : ''}`,
  () => {
    let browser: Browser;
    let context: BrowserContext;
    let server: RunningServer;

    beforeAll(async () => {
      assertConsoleBuilt();
      browser = await launchChromium();
      server = await startServer();
    }, 60_000);
    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await server?.close();
    });

    it('lists open requests by deadline; assigning and answering one takes it out of the queue and mails the answer', async () => {
      const { store } = server.session;
      const soon = request('access', 'subject-a', 3, 'ida@example.org');
      const later = request('erasure', 'subject-b', 20);
      await store.createSubjectRequest(later);
      await store.createSubjectRequest(soon);
      const ids = await addMembers(server, { 'po-queue': 'privacy_officer' });

      context = await browser.newContext({ locale: 'en-GB' });
      const page = await signIn(server.base, context, 'po-queue', 'signed-in-as');
      await page
        .locator('nav.site-nav')
        .getByRole('link', { name: 'Data requests', exact: true })
        .click();
      await page.getByTestId('requests-list').waitFor();

      // Nearest deadline first.
      const order = await page
        .getByTestId('requests-list')
        .locator(':scope > li')
        .evaluateAll((items) =>
          items.map((li) => (li as unknown as { dataset: { testid: string } }).dataset.testid),
        );
      expect(order).toEqual([`request-${soon.id}`, `request-${later.id}`]);

      const card = page.getByTestId(`request-${soon.id}`);
      await expect.poll(() => card.getByTestId('request-assignee').textContent()).toBe('nobody');
      await card.getByTestId('assign-to-me').click();
      await expect.poll(() => card.getByTestId('request-assignee').textContent()).toBe('you');
      expect((await store.subjectRequests()).find((r) => r.id === soon.id)?.assignee).toBe(
        ids['po-queue'],
      );

      await card.getByTestId('access-report').click();
      await card.getByTestId('report-summary').waitFor();
      expect(await card.getByTestId('report-summary').textContent()).toContain('0 decisions');

      await card.getByTestId('answer-request').click();
      await card.getByTestId('answer-text').fill('Your access report is ready in the portal.');
      await card.getByTestId('send-answer').click();
      await card.waitFor({ state: 'detached' });
      expect(await page.getByTestId('requests-status').textContent()).toContain(
        'the request is closed',
      );
      await page.getByTestId(`request-${later.id}`).waitFor();

      // Stored for the portal, and mailed to the address the person gave.
      const stored = (await store.subjectRequests()).find((r) => r.id === soon.id);
      expect(stored).toMatchObject({
        status: 'answered',
        answer: 'Your access report is ready in the portal.',
      });
      const outbox = path.join(server.home, 'outbox');
      const mails = existsSync(outbox) ? await readdir(outbox) : [];
      const texts = await Promise.all(mails.map((f) => readFile(path.join(outbox, f), 'utf8')));
      expect(
        texts.filter(
          (t) => t.includes('ida@example.org') && t.includes('Your access report is ready'),
        ),
      ).toHaveLength(1);

      // After a reload the queue still holds only the open one.
      await page.reload();
      await page.getByTestId(`request-${later.id}`).waitFor();
      expect(await page.getByTestId(`request-${soon.id}`).count()).toBe(0);
    }, 60_000);
  },
);
