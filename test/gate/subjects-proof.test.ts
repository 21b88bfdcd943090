import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proveSubject, type SubjectsProof } from '../../src/gate/subjects-proof.js';
import { SubjectsTree } from '../../src/gate/subjects-tree.js';
import { isSubjectsProof, verifySubjectsProof } from '../../src/gate/verify-subjects-proof.js';
import {
  encodeEntry,
  generateNoteKey,
  makeReceipt,
  parseSignerKey,
  signCheckpoint,
} from '../../src/log/index.js';
import {
  inclusionProof,
  leafHash,
  memoryRangeHasher,
  merkleTreeHash,
} from '../../src/merkle/index.js';

const signer = parseSignerKey(generateNoteKey('test.local/log').signerKey);
const stranger = parseSignerKey(generateNoteKey('test.local/log').signerKey);

/**
 * A log of a few entries with the build entry at index 1, signed, and the build's receipt:
 * what the build would have got back from the transparency log.
 */
function logBuild(sorted: Buffer, buildId = '0123456789abcdef') {
  const subjectsRoot = merkleTreeHash(packedList(sorted)).toString('hex');
  const manifestSha256 = createHash('sha256').update(`manifest ${subjectsRoot}`).digest('hex');
  const entry = encodeEntry({
    type: 'build',
    version: 1,
    build_id: buildId,
    purpose: 'ai_training',
    manifest_sha256: manifestSha256,
    items_root: 'ab'.repeat(32),
    subjects_root: subjectsRoot,
    subjects_count: sorted.length / 32,
    consent_checkpoint: {
      origin: 'test.local/log',
      size: 1,
      root: Buffer.alloc(32).toString('base64'),
    },
  });
  const entries = [Buffer.from('{"earlier":1}'), entry, Buffer.from('{"later":1}')];
  const hashRange = memoryRangeHasher(entries);
  const receipt = makeReceipt({
    entry,
    index: 1,
    proof: inclusionProof(1, 3, hashRange),
    checkpoint: signCheckpoint(
      { origin: 'test.local/log', size: 3, root: hashRange(0, 3) },
      signer,
    ),
    origin: 'test.local/log',
    verifierKey: signer.vkey,
  });
  return {
    build: { build_id: buildId, manifest_sha256: manifestSha256, subjects_root: subjectsRoot },
    receipt,
  };
}

function packedList(sorted: Buffer): Buffer[] {
  const list: Buffer[] = [];
  for (let i = 0; i < sorted.length; i += 32) list.push(sorted.subarray(i, i + 32));
  return list;
}

function sortedSet(subjects: readonly Uint8Array[]): Buffer {
  const hex = [...new Set(subjects.map((s) => Buffer.from(s).toString('hex')))].sort();
  return Buffer.concat(hex.map((h) => Buffer.from(h, 'hex')));
}

function prove(subjects: readonly Uint8Array[], subject: Uint8Array) {
  const sorted = sortedSet(subjects);
  const { build, receipt } = logBuild(sorted);
  return { sorted, proof: proveSubject(sorted, subject, build, receipt) };
}

const clone = (proof: SubjectsProof) =>
  JSON.parse(JSON.stringify(proof)) as SubjectsProof & {
    neighbours?: {
      left?: { index: number; proof: string[]; subject: string };
      right?: { index: number; proof: string[]; subject: string };
    };
    membership?: { index: number; proof: string[] };
  };

// Small byte ranges so neighbours share long prefixes and subjects repeat.
const arbSubject = fc
  .tuple(fc.integer({ min: 0, max: 5 }), fc.uint8Array({ minLength: 31, maxLength: 31, max: 2 }))
  .map(([a, rest]) => Buffer.concat([Buffer.from([a * 40]), rest]));

describe('subjects proofs', () => {
  it('verify exactly when they say the truth, for random sets and subjects', () => {
    fc.assert(
      fc.property(
        fc.array(arbSubject, { maxLength: 70 }),
        fc.oneof(
          arbSubject,
          fc.nat().map((n) => n),
        ),
        (subjects, pick) => {
          const subject =
            typeof pick === 'number'
              ? subjects.length > 0
                ? subjects[pick % subjects.length]!
                : Buffer.alloc(32, 7)
              : pick;
          const { sorted, proof } = prove(subjects, subject);
          const isMember = subjects.some((s) => Buffer.from(s).equals(subject));
          expect(proof.member).toBe(isMember);
          expect(proof.build.subjects_count).toBe(sorted.length / 32);
          const result = verifySubjectsProof(proof, signer);
          expect(result.steps.filter((s) => !s.ok)).toEqual([]);
          expect(result.ok).toBe(true);
          expect(result.statement).toContain(proof.subject);
          expect(result.statement).toMatch(isMember ? /^At least one item/ : /^None of the items/);
          // The same document claiming the opposite does not verify.
          const flipped = { ...clone(proof), member: !proof.member };
          expect(verifySubjectsProof(flipped, signer).ok).toBe(false);
          // Nor does it verify against another log's key.
          expect(verifySubjectsProof(proof, stranger).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('fail when tampered with: swapped neighbours, moved indices, dropped or changed hashes', () => {
    fc.assert(
      fc.property(
        fc.array(arbSubject, { minLength: 1, maxLength: 60 }),
        arbSubject,
        fc.nat(),
        (subjects, subject, choice) => {
          const { proof } = prove(subjects, subject);
          const tampered: unknown[] = [];
          const doc = clone(proof);
          if (doc.member) {
            const m = doc.membership!;
            tampered.push({ ...doc, membership: { ...m, index: m.index + 1 } });
            if (m.index > 0) tampered.push({ ...doc, membership: { ...m, index: m.index - 1 } });
            if (m.proof.length > 0) {
              tampered.push({ ...doc, membership: { ...m, proof: m.proof.slice(1) } });
              tampered.push({ ...doc, membership: { ...m, proof: m.proof.slice(0, -1) } });
            }
          } else {
            const { left, right } = doc.neighbours!;
            if (left && right) {
              tampered.push({ ...doc, neighbours: { left: right, right: left } });
              tampered.push({ ...doc, neighbours: { left } });
              tampered.push({ ...doc, neighbours: { right } });
              tampered.push({
                ...doc,
                neighbours: { left, right: { ...right, index: right.index + 1 } },
              });
            }
            for (const [side, leaf] of [
              ['left', left],
              ['right', right],
            ] as const) {
              if (!leaf) continue;
              const other = side === 'left' ? { right } : { left };
              tampered.push({
                ...doc,
                neighbours: { ...other, [side]: { ...leaf, index: leaf.index + 1 } },
              });
              if (leaf.index > 0)
                tampered.push({
                  ...doc,
                  neighbours: { ...other, [side]: { ...leaf, index: leaf.index - 1 } },
                });
              if (leaf.proof.length > 0) {
                const dropped = leaf.proof.filter((_, i) => i !== choice % leaf.proof.length);
                tampered.push({
                  ...doc,
                  neighbours: { ...other, [side]: { ...leaf, proof: dropped } },
                });
                const changed = [...leaf.proof];
                changed[choice % changed.length] = Buffer.alloc(32, 1).toString('base64');
                tampered.push({
                  ...doc,
                  neighbours: { ...other, [side]: { ...leaf, proof: changed } },
                });
              }
            }
          }
          tampered.push({ ...doc, build: { ...doc.build, subjects_root: 'cd'.repeat(32) } });
          tampered.push({
            ...doc,
            build: { ...doc.build, subjects_count: doc.build.subjects_count + 1 },
          });
          tampered.push({ ...doc, build: { ...doc.build, build_id: 'fedcba9876543210' } });
          tampered.push({ ...doc, build: { ...doc.build, manifest_sha256: 'ee'.repeat(32) } });
          tampered.push({
            ...doc,
            build_receipt: { ...doc.build_receipt, index: doc.build_receipt.index + 1 },
          });
          for (const t of tampered) {
            const result = verifySubjectsProof(t, signer);
            expect(result.ok, JSON.stringify(t)).toBe(false);
            expect(result.statement).toBeUndefined();
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('cannot claim a member is absent by presenting the members around it', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbSubject, {
          minLength: 3,
          maxLength: 50,
          selector: (s) => s.toString('hex'),
        }),
        fc.nat(),
        (subjects, pick) => {
          const sorted = sortedSet(subjects);
          const tree = new SubjectsTree(sorted);
          const i = 1 + (pick % (tree.count - 2));
          const { build, receipt } = logBuild(sorted);
          const leaf = (index: number) => ({
            index,
            subject: tree.subject(index).toString('hex'),
            proof: tree.inclusionProof(index).map((h) => h.toString('base64')),
          });
          const forged = {
            ...proveSubject(sorted, tree.subject(i), build, receipt),
            member: false,
            membership: undefined,
            neighbours: { left: leaf(i - 1), right: leaf(i + 1) },
          };
          expect(verifySubjectsProof(JSON.parse(JSON.stringify(forged)), signer).ok).toBe(false);
          // Relabelled as adjacent, the right neighbour's inclusion proof no longer verifies.
          const relabelled = {
            ...forged,
            neighbours: { left: leaf(i - 1), right: { ...leaf(i + 1), index: i } },
          };
          expect(verifySubjectsProof(JSON.parse(JSON.stringify(relabelled)), signer).ok).toBe(
            false,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('handles the edges: empty list, before the first, after the last, a single subject', () => {
    const a = Buffer.alloc(32, 0x10);
    const b = Buffer.alloc(32, 0x20);
    const c = Buffer.alloc(32, 0x30);
    const empty = prove([], b).proof;
    expect(empty).toMatchObject({ member: false, neighbours: {}, build: { subjects_count: 0 } });
    expect(empty.build.subjects_root).toBe(createHash('sha256').digest('hex'));
    expect(verifySubjectsProof(empty, signer).statement).toMatch(/list of subjects .* is empty/);

    const before = prove([b, c], a).proof;
    expect(before.neighbours).toEqual({ right: expect.objectContaining({ index: 0 }) });
    expect(verifySubjectsProof(before, signer).statement).toMatch(/starts with 2020/);

    const after = prove([a, b], c).proof;
    expect(after.neighbours).toEqual({ left: expect.objectContaining({ index: 1 }) });
    expect(verifySubjectsProof(after, signer).statement).toMatch(/ends with 2020/);

    const single = prove([b], b).proof;
    expect(single).toMatchObject({ member: true, membership: { index: 0, proof: [] } });
    expect(verifySubjectsProof(single, signer).ok).toBe(true);

    // "Empty" claimed for a list that is not.
    const notEmpty = { ...prove([a], b).proof, neighbours: {} };
    expect(verifySubjectsProof(notEmpty, signer).ok).toBe(false);
    // Leaves are the subjects' raw bytes under the RFC 6962 leaf prefix.
    const tree = new SubjectsTree(Buffer.concat([a, b, c]));
    expect(tree.root()).toEqual(merkleTreeHash([a, b, c]));
    expect(leafHash(a)).toEqual(
      createHash('sha256')
        .update(Buffer.concat([Buffer.from([0]), a]))
        .digest(),
    );
  });

  it('keeps proofs and roots of large lists equal to the reference tree', () => {
    const count = 256 * 5 + 77;
    const sorted = Buffer.alloc(count * 32);
    for (let i = 0; i < count; i++) sorted.writeUInt32BE(i * 3 + 1, i * 32);
    const tree = new SubjectsTree(sorted);
    const leaves = packedList(sorted);
    const reference = memoryRangeHasher(leaves);
    expect(tree.root()).toEqual(reference(0, count));
    for (const i of [0, 255, 256, 1023, 1280, count - 1]) {
      expect(tree.inclusionProof(i)).toEqual(inclusionProof(i, count, reference));
    }
    const absent = Buffer.alloc(32);
    absent.writeUInt32BE(3 * 700 + 2, 0);
    expect(tree.lowerBound(absent)).toBe(701);
  });

  it('recognises a subjects proof by its type and reports a malformed one', () => {
    const { proof } = prove([Buffer.alloc(32, 1)], Buffer.alloc(32, 2));
    expect(isSubjectsProof(proof)).toBe(true);
    expect(isSubjectsProof(proof.build_receipt)).toBe(false);
    expect(isSubjectsProof(null)).toBe(false);
    const bad = verifySubjectsProof({ type: 'subjects_proof', version: 1 }, signer);
    expect(bad).toMatchObject({ ok: false, statement: undefined });
    expect(bad.steps[0]).toMatchObject({ check: 'format', ok: false });
  });
});
