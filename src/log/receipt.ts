import { z } from 'zod';
import { leafHash, verifyConsistency, verifyInclusion } from '../merkle/index.js';
import { openCheckpoint } from './checkpoint.js';
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
  later?: { checkpoint: string; proof: readonly Buffer[] },
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
    steps.push({ check: 'signature', ok: false, detail: (err as Error).message });
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
      : `the inclusion proof fails: ${inclusion.error}`,
  });

  const decoded = decodeEntry(input.entry);
  const what = decoded.ok
    ? describeEntry(decoded.entry)
    : `an entry of type ${decoded.type ?? 'unknown'}`;
  let statement = `The log ${checkpoint.origin} committed, in its signed tree of ${checkpoint.size} entries, to entry ${input.index}: ${what}`;

  if (later) {
    try {
      const newer = openCheckpoint(later.checkpoint, verifier).checkpoint;
      const consistent = verifyConsistency(
        checkpoint.size,
        newer.size,
        later.proof,
        checkpoint.root,
        newer.root,
      );
      steps.push({
        check: 'consistency',
        ok: consistent.ok,
        detail: consistent.ok
          ? `the later tree of size ${newer.size} extends the receipt's tree, so entry ${input.index} is still in the log`
          : `the consistency proof fails: ${consistent.error}`,
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
