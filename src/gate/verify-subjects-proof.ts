import * as z from 'zod';
import {
  decodeEntry,
  type NoteVerifier,
  type ProofInput,
  readProofInput,
  type VerificationStep,
  verifyReceipt,
} from '../log/index.js';
import { emptyTreeHash, leafHash, verifyInclusion } from '../merkle/index.js';

/**
 * Checks a subjects proof (the document `proveSubject` makes) offline, with nothing but the
 * document and the log's verifier key. Pure: no I/O.
 */

const HEX64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits');
const HASH_B64 = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'must be a base64 SHA-256 hash');
const INDEX = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const PATH = z.array(HASH_B64).max(64);
const leafProof = z.strictObject({ index: INDEX, subject: HEX64, proof: PATH });
const proofSchema = z.strictObject({
  type: z.literal('subjects_proof'),
  version: z.literal(1),
  subject: HEX64,
  member: z.boolean(),
  build: z.strictObject({
    build_id: z.string().min(1).max(200),
    manifest_sha256: HEX64,
    subjects_root: HEX64,
    subjects_count: INDEX,
  }),
  membership: z.strictObject({ index: INDEX, proof: PATH }).optional(),
  neighbours: z
    .strictObject({ left: leafProof.optional(), right: leafProof.optional() })
    .optional(),
  build_receipt: z.unknown(),
});

/** Tells a subjects proof apart from other documents (a receipt, a checkpoint) by its type. */
export function isSubjectsProof(json: unknown): json is { readonly type: 'subjects_proof' } {
  return (
    typeof json === 'object' &&
    json !== null &&
    (json as { type?: unknown }).type === 'subjects_proof'
  );
}

export interface SubjectsProofVerification {
  readonly ok: boolean;
  readonly steps: readonly VerificationStep[];
  /** What was proven, in words, when every step passed. */
  readonly statement: string | undefined;
}

/**
 * Checks a subjects proof offline against the log's verifier key (one the person trusts, not
 * one the document names): the build receipt (checkpoint signature and the build entry's
 * inclusion in the log), that the logged build entry is the build the document names (id,
 * manifest digest, subjects_root), and then membership or non-membership in the subjects tree.
 *
 * The tree size (`subjects_count`) is in the log entry too and must match: inclusion proofs
 * alone do not bind it, so the document's size is taken only once the log vouches for it.
 */
export function verifySubjectsProof(
  doc: unknown,
  verifier: NoteVerifier,
): SubjectsProofVerification {
  const steps: VerificationStep[] = [];
  const result = (statement?: string): SubjectsProofVerification => {
    const ok = steps.length > 0 && steps.every((s) => s.ok);
    return { ok, steps, statement: ok ? statement : undefined };
  };

  const parsed = proofSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    steps.push({
      check: 'format',
      ok: false,
      detail: `not a subjects proof: ${issue?.path.join('.') || 'the document'} ${issue?.message}`,
    });
    return result();
  }
  const proof = parsed.data;
  const shapeError = proof.member
    ? proof.membership === undefined || proof.neighbours !== undefined
      ? 'a membership proof needs "membership" and no "neighbours"'
      : undefined
    : proof.neighbours === undefined || proof.membership !== undefined
      ? 'a non-membership proof needs "neighbours" and no "membership"'
      : undefined;
  steps.push({
    check: 'format',
    ok: shapeError === undefined,
    detail: shapeError ?? `a ${proof.member ? 'membership' : 'non-membership'} proof`,
  });
  if (shapeError) return result();

  // 1. The build receipt: signed checkpoint, and the build entry in the log under it.
  let input: ProofInput;
  try {
    input = readProofInput(JSON.stringify(proof.build_receipt));
  } catch (err) {
    steps.push({
      check: 'build_receipt',
      ok: false,
      detail: `the build receipt: ${(err as Error).message}`,
    });
    return result();
  }
  const receipt = verifyReceipt(input, verifier);
  steps.push(...receipt.steps);
  if (!receipt.ok) return result();

  // 2. The logged entry is the build this document is about.
  const decoded = decodeEntry(input.entry);
  const entry = decoded.ok && decoded.entry.type === 'build' ? decoded.entry : undefined;
  const mismatch = !entry
    ? 'the receipt is not for a build entry'
    : entry.build_id !== proof.build.build_id
      ? `the logged build id is ${entry.build_id}, not ${proof.build.build_id}`
      : entry.manifest_sha256 !== proof.build.manifest_sha256
        ? `the logged manifest SHA-256 is ${entry.manifest_sha256}, not ${proof.build.manifest_sha256}`
        : entry.subjects_root !== proof.build.subjects_root
          ? `the logged subjects_root is ${entry.subjects_root}, not ${proof.build.subjects_root}`
          : entry.subjects_count !== proof.build.subjects_count
            ? `the logged subjects_count is ${entry.subjects_count}, not ${proof.build.subjects_count}`
            : undefined;
  steps.push({
    check: 'build_entry',
    ok: mismatch === undefined,
    detail:
      mismatch ??
      `log entry ${input.index} is build ${entry!.build_id} with subjects_root ${entry!.subjects_root}`,
  });
  if (!entry || mismatch) return result();

  const root = Buffer.from(proof.build.subjects_root, 'hex');
  const size = proof.build.subjects_count;
  const subject = Buffer.from(proof.subject, 'hex');
  const origin = input.checkpoint.split('\n', 1)[0];
  const list = `(subjects_root ${proof.build.subjects_root}, in entry ${input.index} of the log ${origin}, signed tree of ${receipt.size} entries)`;
  const built = `build ${entry.build_id} (manifest SHA-256 ${entry.manifest_sha256}, for ${PURPOSE_WORDS[entry.purpose]}, honouring the consent log up to its checkpoint of size ${entry.consent_checkpoint.size})`;

  // 3a. Membership: the subject is a leaf.
  if (proof.member) {
    const { index, proof: path } = proof.membership!;
    const check = verifyInclusion(leafHash(subject), index, size, decodeHashes(path), root);
    steps.push({
      check: 'membership',
      ok: check.ok,
      detail: check.ok
        ? `subject ${index} of ${size} in the subjects tree is ${proof.subject}`
        : `the subject's inclusion proof fails: ${check.error}`,
    });
    return result(
      `At least one item in ${built} belongs to the person with pseudonym ${proof.subject}: the pseudonym is in the build's list of subjects ${list}.`,
    );
  }

  // 3b. Non-membership: the neighbours are in the tree, around the subject, and adjacent.
  const { left, right } = proof.neighbours!;
  const leftBytes = left && Buffer.from(left.subject, 'hex');
  const rightBytes = right && Buffer.from(right.subject, 'hex');
  const orderError =
    leftBytes && Buffer.compare(leftBytes, subject) >= 0
      ? 'the left neighbour is not below the subject'
      : rightBytes && Buffer.compare(subject, rightBytes) >= 0
        ? 'the right neighbour is not above the subject'
        : undefined;
  steps.push({
    check: 'order',
    ok: orderError === undefined,
    detail:
      orderError ??
      (left && right
        ? 'left neighbour < subject < right neighbour, bytewise'
        : left
          ? 'the left neighbour is below the subject, bytewise'
          : right
            ? 'the right neighbour is above the subject, bytewise'
            : 'no neighbours to compare'),
  });
  const adjacencyError =
    left && right
      ? right.index === left.index + 1
        ? undefined
        : `the neighbours are at ${left.index} and ${right.index}, not next to each other`
      : left
        ? left.index === size - 1
          ? undefined
          : `with no right neighbour the left one must be the last subject (${size - 1}), not ${left.index}`
        : right
          ? right.index === 0
            ? undefined
            : `with no left neighbour the right one must be the first subject, not ${right.index}`
          : size === 0 && root.equals(emptyTreeHash())
            ? undefined
            : 'with no neighbours the subject list must be empty';
  steps.push({
    check: 'adjacency',
    ok: adjacencyError === undefined,
    detail:
      adjacencyError ??
      (left && right
        ? `the neighbours are subjects ${left.index} and ${right.index}, next to each other`
        : left
          ? `the left neighbour is the last subject (${left.index})`
          : right
            ? 'the right neighbour is the first subject'
            : 'the subject list is empty'),
  });
  for (const [side, leaf] of [
    ['left', left],
    ['right', right],
  ] as const) {
    if (!leaf) continue;
    const bytes = Buffer.from(leaf.subject, 'hex');
    const check = verifyInclusion(
      leafHash(bytes),
      leaf.index,
      size,
      decodeHashes(leaf.proof),
      root,
    );
    steps.push({
      check: side,
      ok: check.ok,
      detail: check.ok
        ? `the ${side} neighbour ${leaf.subject} is subject ${leaf.index} in the subjects tree`
        : `the ${side} neighbour's inclusion proof fails: ${check.error}`,
    });
  }
  const between =
    left && right
      ? `holds ${left.subject} and ${right.subject} next to each other, so there is no room for it`
      : left
        ? `ends with ${left.subject}, which is below it`
        : right
          ? `starts with ${right.subject}, which is above it`
          : 'is empty';
  return result(
    `None of the items in ${built} belongs to the person with pseudonym ${proof.subject}. The build's sorted list of subjects ${list} ${between}.`,
  );
}

const PURPOSE_WORDS = { ai_training: 'AI training', human_review: 'human review' } as const;

function decodeHashes(hashes: readonly string[]): Buffer[] {
  return hashes.map((h) => Buffer.from(h, 'base64'));
}
