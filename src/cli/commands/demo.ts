import { existsSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { demoCorpusOptions } from '../../demo/corpus.js';
import { DEMO_PLATFORMS } from '../../demo/subjects.js';
import { writeCorpus } from '../../demo/write-corpus.js';
import { ObhutError } from '../../errors/index.js';
import { addPlatform, loadPlatformKeys } from '../../identity/index.js';
import { DEFAULT_POLICY } from '../../policy/index.js';
import { type Config, readConfig } from '../../runtime/config.js';
import { initHome } from '../../runtime/home.js';
import { jsonText } from '../output.js';
import { buildCommand, summaryJson, summaryText } from './build.js';
import { importConsent } from './consent.js';
import { reviewDemoText, runReviewDemo } from './demo-review.js';

// The register is evaluated at a fixed instant after all generated events, so the demo's
// counts are the same on every run and every machine (pseudonyms depend on the demo's key).
const DEMO_AT = '2026-01-01T00:00:00Z';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'generate a synthetic corpus, import its consent events, build a dataset and summarise it',
    )
    .option('--items <n>', 'number of item records to generate', '5000')
    .option('--seed <n>', 'seed for the generator', '2025')
    .option('--json', 'print the summary as JSON')
    .option(
      '--review',
      'then queue synthetic voice recordings for human review and set up review console staff',
    )
    .option('--review-items <n>', 'number of voice recordings for --review', '24')
    .action(async (opts: DemoFlags) => {
      const items = Number(opts.items);
      const seed = Number(opts.seed);
      const reviewItems = Number(opts.reviewItems);
      if (!Number.isSafeInteger(items) || items < 10)
        throw new ObhutError('USAGE', '--items must be an integer of at least 10');
      if (!Number.isSafeInteger(seed)) throw new ObhutError('USAGE', '--seed must be an integer');
      if (!Number.isSafeInteger(reviewItems) || reviewItems < 1 || reviewItems > 1000)
        throw new ObhutError('USAGE', '--review-items must be an integer from 1 to 1000');
      // The demo keeps its own register and key in <home>/demo, never the configured one:
      // its synthetic objections must not end up next to real people's.
      const dir = path.join(readConfig().home, 'demo');
      const config: Config = {
        home: dir,
        databaseUrl: undefined,
        secret: undefined,
        logOrigin: 'obhut.local/demo',
        logKey: undefined,
      };
      await initHome(config);
      // The platforms the synthetic people come from, so `obhut token mint` signs a demo person in.
      const configured = loadPlatformKeys(dir, () => undefined);
      for (const platform of DEMO_PLATFORMS) {
        if (!configured.has(platform)) await addPlatform(dir, platform, { kind: 'hmac' });
      }

      const inputDir = path.join(dir, 'input');
      await rm(inputDir, { recursive: true, force: true });
      const corpus = await writeCorpus(inputDir, demoCorpusOptions(seed, items));
      const policyFile = path.join(dir, 'policy.json');
      await writeFile(policyFile, `${JSON.stringify(DEFAULT_POLICY, null, 2)}\n`);

      const imported = await importConsent(corpus.events, true, config);
      const result = await buildCommand(
        {
          input: [corpus.items],
          out: path.join(dir, 'dataset'),
          policy: policyFile,
          at: DEMO_AT,
          overwrite: true,
          json: opts.json,
        },
        config,
      );
      const review = opts.review
        ? await runReviewDemo(config, { seed, corpusItems: items, count: reviewItems })
        : undefined;

      if (opts.json) {
        process.stdout.write(
          jsonText({
            corpus,
            consent_import: imported,
            build: summaryJson(result),
            ...(review ? { review } : {}),
          }),
        );
        return;
      }
      const objector = firstObjector(corpus.events);
      process.stdout.write(
        `${[
          `Generated ${corpus.itemLines} records (${corpus.mediaFiles} images) and ${corpus.eventLines} consent events in ${inputDir}`,
          `Imported consent events: ${imported.inserted} new, ${imported.alreadyPresent} already present, ${imported.rejected.length} rejected`,
          '',
          summaryText(result),
          '',
          'Look around:',
          `  ${path.join(result.out, 'manifest.json')}   what went in and out, with digests`,
          `  ${path.join(result.out, 'excluded.jsonl')}   every excluded id with its reasons`,
          `  ${path.join(result.out, 'rejected.jsonl')}   every unreadable record with its line and error`,
          `  ${path.join(result.out, 'build-receipt.json')}   the build's log receipt: obhut verify it`,
          `  OBHUT_HOME=${dir} npx obhut serve   the subject portal at http://127.0.0.1:8080/`,
          ...(objector
            ? [
                `  OBHUT_HOME=${dir} npx obhut token mint --platform ${objector.platform} --account ${objector.account} --url http://127.0.0.1:8080   sign in as a demo person who objected`,
                `  OBHUT_HOME=${dir} npx obhut consent status --platform ${objector.platform} --account ${objector.account}`,
              ]
            : [
                `  OBHUT_HOME=${dir} npx obhut token mint --platform example --account YOU --url http://127.0.0.1:8080   a sign-in link`,
              ]),
        ].join('\n')}\n`,
      );
      if (review) process.stdout.write(`\n${reviewDemoText(review)}\n`);
    });
}

interface DemoFlags {
  items: string;
  seed: string;
  json?: boolean;
  review?: boolean;
  reviewItems: string;
}

function firstObjector(eventsFile: string): { platform: string; account: string } | undefined {
  if (!existsSync(eventsFile)) return undefined;
  for (const line of readFileSync(eventsFile, 'utf8').split('\n')) {
    if (!line.includes('"object"')) continue;
    const event = JSON.parse(line) as { platform: string; account: string; action: string };
    if (event.action === 'object') return event;
  }
  return undefined;
}
