import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { ObhutError } from '../../errors/index.js';
import {
  fromNoteError,
  type LaterCheckpoint,
  type NoteVerifier,
  parseVerifierKey,
  readProofInput,
  type VerificationStep,
  verifyReceipt,
} from '../../log/index.js';
import { print } from '../io.js';

// Receipts and proofs are small; a cap keeps a wrong file from being read whole.
const MAX_FILE_BYTES = 4 << 20;

/** A verification outcome that every kind of proof file produces. */
export interface Verification {
  readonly ok: boolean;
  readonly steps: readonly VerificationStep[];
  readonly statement: string | undefined;
}

/** Other proof kinds (e.g. a build's subjects proof) register here: JSON in, verification out. */
export type ProofKind = {
  readonly matches: (json: unknown) => boolean;
  readonly verify: (json: unknown, verifier: NoteVerifier) => Verification;
};

export function registerVerify(program: Command, kinds: readonly ProofKind[] = []): void {
  program
    .command('verify')
    .description(
      'check a receipt (JSON or tlog-proof) or a build proof offline, against a verifier key you trust',
    )
    .argument('<file>', 'the receipt or proof file')
    .requiredOption('--key <vkey>', 'the log verifier key (from `obhut log key` or the portal)')
    .option(
      '--checkpoint <file>',
      'a later signed checkpoint, to check the entry is still in the log',
    )
    .option(
      '--consistency <file>',
      'the consistency proof to that checkpoint (`obhut log consistency --json`)',
    )
    .option('--json', 'print the result as JSON')
    .action(
      async (
        file: string,
        opts: { key: string; checkpoint?: string; consistency?: string; json?: boolean },
      ) => {
        let verifier: NoteVerifier;
        try {
          verifier = parseVerifierKey(opts.key.trim());
        } catch (err) {
          throw fromNoteError(err, '--key');
        }
        const text = await readSmall(file);
        const result = verifyFile(text, verifier, kinds, await later(opts));
        print(opts.json, result, () =>
          [
            ...result.steps.map((s) => `${s.ok ? 'ok  ' : 'FAIL'} ${s.check}: ${s.detail}`),
            '',
            result.ok ? `Proven: ${result.statement}` : 'NOT proven: see the failed step above.',
          ].join('\n'),
        );
        if (!result.ok) throw new ObhutError('VERIFY_FAILED', `${file} did not verify`);
      },
    );
}

function verifyFile(
  text: string,
  verifier: NoteVerifier,
  kinds: readonly ProofKind[],
  laterCheckpoint: LaterCheckpoint | undefined,
): Verification {
  if (!text.startsWith('c2sp.org/')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ObhutError('RECEIPT_INVALID', 'the file is neither JSON nor a tlog-proof');
    }
    const kind = kinds.find((k) => k.matches(json));
    if (kind) return kind.verify(json, verifier);
  }
  try {
    return verifyReceipt(readProofInput(text), verifier, laterCheckpoint);
  } catch (err) {
    throw fromNoteError(err, 'the receipt');
  }
}

async function later(opts: {
  checkpoint?: string;
  consistency?: string;
}): Promise<LaterCheckpoint | undefined> {
  if (!opts.checkpoint && !opts.consistency) return undefined;
  if (!opts.checkpoint || !opts.consistency) {
    throw new ObhutError('USAGE', '--checkpoint and --consistency go together');
  }
  const checkpoint = await readSmall(opts.checkpoint);
  let proof: Buffer[];
  let sizes: { oldSize?: number; size?: number };
  try {
    const json = JSON.parse(await readSmall(opts.consistency)) as {
      proof?: unknown;
      old_size?: unknown;
      size?: unknown;
    };
    if (!Array.isArray(json.proof) || !json.proof.every((h) => typeof h === 'string'))
      throw new Error();
    proof = json.proof.map((h: string) => Buffer.from(h, 'base64'));
    sizes = {
      ...(Number.isSafeInteger(json.old_size) ? { oldSize: json.old_size as number } : {}),
      ...(Number.isSafeInteger(json.size) ? { size: json.size as number } : {}),
    };
  } catch {
    throw new ObhutError(
      'RECEIPT_INVALID',
      `${opts.consistency} is not a consistency proof ({ "old_size", "size", "proof": [base64] }); make one with \`obhut log consistency --receipt RECEIPT --json\``,
    );
  }
  return { checkpoint, proof, ...sizes };
}

async function readSmall(file: string): Promise<string> {
  try {
    if ((await stat(file)).size > MAX_FILE_BYTES)
      throw new Error(`larger than ${MAX_FILE_BYTES} bytes`);
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new ObhutError('INPUT_UNREADABLE', `cannot read ${file}: ${(err as Error).message}`);
  }
}
