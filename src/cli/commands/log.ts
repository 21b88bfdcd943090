import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ObhutError } from '../../errors/index.js';
import {
  auditLog,
  decodeEntry,
  fromNoteError,
  openCheckpoint,
  parseDecimal,
  readProofInput,
  receiptTreeSize,
} from '../../log/index.js';
import { leafHash } from '../../merkle/index.js';
import { print, withSession } from '../io.js';

export function registerLog(program: Command): void {
  const log = program
    .command('log')
    .description('the transparency log: every consent event and build, under signed checkpoints');

  log
    .command('key')
    .description(
      'print the verifier key (signed-note form name+keyid+base64) to check checkpoints with',
    )
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const key = await withSession(async (s) => s.log.verifierKey);
      print(opts.json, { verifier_key: key }, () => key);
    });

  log
    .command('checkpoint')
    .description('print the latest signed checkpoint exactly as signed (or the one at --size)')
    .option('--size <n>', 'an earlier checkpoint, by tree size')
    .option('--json', 'print as JSON')
    .action(async (opts: { size?: string; json?: boolean }) => {
      const size = opts.size === undefined ? undefined : number(opts.size, '--size');
      const cp = await withSession((s) => s.log.reader.checkpoint(size));
      if (opts.json) {
        print(true, { size: cp.size, root: cp.root.toString('base64'), note: cp.note }, () => '');
      } else {
        // Byte for byte as signed, so it can be piped straight into a verifier.
        process.stdout.write(cp.note);
      }
    });

  log
    .command('entry')
    .description('print entry N (its canonical JSON bytes)')
    .argument('<index>', 'entry index, from 0')
    .option('--json', 'print with its leaf hash and decoded fields')
    .action(async (index: string, opts: { json?: boolean }) => {
      const n = number(index, 'index');
      const entry = await withSession((s) => s.log.reader.entry(n));
      const decoded = decodeEntry(entry);
      print(
        opts.json,
        {
          index: n,
          entry: entry.toString('base64'),
          leaf_hash: leafHash(entry).toString('base64'),
          decoded: decoded.ok ? decoded.entry : null,
        },
        () => entry.toString('utf8'),
      );
    });

  log
    .command('prove')
    .description('inclusion proof of entry N in the tree of the latest (or --size) checkpoint')
    .argument('<index>', 'entry index')
    .option('--size <n>', 'tree size (default: the latest checkpoint)')
    .option('--json', 'print as JSON { index, size, proof }')
    .action(async (index: string, opts: { size?: string; json?: boolean }) => {
      const n = number(index, 'index');
      const result = await withSession(async (s) => {
        const size =
          opts.size === undefined
            ? (await s.log.reader.checkpoint()).size
            : number(opts.size, '--size');
        if (n >= size)
          throw new ObhutError('NOT_FOUND', `entry ${n} is not in the tree of size ${size}`);
        return { index: n, size, proof: await s.log.reader.inclusionProof(n, size) };
      });
      printProof(opts.json, result);
    });

  log
    .command('consistency')
    .description(
      "consistency proof from the tree of size M (or a receipt's tree) to size N (default: latest)",
    )
    .argument('[old]', 'the older tree size M (leave out with --receipt)')
    .argument('[new]', 'the newer tree size N')
    .option('--receipt <file>', "take M from this receipt's checkpoint (JSON or tlog-proof)")
    .option('--json', 'print as JSON { old_size, size, proof }')
    .action(
      async (
        oldSize: string | undefined,
        newSize: string | undefined,
        opts: { receipt?: string; json?: boolean },
      ) => {
        const m = await oldTreeSize(oldSize, opts.receipt);
        const result = await withSession(async (s) => {
          const size =
            newSize === undefined
              ? (await s.log.reader.checkpoint()).size
              : number(newSize, 'new size');
          if (m > size)
            throw new ObhutError(
              'NOT_FOUND',
              `the log's tree of size ${size} is older than the tree of size ${m}; this log has not reached it (is it the log that issued the receipt?)`,
            );
          return { old_size: m, size, proof: await s.log.reader.consistencyProof(m, size) };
        });
        printProof(opts.json, result);
      },
    );

  log
    .command('verify')
    .description('recompute the whole tree from storage and check every node and signed checkpoint')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const audit = await withSession((s) =>
        auditLog(s.store, (cp) => {
          try {
            const { checkpoint } = openCheckpoint(cp.note, s.log.verifier);
            return checkpoint.size === cp.size && checkpoint.root.equals(cp.root)
              ? undefined
              : 'the signed note names another tree than the one stored with it';
          } catch (err) {
            return (err as Error).message;
          }
        }),
      );
      print(opts.json, audit, () =>
        audit.problems.length === 0
          ? `The log is intact: ${audit.size} entries recomputed, every stored node and all ${audit.checkpoints} checkpoints match and are validly signed.`
          : audit.problems.join('\n'),
      );
      if (audit.problems.length > 0) {
        throw new ObhutError('VERIFY_FAILED', `the log failed ${audit.problems.length} checks`);
      }
    });
}

function printProof(
  json: boolean | undefined,
  result: { index?: number; old_size?: number; size: number; proof: Buffer[] },
): void {
  const out = { ...result, proof: result.proof.map((h) => h.toString('base64')) };
  print(json, out, () =>
    [
      result.index === undefined ? `old size ${result.old_size}` : `index ${result.index}`,
      `size ${result.size}`,
      ...out.proof,
    ].join('\n'),
  );
}

async function oldTreeSize(oldSize: string | undefined, receipt: string | undefined) {
  if (receipt === undefined) {
    if (oldSize === undefined)
      throw new ObhutError(
        'USAGE',
        'give the older tree size M, or --receipt FILE to take it from',
      );
    return number(oldSize, 'old size');
  }
  if (oldSize !== undefined)
    throw new ObhutError('USAGE', 'give either the older tree size or --receipt, not both');
  let text: string;
  try {
    text = await readFile(receipt, 'utf8');
  } catch (err) {
    throw new ObhutError('INPUT_UNREADABLE', `cannot read ${receipt}: ${(err as Error).message}`);
  }
  try {
    return receiptTreeSize(readProofInput(text));
  } catch (err) {
    throw fromNoteError(err, receipt);
  }
}

function number(text: string, what: string): number {
  const n = parseDecimal(text);
  if (n === undefined)
    throw new ObhutError(
      'USAGE',
      `${what} must be a non-negative integer, got ${JSON.stringify(text)}`,
    );
  return n;
}
