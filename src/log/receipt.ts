import * as z from 'zod';
import { leafHash, verifyConsistency, verifyInclusion } from '../merkle/index.js';
import { openCheckpoint, parseCheckpoint } from './checkpoint.js';
import { decodeEntry, describeEntry } from './entry.js';
import { decodeBase64Strict, NoteError, type NoteVerifier } from './note.js';
import { formatTlogProof, parseTlogProof } from './tlog-proof.js';

/**
 * What a person keeps: the entry bytes, where they sit, the path to a signed tree head, and the
 * head itself. Everything needed to check it offline is inside; the readable fields are
 * conveniences that `verifyReceipt` re-derives from the entry rather than trusts.
 */
export interface Receipt {
  readonly version: 1;
  readonly entry: string;
  readonly index: number;
  readonly proof: readonly string[];
  readonly checkpoint: string;
  readonly log_origin: string;
  readonly verifier_key: string;
  readonly type: string;
  readonly purpose?: string;
  readonly action?: string;
  readonly at?: string;
  readonly subject?: string;
  readonly event_id?: string;
  readonly meaning: string;
}

const HASH_B64 = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);

const receiptSchema = z.object({
  version: z.literal(1),
  entry: z.string().min(1).max(200_000),
  index: z.number().int().nonnegative(),
  proof: z.array(HASH_B64).max(64),
  checkpoint: z.string().min(1).max(100_000),
  log_origin: z.string().optional(),
  verifier_key: z.string().optional(),
});

export function makeReceipt(input: {
  entry: Uint8Array;
  index: number;
  proof: readonly Uint8Array[];
  checkpoint: string;
  origin: string;
  verifierKey: string;
}): Receipt {
  const decoded = decodeEntry(input.entry);
  const readable = decoded.ok
    ? decoded.entry.type === 'consent_event'
      ? {
          type: decoded.entry.type,
          purpose: decoded.entry.purpose,
          action: decoded.entry.action,
          at: decoded.entry.at,
          subject: decoded.entry.subject,
          event_id: decoded.entry.event_id,
        }
      : decoded.entry.type === 'finding'
        ? { type: decoded.entry.type, build_id: decoded.entry.build_id }
        : decoded.entry.type === 'access'
          ? { type: decoded.entry.type, action: decoded.entry.action, at: decoded.entry.at }
          : decoded.entry.type === 'deletion' ||
              decoded.entry.type === 'identity_link' ||
              decoded.entry.type === 'model'
            ? { type: decoded.entry.type, at: decoded.entry.at }
            : { type: decoded.entry.type, purpose: decoded.entry.purpose }
    : { type: decoded.type ?? 'unknown' };
  return {
    version: 1,
    entry: Buffer.from(input.entry).toString('base64'),
    index: input.index,
    proof: input.proof.map((h) => Buffer.from(h).toString('base64')),
    checkpoint: input.checkpoint,
    log_origin: input.origin,
    verifier_key: input.verifierKey,
    ...readable,
    meaning: decoded.ok ? describeEntry(decoded.entry) : `A log entry of type ${readable.type}.`,
  };
}

/** The same receipt as a C2SP tlog-proof; the entry bytes travel in its `extra` line. */
export function receiptAsTlogProof(receipt: Receipt): string {
  return formatTlogProof({
    index: receipt.index,
    proof: receipt.proof.map((h) => Buffer.from(h, 'base64')),
    checkpoint: receipt.checkpoint,
    extra: Buffer.from(receipt.entry, 'base64'),
  });
}

export interface ProofInput {
  readonly entry: Buffer;
  readonly index: number;
  readonly proof: readonly Buffer[];
  readonly checkpoint: string;
}

/** Reads a receipt in either form (JSON or tlog-proof text); throws NoteError('malformed'). */
export function readProofInput(text: string): ProofInput {
  if (text.startsWith('c2sp.org/tlog-proof@v1')) {
    const parsed = parseTlogProof(text);
    if (!parsed.extra) {
      throw new NoteError('malformed', 'this tlog-proof carries no entry (no extra line)');
    }
    return {
      entry: parsed.extra,
      index: parsed.index,
      proof: [...parsed.proof],
      checkpoint: parsed.checkpoint,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new NoteError('malformed', 'the receipt is neither JSON nor a tlog-proof');
  }
  const parsed = receiptSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new NoteError(
      'malformed',
      `the receipt's ${issue?.path.join('.') || 'content'} is invalid: ${issue?.message}`,
    );
  }
  const entry = decodeBase64Strict(parsed.data.entry);
  if (!entry) throw new NoteError('malformed', "the receipt's entry is not base64");
  return {
    entry,
    index: parsed.data.index,
    proof: parsed.data.proof.map((h) => Buffer.from(h, 'base64')),
    checkpoint: parsed.data.checkpoint,
  };
}

export interface VerificationStep {
  readonly check: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface ReceiptVerification {
  readonly ok: boolean;
  readonly steps: readonly VerificationStep[];
  /** What was proven, in words, when every step passed. */
  readonly statement: string | undefined;
  readonly index: number;
  readonly size: number | undefined;
}

/**
 * Checks a receipt offline against a verifier key the person trusts (not the one the receipt
 * names): the checkpoint's signature, the entry's inclusion under it, and, given a later
 * checkpoint and a consistency proof, that the log still contains that tree.
 */
export function verifyReceipt(
  input: ProofInput,
  verifier: NoteVerifier,
  later?: LaterCheckpoint,
): ReceiptVerification {
  const steps: VerificationStep[] = [];
  const done = (statement?: string, size?: number): ReceiptVerification => ({
    ok: steps.every((s) => s.ok),
    steps,
    statement: steps.every((s) => s.ok) ? statement : undefined,
    index: input.index,
    size,
  });

  let checkpoint: ReturnType<typeof openCheckpoint>['checkpoint'];
  try {
    checkpoint = openCheckpoint(input.checkpoint, verifier).checkpoint;
    steps.push({
      check: 'signature',
      ok: true,
      detail: `the checkpoint (size ${checkpoint.size}) is signed by ${verifier.name} (key ${verifier.keyId})`,
    });
  } catch (err) {
    steps.push({
      check: 'signature',
      ok: false,
      detail: `${(err as Error).message}. Expected: a signature by ${verifier.name}+${verifier.keyId} (the key you gave). Found: ${signersOf(input.checkpoint)}. Run: get the key the operator publishes apart from this server (not the one inside the receipt) and pass it to --key; \`obhut log key\` prints it on the log's own machine.`,
    });
    return done();
  }

  const inclusion = verifyInclusion(
    leafHash(input.entry),
    input.index,
    checkpoint.size,
    input.proof,
    checkpoint.root,
  );
  steps.push({
    check: 'inclusion',
    ok: inclusion.ok,
    detail: inclusion.ok
      ? `entry ${input.index} is in the log's tree of size ${checkpoint.size}`
      : `the inclusion proof fails: ${inclusion.error}. Expected: the entry's hash and ${input.proof.length} proof hashes lead to the root ${checkpoint.root.toString('base64')} signed for tree size ${checkpoint.size}. Found: they do not, so the entry, its index (${input.index}) or the proof was changed after the log issued them. Run: ask the log for a fresh proof of that entry (\`obhut log prove ${input.index} --size ${checkpoint.size} --json\`, or the portal's receipt download) and compare its entry bytes with yours.`,
  });

  const decoded = decodeEntry(input.entry);
  const what = decoded.ok
    ? describeEntry(decoded.entry)
    : `an entry of type ${decoded.type ?? 'unknown'}`;
  let statement = `The log ${checkpoint.origin} committed, in its signed tree of ${checkpoint.size} entries, to entry ${input.index}: ${what}`;

  if (later) {
    try {
      const newer = openCheckpoint(later.checkpoint, verifier).checkpoint;
      const mismatch = proofSizeMismatch(later, checkpoint.size, newer.size);
      const consistent = mismatch
        ? { ok: false as const, error: mismatch }
        : verifyConsistency(checkpoint.size, newer.size, later.proof, checkpoint.root, newer.root);
      steps.push({
        check: 'consistency',
        ok: consistent.ok,
        detail: consistent.ok
          ? `the later tree of size ${newer.size} extends the receipt's tree, so entry ${input.index} is still in the log`
          : mismatch
            ? mismatch
            : `the consistency proof fails: ${consistent.error}. Expected: a proof from the receipt's tree of size ${checkpoint.size} to the later tree of size ${newer.size}. Found: a proof of ${later.proof.length} hashes that does not connect their roots. Run: \`${CONSISTENCY_COMMAND}\` at the time you fetch the later checkpoint, and check again.`,
      });
      statement += ` The later signed tree of ${newer.size} entries still contains it; nothing was removed or rewritten in between.`;
      return done(statement, newer.size);
    } catch (err) {
      steps.push({
        check: 'consistency',
        ok: false,
        detail: `the later checkpoint: ${(err as Error).message}`,
      });
    }
  }
  return done(statement, checkpoint.size);
}

/** A later signed checkpoint and the consistency proof to it, with the sizes the proof names. */
export interface LaterCheckpoint {
  readonly checkpoint: string;
  readonly proof: readonly Buffer[];
  /** `old_size` and `size` from `obhut log consistency --json`, when the file carries them. */
  readonly oldSize?: number;
  readonly size?: number;
}

const CONSISTENCY_COMMAND =
  'obhut log checkpoint > later.txt && obhut log consistency --receipt RECEIPT --json > c.json';

/**
 * A consistency proof made for other sizes cannot verify, and the math's own message ("equal
 * sizes need an empty proof") does not say why; the sizes the proof file names say it plainly.
 */
function proofSizeMismatch(
  later: LaterCheckpoint,
  receiptSize: number,
  laterSize: number,
): string | undefined {
  if (later.oldSize !== undefined && later.oldSize !== receiptSize) {
    return `the consistency proof starts at the wrong tree. Expected: a proof from tree size ${receiptSize} (the receipt's checkpoint). Found: a proof from tree size ${later.oldSize}. Run: \`${CONSISTENCY_COMMAND}\` (it takes the size from the receipt).`;
  }
  if (later.size !== undefined && later.size !== laterSize) {
    return `the consistency proof ends at another tree than the later checkpoint. Expected: a proof to tree size ${laterSize} (the later checkpoint). Found: a proof to tree size ${later.size}. Run: \`${CONSISTENCY_COMMAND}\`, both at the same moment, so the two name the same tree.`;
  }
  return undefined;
}

/** The tree size a receipt's checkpoint names, read without checking its signature. */
export function receiptTreeSize(input: ProofInput): number {
  const split = input.checkpoint.indexOf('\n\n');
  if (split < 0) throw new NoteError('malformed', "the receipt's checkpoint has no signature");
  return parseCheckpoint(input.checkpoint.slice(0, split + 1)).size;
}

/** Who signed a note, by name and key ID, for a message when none of them is the expected key. */
function signersOf(note: string): string {
  const split = note.lastIndexOf('\n\n');
  const lines = split < 0 ? [] : note.slice(split + 2).split('\n');
  const signers = lines.flatMap((line) => {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    const bytes = match ? Buffer.from(match[2]!, 'base64') : undefined;
    return match && bytes && bytes.length >= 4
      ? [`${match[1]}+${bytes.subarray(0, 4).toString('hex')}`]
      : [];
  });
  return signers.length === 0 ? 'no signature lines' : `signatures by ${signers.join(', ')}`;
}
