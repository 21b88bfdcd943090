import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SubjectCollector } from '../../src/gate/subject-set.js';
import { sortDistinctSubjects } from '../../src/gate/subject-sort.js';
import { merkleTreeHash } from '../../src/merkle/index.js';

/** The sorted, distinct subjects as a reference: plain strings, sorted and deduplicated. */
function reference(subjects: readonly Buffer[]): Buffer[] {
  const hex = [...new Set(subjects.map((s) => s.toString('hex')))].sort();
  return hex.map((h) => Buffer.from(h, 'hex'));
}

// Subjects that share long prefixes and repeat often, so the buckets, the insertion sort, the
// large-bucket path and the deduplication across runs all get work.
// The all-zero subject is in there too: the collector's table uses zero for an empty slot.
const arbSubject = fc.oneof(
  {
    weight: 20,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 2 }),
        fc.uint8Array({ minLength: 30, maxLength: 30, min: 0, max: 1 }),
      )
      .map(([a, b, rest]) => Buffer.concat([Buffer.from([a, b]), rest])),
  },
  { weight: 1, arbitrary: fc.constant(Buffer.alloc(32)) },
);

describe('sortDistinctSubjects', () => {
  it('sorts bytewise and removes duplicates, in place', () => {
    fc.assert(
      fc.property(fc.array(arbSubject, { maxLength: 300 }), (subjects) => {
        const packed = Buffer.concat(subjects);
        const n = sortDistinctSubjects(packed, subjects.length);
        expect(packed.subarray(0, n * 32)).toEqual(Buffer.concat(reference(subjects)));
      }),
      { numRuns: 200 },
    );
  });

  it('sorts a large random set (the shape of real pseudonyms)', () => {
    const subjects = Array.from({ length: 20_000 }, () => randomBytes(32));
    subjects.push(...subjects.slice(0, 5000));
    const packed = Buffer.concat(subjects);
    const n = sortDistinctSubjects(packed, subjects.length);
    expect(n).toBe(20_000);
    expect(packed.subarray(0, n * 32).equals(Buffer.concat(reference(subjects)))).toBe(true);
  });
});

describe('SubjectCollector', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'obhut-subjects-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const collect = (subjects: readonly Buffer[], runSubjects: number, name = 'subjects.bin') => {
    const collector = new SubjectCollector(path.join(dir, `${name}.spill`), runSubjects);
    const packed = Buffer.concat(subjects);
    for (let i = 0; i < subjects.length; i++) collector.add(packed, i * 32);
    const file = path.join(dir, name);
    const result = collector.finish(file);
    expect(existsSync(path.join(dir, `${name}.spill`))).toBe(false);
    return { ...result, bytes: readFileSync(file) };
  };

  it('writes the sorted distinct subjects and their root, spilled to disk or not', () => {
    let run = 0;
    fc.assert(
      fc.property(
        fc.array(arbSubject, { maxLength: 400 }),
        fc.constantFrom(4, 16, 64, 1 << 18),
        (subjects, runSubjects) => {
          const expected = reference(subjects);
          const got = collect(subjects, runSubjects, `s${run++}.bin`);
          expect(got.bytes).toEqual(Buffer.concat(expected));
          expect(got.count).toBe(expected.length);
          expect(got.root).toEqual(merkleTreeHash(expected));
          expect(got.entry).toEqual({
            path: `s${run - 1}.bin`,
            bytes: expected.length * 32,
            sha256: createHash('sha256').update(got.bytes).digest('hex'),
            records: expected.length,
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('merges many spilled runs of random subjects with repeats across them', () => {
    const distinct = Array.from({ length: 30_000 }, () => randomBytes(32));
    // Each subject appears three times, far apart, so its copies land in different runs.
    const subjects = [...distinct, ...distinct.slice().reverse(), ...distinct];
    const got = collect(subjects, 4096);
    const expected = reference(distinct);
    expect(got.count).toBe(30_000);
    expect(got.bytes.equals(Buffer.concat(expected))).toBe(true);
    expect(got.root).toEqual(merkleTreeHash(expected));
  });

  it('writes an empty file and the empty tree hash when no item named a subject', () => {
    const got = collect([], 16);
    expect(got.bytes.length).toBe(0);
    expect(got.count).toBe(0);
    expect(got.root.toString('hex')).toBe(createHash('sha256').digest('hex'));
  });
});
