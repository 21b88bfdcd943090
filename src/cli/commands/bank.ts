import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { EXIT, ObhutError } from '../../errors/index.js';
import {
  DEFAULT_MIN_PDQ_QUALITY,
  DEFAULT_PDQ_THRESHOLD,
  formatBankList,
  parseBankList,
  SIGNAL_TYPES,
  type SignalType,
} from '../../safety/bank.js';
import { commander } from '../commander.js';
import { print, withSession } from '../io.js';
import { table } from '../output.js';

interface ImportOptions {
  type: SignalType;
  source?: string;
  listVersion?: string;
  threshold: string;
  minQuality: string;
  json?: boolean;
}

export function registerBank(program: Command): void {
  const { Option } = commander();
  const bank = program
    .command('bank')
    .description('hash banks: named lists of pdq, sha256 or md5 hashes');
  bank
    .command('import')
    .description('add hashes from a plain list (one hex hash per line) or CSV hash,labels')
    .argument('<name>', 'the bank')
    .argument('<file>', 'the list')
    .addOption(
      new Option('--type <type>', 'signal type').choices(SIGNAL_TYPES).makeOptionMandatory(),
    )
    .option('--source <source>', 'where the list comes from')
    .option('--list-version <version>', "the list's version")
    .option(
      '--threshold <bits>',
      'PDQ match threshold (Hamming distance)',
      String(DEFAULT_PDQ_THRESHOLD),
    )
    .option(
      '--min-quality <n>',
      'PDQ lists with a quality column: refuse entries below this quality (0..100)',
      String(DEFAULT_MIN_PDQ_QUALITY),
    )
    .option('--json', 'print the result as JSON')
    .action(async (name: string, file: string, opts: ImportOptions) => {
      const minQuality = Number(opts.minQuality);
      if (!Number.isInteger(minQuality) || minQuality < 0 || minQuality > 100) {
        throw new ObhutError(
          'USAGE',
          `--min-quality must be an integer 0..100, not ${opts.minQuality}`,
        );
      }
      const threshold = Number(opts.threshold);
      if (!Number.isInteger(threshold) || threshold < 0 || threshold > 255) {
        throw new ObhutError(
          'USAGE',
          `--threshold must be an integer 0..255, not ${opts.threshold}`,
        );
      }
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (err) {
        throw new ObhutError('INPUT_UNREADABLE', `${file}: ${(err as Error).message}`, {
          cause: err,
        });
      }
      const { entries, errors } = parseBankList(opts.type, text, minQuality);
      for (const e of errors) process.stderr.write(`rejected ${file}:${e.line}: ${e.error}\n`);
      const result = await withSession(({ store }) =>
        store.importBank(
          {
            name,
            signalType: opts.type,
            source: opts.source ?? null,
            listVersion: opts.listVersion ?? null,
            threshold,
          },
          entries,
        ),
      );
      print(
        opts.json,
        { ...result, rejected: errors.length },
        () =>
          `Imported into bank ${name}: ${result.inserted} new, ${result.alreadyPresent} already present, ${errors.length} rejected`,
      );
      if (errors.length > 0) process.exitCode = EXIT.data;
    });
  bank
    .command('list')
    .description('list the banks')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const banks = await withSession(({ store }) => store.listBanks());
      print(opts.json, banks, () =>
        table([
          ['name', 'type', 'entries', 'threshold', 'version', 'source'],
          ...banks.map((b) => [
            b.name,
            b.signalType,
            b.entries,
            b.threshold,
            b.listVersion ?? '',
            b.source ?? '',
          ]),
        ]),
      );
    });
  bank
    .command('export')
    .description('print a bank as CSV (hash,labels)')
    .argument('<name>', 'the bank')
    .action(async (name: string) => {
      const entries = await withSession(({ store }) => store.bankEntries(name));
      if (!entries) throw new ObhutError('NOT_FOUND', `no bank named ${name}`);
      process.stdout.write(`${formatBankList(entries)}\n`);
    });
}
