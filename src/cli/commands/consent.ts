import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { ImportResult, PurposeStatus, SubjectStatus } from '../../consent/index.js';
import { ObhutError } from '../../errors/index.js';
import { CONSENT_ACTIONS, type ConsentAction } from '../../records/consent-actions.js';
import { PURPOSES, type Purpose } from '../../records/item-record.js';
import { parseRfc3339 } from '../../records/time.js';
import type { Config } from '../../runtime/config.js';
import { type IdentityOptions, identityFrom, identityOptions } from '../identity-options.js';
import { print, withReadSession, withSession } from '../io.js';
import { table } from '../output.js';
import { terminalText } from '../terminal-text.js';

// Each subcommand imports what it runs when it runs: `consent status` is a start-up figure of
// issue 13 and needs neither the importer (CSV, line reader) nor the log's receipts.

const SHOWN_REJECTIONS = 20;

export function registerConsent(program: Command): void {
  const consent = program.command('consent').description('the register of objections and consents');

  consent
    .command('import')
    .description(
      'append consent events from a JSONL file, or a CSV file (.csv) with a header row of event fields (re-importing adds nothing)',
    )
    .argument('<file>', 'consent events, one JSON object per line')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const result = await importConsent(file, opts.json);
      for (const r of result.rejected.slice(0, SHOWN_REJECTIONS)) {
        process.stderr.write(`${terminalText(`${file}:${r.line}: ${r.error}`)}\n`);
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

  identityOptions(
    consent
      .command('record')
      .description('record one decision of one person now, logged, and write its receipt'),
  )
    .requiredOption('--purpose <purpose>', `one of ${PURPOSES.join(', ')}`)
    .requiredOption('--action <action>', `one of ${CONSENT_ACTIONS.join(', ')}`)
    .option('--at <time>', 'when it takes effect, RFC 3339 (default: now)')
    .option('--reference <text>', 'a free-text reference, e.g. a ticket number (kept off the log)')
    .option('--receipt <file>', 'write the receipt (JSON) to this file')
    .option('--tlog-proof <file>', 'write the receipt in C2SP tlog-proof form to this file')
    .option('--json', 'print the receipt as JSON')
    .action(
      async (
        opts: IdentityOptions & {
          purpose: string;
          action: string;
          at?: string;
          reference?: string;
          receipt?: string;
          tlogProof?: string;
          json?: boolean;
        },
      ) => {
        if (!(PURPOSES as readonly string[]).includes(opts.purpose))
          throw new ObhutError('USAGE', `--purpose must be one of ${PURPOSES.join(', ')}`);
        if (!(CONSENT_ACTIONS as readonly string[]).includes(opts.action))
          throw new ObhutError('USAGE', `--action must be one of ${CONSENT_ACTIONS.join(', ')}`);
        const who = identityFrom(opts);
        const { recordConsentEvent } = await import('../../consent/record-event.js');
        const { receipt, ack } = await withSession((s) =>
          recordConsentEvent(s.log, s.secret, {
            who,
            purpose: opts.purpose as Purpose,
            action: opts.action as ConsentAction,
            channel: 'cli',
            ...(opts.at === undefined ? {} : { at: opts.at }),
            ...(opts.reference === undefined ? {} : { reference: opts.reference }),
          }),
        );
        if (opts.receipt) await writeFile(opts.receipt, `${JSON.stringify(receipt, null, 2)}\n`);
        if (opts.tlogProof) {
          const { receiptAsTlogProof } = await import('../../log/receipt.js');
          await writeFile(opts.tlogProof, receiptAsTlogProof(receipt));
        }
        print(opts.json, receipt, () =>
          [
            `Recorded as log entry ${ack.index}, under the signed checkpoint of size ${ack.checkpoint.size}.`,
            receipt.meaning,
            ...(opts.receipt ? [`Receipt written to ${opts.receipt}.`] : []),
            ...(opts.tlogProof ? [`tlog-proof written to ${opts.tlogProof}.`] : []),
          ].join('\n'),
        );
      },
    );

  identityOptions(
    consent
      .command('status')
      .description(
        "a subject's current state per purpose, with the deciding event among its linked identities",
      ),
  )
    .option('--at <time>', 'state as of this RFC 3339 time (default: now)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: IdentityOptions & { at?: string; json?: boolean }) => {
      const at = opts.at ?? new Date().toISOString();
      const atMs = parseRfc3339(at);
      if (atMs === undefined)
        throw new ObhutError('USAGE', `--at "${opts.at}" is not an RFC 3339 date-time`);
      const who = identityFrom(opts);
      const { consentStatus } = await import('../../consent/status.js');
      const status = await withReadSession((s) => consentStatus(s.store, s.secret, who, atMs));
      print(opts.json, statusJson(at, status), () => {
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
        const linked = status.identities.length - 1;
        const also =
          linked > 0 ? `, linked to ${linked} other identit${linked === 1 ? 'y' : 'ies'}` : '';
        return `Subject ${status.subject.slice(0, 16)}… (pseudonym)${also} as of ${at}\n${table(rows)}`;
      });
    });
}

/**
 * `consent status --json`: the subject's state per purpose. Store internals (the row number, the
 * parsed time, the idempotency key) stay out; `log_index` names the event's log entry.
 */
function statusJson(at: string, status: SubjectStatus) {
  const event = (e: PurposeStatus['history'][number]) => ({
    subject: e.subject,
    action: e.action,
    at: e.at,
    channel: e.channel,
    ...(e.reference === undefined ? {} : { reference: e.reference }),
    log_index: e.logIndex ?? null,
  });
  return {
    at,
    subject: status.subject,
    identities: status.identities,
    purposes: status.purposes.map((p) => ({
      purpose: p.purpose,
      state: p.state,
      deciding_event: p.decidingEvent ? event(p.decidingEvent) : null,
      history: p.history.map(event),
    })),
  };
}

/** Imports a consent file with a progress display; shared with `obhut demo`. */
export async function importConsent(
  file: string,
  quiet?: boolean,
  config?: Config,
): Promise<ImportResult> {
  const size = fileSize(file);
  const [{ importConsentFile }, { loadSettings }, { createProgress }] = await Promise.all([
    import('../../consent/import-events.js'),
    import('../../runtime/config.js'),
    import('../progress.js'),
  ]);
  const progress = createProgress('import', process.stderr, quiet);
  try {
    return await withSession(
      (s) =>
        importConsentFile(file, s.log, s.secret, (read) => progress.update(read, size), {
          clockSkewS: loadSettings().OBHUT_CONSENT_CLOCK_SKEW_SECONDS,
        }),
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
