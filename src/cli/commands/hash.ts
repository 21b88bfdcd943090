import type { Command } from 'commander';
import { type DigestAlgorithm, digestFile } from '../../safety/file-digest.js';
import { hashPolicyOf } from '../../safety/image-input.js';
import { DIHEDRAL_VARIANTS, hash256ToHex } from '../../safety/pdq/index.js';
import { PdqPool } from '../../safety/pdq-pool.js';
import { commander } from '../commander.js';
import { forEachInOrder } from '../in-order.js';
import { jsonText } from '../output.js';
import { type FileFailure, perFile } from '../per-file.js';

type HashKind = 'pdq' | DigestAlgorithm;

interface HashOptions {
  json?: boolean;
  fullResolution?: boolean;
  dihedral?: boolean;
}

type HashRow =
  | { path: string; hash: string; quality?: number; [key: string]: unknown }
  | FileFailure;

export function registerHash(program: Command): void {
  const { Argument } = commander();
  program
    .command('hash')
    .description(
      'print PDQ hashes and quality (HASH,QUALITY,PATH) or sha256/md5 digests (HASH,PATH) of files',
    )
    .addArgument(new Argument('<kind>', 'the hash to compute').choices(['pdq', 'sha256', 'md5']))
    .argument('<files...>', 'the files to hash')
    .option(
      '--full-resolution',
      'pdq: hash the whole image instead of the reference 512×512 resize',
    )
    .option('--dihedral', 'pdq: also compute the 8 rotation/flip hashes (with --json)')
    .option('--json', 'print one JSON object per file, with the policy and image size')
    .action(async (kind: HashKind, files: string[], opts: HashOptions) => {
      const rows: HashRow[] = [];
      const pool = new PdqPool();
      await forEachInOrder(
        files,
        pool.capacity,
        (path) => (kind === 'pdq' ? pdqRow(pool, path, opts) : digestRow(kind, path)),
        async (result, path) => {
          const row: HashRow = await perFile(path, () => result);
          rows.push(row);
          if (!opts.json && 'hash' in row) {
            const quality = row.quality === undefined ? '' : `${row.quality},`;
            process.stdout.write(`${row.hash},${quality}${path}\n`);
          }
        },
      );
      if (opts.json) process.stdout.write(jsonText(rows));
    });
}

async function digestRow(kind: DigestAlgorithm, path: string): Promise<HashRow> {
  return { path, hash: await digestFile(path, kind), algorithm: kind };
}

async function pdqRow(pool: PdqPool, path: string, opts: HashOptions): Promise<HashRow> {
  const result = await pool.hashFile(path, {
    policy: hashPolicyOf(opts.fullResolution),
    dihedral: opts.dihedral,
  });
  const dihedral = result.dihedral;
  return {
    path,
    hash: hash256ToHex(result.hash),
    quality: result.quality,
    policy: result.policy,
    width: result.width,
    height: result.height,
    ...(dihedral && {
      dihedral: Object.fromEntries(DIHEDRAL_VARIANTS.map((v) => [v, hash256ToHex(dihedral[v])])),
    }),
  };
}
