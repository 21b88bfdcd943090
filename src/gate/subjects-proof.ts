import { hash } from 'node:crypto';
import { z } from 'zod';
import {
  decodeEntry,
  type NoteVerifier,
  type ProofInput,
  type Receipt,
  readProofInput,
  type VerificationStep,
  verifyReceipt,
} from '../log/index.js';
import {
  emptyTreeHash,
  inclusionProof,
  leafHash,
  nodeHash,
  type RangeHasher,
  TreeHasher,
  verifyInclusion,
} from '../merkle/index.js';
import { SUBJECT_BYTES } from './subject-set.js';

/**
 * Proofs about a build's subject list: the sorted, distinct pseudonyms of the subjects with at
 * least one admitted item, committed to by `subjects_root`, an RFC 6962 tree whose leaves are
 * the pseudonyms' 32 raw bytes. Membership is an inclusion proof; non-membership is the two
 * neighbours the pseudonym would sit between, each with its inclusion proof. Pure: no I/O.
 */

const W = SUBJECT_BYTES;
// Subtrees of 256 leaves are hashed once and kept (32 bytes each), so every proof after the
// first costs a few hundred hashes, not a pass over the whole list.
const CHUNK = 256;

/** The sorted, distinct subjects of one build (packed 32-byte records), with proofs. */
export class SubjectsTree {
  readonly count: number;
  #chunks: Buffer | undefined;

  constructor(readonly sorted: Buffer) {
    if (sorted.length % W !== 0) {
      throw new RangeError(`a subject list is a multiple of ${W} bytes, not ${sorted.length}`);
    }
    this.count = sorted.length / W;
  }

  subject(index: number): Buffer {
    return this.sorted.subarray(index * W, index * W + W);
  }

  /** The first index whose subject is not below `subject` (count when every one is). */
  lowerBound(subject: Uint8Array): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sorted.compare(subject, 0, W, mid * W, mid * W + W) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  root(): Buffer {
    return this.#hashRange(0, this.count);
  }

  inclusionProof(index: number): Buffer[] {
    return inclusionProof(index, this.count, this.#hashRange);
  }

  /** Checks that the list is strictly increasing (sorted, no duplicates). */
  isStrictlySorted(): boolean {
    for (let i = 1; i < this.count; i++) {
      if (this.sorted.compare(this.sorted, i * W, i * W + W, (i - 1) * W, i * W) >= 0) return false;
    }
    return true;
  }

  readonly #hashRange: RangeHasher = (start, end) => {
    const width = end - start;
    if (width === 0) return emptyTreeHash();
    if (width === CHUNK && start % CHUNK === 0) {
      const chunks = this.#chunkRoots();
      const at = (start / CHUNK) * 32;
      return chunks.subarray(at, at + 32);
    }
    if (width <= CHUNK) return this.#hashLeaves(start, end);
    const k = largestPowerOfTwoBelow(width);
    return nodeHash(this.#hashRange(start, start + k), this.#hashRange(start + k, end));
  };

  #chunkRoots(): Buffer {
    if (!this.#chunks) {
      const full = Math.floor(this.count / CHUNK);
      const chunks = Buffer.allocUnsafe(full * 32);
      for (let c = 0; c < full; c++)
        this.#hashLeaves(c * CHUNK, (c + 1) * CHUNK).copy(chunks, c * 32);
      this.#chunks = chunks;
    }
    return this.#chunks;
  }

  #hashLeaves(start: number, end: number): Buffer {
    const tree = new TreeHasher();
    const leaf = Buffer.alloc(1 + W);
    for (let i = start; i < end; i++) {
      this.sorted.copy(leaf, 1, i * W, i * W + W);
      tree.appendLeafHash(hash('sha256', leaf, 'buffer'));
    }
    return tree.root();
  }
}

/** What a proof says about the build it is for; all of it is in the build's manifest. */
export interface SubjectsProofBuild {
  readonly build_id: string;
  readonly manifest_sha256: string;
  /** Hex. */
  readonly subjects_root: string;
  readonly subjects_count: number;
}

export interface SubjectLeafProof {
  readonly index: number;
  /** The neighbour's pseudonym, hex. */
  readonly subject: string;
  /** The inclusion proof in the subjects tree, base64 hashes, leaf side first. */
  readonly proof: readonly string[];
}

export interface SubjectsProof {
  readonly type: 'subjects_proof';
  readonly version: 1;
  /** The pseudonym the proof is about, hex. */
  readonly subject: string;
  readonly member: boolean;
  readonly build: SubjectsProofBuild;
  /** When member: where the subject is and its inclusion proof. */
  readonly membership?: { readonly index: number; readonly proof: readonly string[] };
  /** When not a member: the subjects just below and just above it (one or both absent at the ends). */
  readonly neighbours?: { readonly left?: SubjectLeafProof; readonly right?: SubjectLeafProof };
  /** The receipt of the build's `build` entry in the transparency log. */
  readonly build_receipt: Receipt;
}

/**
 * Proves that `subject` (32 bytes) is, or is not, in a build's subject list. `subjects` is the
 * sorted list (packed, as in subjects.bin) or a tree made from it, which keeps its hashes for
 * further proofs.
 */
export function proveSubject(
  subjects: Buffer | SubjectsTree,
  subject: Uint8Array,
  build: Omit<SubjectsProofBuild, 'subjects_count'>,
  receipt: Receipt,
): SubjectsProof {
  if (subject.length !== W) throw new RangeError(`a pseudonym is ${W} bytes`);
  const tree = subjects instanceof SubjectsTree ? subjects : new SubjectsTree(subjects);
  const head = {
    type: 'subjects_proof' as const,
    version: 1 as const,
    subject: Buffer.from(subject).toString('hex'),
  };
  const ref: SubjectsProofBuild = { ...build, subjects_count: tree.count };
  const at = tree.lowerBound(subject);
  if (at < tree.count && tree.subject(at).equals(subject)) {
    return {
      ...head,
      member: true,
      build: ref,
      membership: { index: at, proof: base64(tree.inclusionProof(at)) },
      build_receipt: receipt,
    };
  }
  const leaf = (index: number): SubjectLeafProof => ({
    index,
    subject: tree.subject(index).toString('hex'),
    proof: base64(tree.inclusionProof(index)),
  });
  return {
    ...head,
    member: false,
    build: ref,
    neighbours: {
      ...(at > 0 ? { left: leaf(at - 1) } : {}),
      ...(at < tree.count ? { right: leaf(at) } : {}),
    },
    build_receipt: receipt,
  };
}

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

function base64(hashes: readonly Buffer[]): string[] {
  return hashes.map((h) => h.toString('base64'));
}

function decodeHashes(hashes: readonly string[]): Buffer[] {
  return hashes.map((h) => Buffer.from(h, 'base64'));
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
