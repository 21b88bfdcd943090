import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { consentStatus, type ImportResult, importConsentFile } from '../../consent/index.js';
import { ObhutError } from '../../errors/index.js';
import { parseRfc3339 } from '../../records/index.js';
import type { Config } from '../../runtime/config.js';
import { print, withSession } from '../io.js';
import { table } from '../output.js';
import { createProgress } from '../progress.js';

const SHOWN_REJECTIONS = 20;

export function registerConsent(program: Command): void {
  const consent = program.command('consent').description('the register of objections and consents');

  consent
    .command('import')
    .description(
      'append consent events from a JSONL file (re-importing the same file adds nothing)',
    )
    .argument('<file>', 'consent events, one JSON object per line')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const result = await importConsent(file, opts.json);
      for (const r of result.rejected.slice(0, SHOWN_REJECTIONS)) {
        process.stderr.write(`${file}:${r.line}: ${r.error}\n`);
      }
      if (result.rejected.length > SHOWN_REJECTIONS) {
        process.stderr.write(
          `… and ${result.rejected.length - SHOWN_REJECTIONS} more rejected lines (see --json)\n`,
        );
      }
      print(opts.json, { file, ...result }, () =>
        [
          `Imported ${file}: ${result.lines} events read, ${result.inserted} new, ` +
            `${result.alreadyPresent} already present, ${result.rejected.length} rejected.`,
          ...(result.rejected.length > 0
            ? ['Rejected lines were not imported; fix them and import the file again.']
            : []),
        ].join('\n'),
      );
      if (result.rejected.length > 0) {
        throw new ObhutError(
          'CONSENT_LINES_REJECTED',
          `${result.rejected.length} of ${result.lines} lines in ${file} were rejected; the valid ones were imported`,
        );
      }
    });

  consent
    .command('status')
    .description("a subject's current state per purpose, with the deciding event")
    .requiredOption('--platform <platform>', 'platform of the account, e.g. instagram')
    .requiredOption('--account <account>', 'account id on that platform')
    .option('--at <time>', 'state as of this RFC 3339 time (default: now)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { platform: string; account: string; at?: string; json?: boolean }) => {
      const at = opts.at ?? new Date().toISOString();
      const atMs = parseRfc3339(at);
      if (atMs === undefined)
        throw new ObhutError('USAGE', `--at "${opts.at}" is not an RFC 3339 date-time`);
      const status = await withSession((s) =>
        consentStatus(s.store, s.secret, { platform: opts.platform, account: opts.account }, atMs),
      );
      print(opts.json, { at, ...status }, () => {
        const rows: (string | number)[][] = [
          ['purpose', 'state', 'decided by', 'at', 'channel', 'events'],
        ];
        for (const p of status.purposes) {
          const e = p.decidingEvent;
          rows.push([
            p.purpose,
            p.state,
            e?.action ?? '-',
            e?.at ?? '-',
            e?.channel ?? '-',
            p.history.length,
          ]);
        }
        return `Subject ${status.subject.slice(0, 16)}… (pseudonym) as of ${at}\n${table(rows)}`;
      });
    });
}

/** Imports a consent file with a progress display; shared with `obhut demo`. */
export async function importConsent(
  file: string,
  quiet?: boolean,
  config?: Config,
): Promise<ImportResult> {
  const size = fileSize(file);
  const progress = createProgress('import', process.stderr, quiet);
  try {
    return await withSession(
      (s) => importConsentFile(file, s.log, s.secret, (read) => progress.update(read, size)),
      config,
    );
  } finally {
    progress.finish();
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch (err) {
    throw new ObhutError('INPUT_UNREADABLE', `cannot read ${file}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}
