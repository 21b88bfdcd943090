import type { Command } from 'commander';
import { DEFAULT_MIN_PDQ_QUALITY } from '../../safety/bank.js';
import { bankIndexFiles } from '../../safety/bank-index-file.js';
import { digestFile } from '../../safety/file-digest.js';
import { hashPolicyOf } from '../../safety/image-input.js';
import { type BankMatch, Matcher } from '../../safety/matcher.js';
import { hash256ToHex } from '../../safety/pdq/index.js';
import { PdqPool } from '../../safety/pdq-pool.js';
import { forEachInOrder } from '../in-order.js';
import { withSession } from '../io.js';
import { jsonText, snakeCase } from '../output.js';
import { type FileFailure, perFile } from '../per-file.js';

interface MatchOptions {
  dihedral?: boolean;
  json?: boolean;
  fullResolution?: boolean;
}

type MatchRow =
  | { path: string; query: Record<string, unknown>; matches: BankMatch[] }
  | FileFailure;

export function registerMatch(program: Command): void {
  program
    .command('match')
    .description(
      'check files against a hash bank: PDQ within the bank threshold, sha256/md5 exactly (MATCHED_HASH,DISTANCE,LABELS,PATH per match)',
    )
    .argument('<bank>', 'the bank')
    .argument('<files...>', 'the files to check')
    .option('--dihedral', 'pdq: also match the 8 rotations and flips of each image')
    .option(
      '--full-resolution',
      'pdq: hash the whole image instead of the reference 512×512 resize',
    )
    .option('--json', 'print one JSON object per file, with the query hash and all matches')
    .action(async (bankName: string, files: string[], opts: MatchOptions) => {
      const matcher = await withSession(({ store, config, secret }) =>
        Matcher.load(store, bankName, bankIndexFiles(config.home, secret)),
      );
      const rows: MatchRow[] = [];
      let matched = 0;
      const pool = new PdqPool();
      await forEachInOrder(
        files,
        pool.capacity,
        (path) => matchOne(matcher, pool, path, opts),
        async (result, path) => {
          const row: MatchRow = await perFile(path, () => result);
          rows.push(row);
          if (!('matches' in row)) return;
          if (row.matches.length > 0) matched++;
          if (opts.json) return;
          for (const m of row.matches) {
            const variant = m.variant && m.variant !== 'original' ? ` (${m.variant})` : '';
            process.stdout.write(
              `${m.hash},${m.distance},${m.labels.join(';')},${path}${variant}\n`,
            );
          }
        },
      );
      if (opts.json) process.stdout.write(jsonText(rows.map(variantAsKey)));
      else {
        process.stderr.write(
          `${matched} of ${files.length} files matched bank ${bankName} (${matcher.bank.signalType}${matcher.bank.signalType === 'pdq' ? `, threshold ${matcher.bank.threshold}` : ''}, ${matcher.size} entries)\n`,
        );
      }
    });
}

async function matchOne(
  matcher: Matcher,
  pool: PdqPool,
  path: string,
  opts: MatchOptions,
): Promise<MatchRow> {
  const type = matcher.bank.signalType;
  if (type !== 'pdq') {
    const digest = await digestFile(path, type);
    return { path, query: { type, hash: digest }, matches: matcher.matchExact(digest) };
  }
  const result = await pool.hashFile(path, {
    policy: hashPolicyOf(opts.fullResolution),
    dihedral: opts.dihedral,
  });
  // A hash below the minimum quality is noise; it is reported, never matched.
  const hashable = result.quality >= DEFAULT_MIN_PDQ_QUALITY;
  const matches = hashable ? matcher.matchPdq(result.dihedral ?? result.hash) : [];
  return {
    path,
    query: {
      type,
      hash: hash256ToHex(result.hash),
      quality: result.quality,
      ...(hashable ? {} : { not_hashable: true }),
      policy: result.policy,
      ...(result.dihedral && { dihedral: true }),
    },
    matches,
  };
}

// `hash --dihedral --json` prints the variants as snake_case keys (`flip_x`); a match names its
// variant the same way.
function variantAsKey(row: MatchRow): unknown {
  if (!('matches' in row)) return row;
  return {
    ...row,
    matches: row.matches.map((m) => (m.variant ? { ...m, variant: snakeCase(m.variant) } : m)),
  };
}
