import type { Receipt } from '../log/index.js';
import { SUBJECT_BYTES } from './subject-bytes.js';
import { SubjectsTree } from './subjects-tree.js';

/**
 * Proofs about a build's subject list (see SubjectsTree). Membership is an inclusion proof;
 * non-membership is the two neighbours the pseudonym would sit between, each with its
 * inclusion proof. Pure: no I/O.
 */

const W = SUBJECT_BYTES;

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

function base64(hashes: readonly Buffer[]): string[] {
  return hashes.map((h) => h.toString('base64'));
}
