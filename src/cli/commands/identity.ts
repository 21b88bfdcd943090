import { readFile, stat, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  groupOf,
  identityGroups,
  importIdentityLinks,
  linksAround,
  pseudonymOf,
  recordIdentityLink,
} from '../../consent/index.js';
import { ObhutError } from '../../errors/index.js';
import { receiptAsTlogProof } from '../../log/index.js';
import { parseRfc3339 } from '../../records/index.js';
import { type IdentityOptions, identityFrom, identityOptions } from '../identity-options.js';
import { print, withSession } from '../io.js';
import { table } from '../output.js';
import { terminalText } from '../terminal-text.js';

interface LinkOptions {
  email: string;
  platform: string;
  account: string;
  receipt?: string;
  tlogProof?: string;
  json?: boolean;
}

export function registerIdentity(program: Command): void {
  const identity = program
    .command('identity')
    .description("a person's identities: links between e-mail addresses and platform accounts");

  for (const action of ['link', 'unlink'] as const) {
    identity
      .command(action)
      .description(
        action === 'link'
          ? 'link a verified e-mail address to a platform account: a decision of either covers both from now on'
          : 'unlink them again: from now on each decides for itself',
      )
      .requiredOption('--email <address>', 'the verified e-mail address')
      .requiredOption('--platform <platform>', 'platform of the account, e.g. instagram')
      .requiredOption('--account <account>', 'account id on that platform')
      .option('--receipt <file>', 'write the receipt (JSON) to this file')
      .option('--tlog-proof <file>', 'write the receipt in C2SP tlog-proof form to this file')
      .option('--json', 'print the receipt as JSON')
      .action(async (opts: LinkOptions) => {
        const { receipt, ack } = await withSession((s) =>
          recordIdentityLink(s.log, s.secret, {
            identities: [
              identityFrom({ email: opts.email }),
              identityFrom({ platform: opts.platform, account: opts.account }),
            ],
            action,
            via: 'operator',
          }),
        );
        if (opts.receipt) await writeFile(opts.receipt, `${JSON.stringify(receipt, null, 2)}\n`);
        if (opts.tlogProof) await writeFile(opts.tlogProof, receiptAsTlogProof(receipt));
        print(opts.json, receipt, () =>
          [
            `${action === 'link' ? 'Linked' : 'Unlinked'}: log entry ${ack.index}, under the signed checkpoint of size ${ack.checkpoint.size}.`,
            receipt.meaning,
            ...(opts.receipt ? [`Receipt written to ${opts.receipt}.`] : []),
          ].join('\n'),
        );
      });
  }

  identity
    .command('import')
    .description(
      'link (or unlink) many addresses and accounts from a CSV (email,platform,account[,action]) or JSONL file',
    )
    .argument('<file>', 'one link a line')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const text = await readLinksFile(file);
      const result = await withSession((s) => importIdentityLinks(text, s.log, s.secret));
      print(opts.json, { file, ...result }, () =>
        [
          `Imported ${file}: ${result.lines} lines, ${result.linked} linked, ${result.unlinked} unlinked, ${result.rejected.length} rejected.`,
          ...result.rejected.slice(0, 20).map((r) => `${file}:${r.line}: ${terminalText(r.error)}`),
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
    identity
      .command('list')
      .description('the identities linked to one, and every link or unlink among them'),
  )
    .option('--at <time>', 'as of this RFC 3339 time (default: now)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: IdentityOptions & { at?: string; json?: boolean }) => {
      const at = opts.at ?? new Date().toISOString();
      const atMs = parseRfc3339(at);
      if (atMs === undefined)
        throw new ObhutError('USAGE', `--at "${opts.at}" is not an RFC 3339 date-time`);
      const who = identityFrom(opts);
      const { subject, identities, links } = await withSession(async (s) => {
        const subject = pseudonymOf(s.secret, who);
        const links = await linksAround(s.store.identityLinksOf, subject);
        return { subject, identities: groupOf(identityGroups(links, atMs), subject), links };
      });
      const shown = links.filter(
        (l) => l.atMs <= atMs && l.subjects.some((x) => identities.includes(x)),
      );
      const json = {
        at,
        subject,
        identities,
        links: shown.map((l) => ({
          subjects: l.subjects,
          action: l.action,
          at: l.at,
          via: l.via,
          log_index: l.logIndex,
        })),
      };
      print(opts.json, json, () => {
        const short = (x: string) => `${x.slice(0, 12)}…${x === subject ? ' (this one)' : ''}`;
        const rows: string[][] = [['action', 'at', 'via', 'identities', 'log entry']];
        for (const l of shown) {
          rows.push([l.action, l.at, l.via, l.subjects.map(short).join(' + '), String(l.logIndex)]);
        }
        return [
          `As of ${at}, ${short(subject)} is one person with: ${
            identities
              .filter((x) => x !== subject)
              .map(short)
              .join(', ') || 'no other identity'
          }.`,
          ...(shown.length > 0 ? [table(rows)] : []),
        ].join('\n');
      });
    });
}

// Link files are lists an operator keeps, not corpora: read whole, but refuse a mistaken giant.
const MAX_LINKS_FILE_BYTES = 256 * 1024 * 1024;

async function readLinksFile(file: string): Promise<string> {
  try {
    if ((await stat(file)).size > MAX_LINKS_FILE_BYTES) {
      throw new ObhutError('USAGE', `${file} is larger than 256 MiB; split it`);
    }
    return await readFile(file, 'utf8');
  } catch (err) {
    if (err instanceof ObhutError) throw err;
    throw new ObhutError('INPUT_UNREADABLE', `cannot read ${file}: ${(err as Error).message}`);
  }
}
