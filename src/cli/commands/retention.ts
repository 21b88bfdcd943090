import type { Command } from 'commander';
import { ObhutError } from '../../errors/index.js';
import { parseRfc3339 } from '../../records/index.js';
import { type SweepResult, sweepRetention } from '../../review/retention.js';
import { retentionDays } from '../../runtime/compose.js';
import { type Config, loadSettings } from '../../runtime/config.js';
import { print, withSession } from '../io.js';

interface SweepFlags {
  now?: string;
  dryRun?: boolean;
  rawDays?: string;
  derivedDays?: string;
  json?: boolean;
}

export function registerRetention(program: Command): void {
  const retention = program
    .command('retention')
    .description('deletion of review data past its retention period');
  retention
    .command('sweep')
    .description(
      'delete raw recordings and records (after OBHUT_REVIEW_RAW_DAYS, 30) and reviewer copies (after OBHUT_REVIEW_DERIVED_DAYS, 90), each logged',
    )
    .option('--now <time>', 'sweep as of this RFC 3339 time (default: now)')
    .option('--dry-run', 'list what would be deleted; delete nothing')
    .option('--raw-days <n>', 'keep raw parts this many days')
    .option('--derived-days <n>', 'keep reviewer copies this many days')
    .option('--json', 'print the result as JSON')
    .action(async (flags: SweepFlags) => {
      const result = await retentionSweepCommand(flags);
      print(flags.json, result, () => summaryText(result));
    });
}

export async function retentionSweepCommand(
  flags: SweepFlags,
  config?: Config,
): Promise<SweepResult> {
  let now: Date | undefined;
  if (flags.now !== undefined) {
    const ms = parseRfc3339(flags.now);
    if (ms === undefined)
      throw new ObhutError('USAGE', `--now "${flags.now}" is not an RFC 3339 date-time`);
    now = new Date(ms);
  }
  const days = (text: string | undefined, name: string) => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1)
      throw new ObhutError('USAGE', `${name} must be a positive integer`);
    return n;
  };
  const rawDays = days(flags.rawDays, '--raw-days');
  const derivedDays = days(flags.derivedDays, '--derived-days');
  const configured = retentionDays(loadSettings());
  return withSession(
    (session) =>
      sweepRetention(session, {
        ...(now === undefined ? {} : { now }),
        dryRun: flags.dryRun ?? false,
        rawDays: rawDays ?? configured.rawDays,
        derivedDays: derivedDays ?? configured.derivedDays,
      }),
    config,
  );
}

function summaryText(result: SweepResult): string {
  const verb = result.dryRun ? 'would delete' : 'deleted';
  const lines = [
    `Retention sweep as of ${result.now}${result.dryRun ? ' (dry run)' : ''}: ${verb} ${result.raw.length} raw part(s) (older than ${result.rawDays} days) and ${result.derived.length} reviewer cop(ies) (older than ${result.derivedDays} days).`,
  ];
  for (const id of result.raw) lines.push(`raw      ${id}`);
  for (const id of result.derived) lines.push(`derived  ${id}`);
  return lines.join('\n');
}
