import type { BatchResult, PackedOutcome } from '../evaluation/evaluate-batch.js';

/**
 * The batch with some outcomes replaced: replaced admitted items' lines, leaf hashes and
 * pseudonyms are taken out of the packed blocks, so the writer sees them as never admitted.
 */
export function withReplaced(
  result: BatchResult,
  replaced: ReadonlyMap<number, PackedOutcome>,
): BatchResult {
  const lines: Uint8Array[] = [];
  const hashes: Uint8Array[] = [];
  const subjects: Uint8Array[] = [];
  const outcomes: PackedOutcome[] = [];
  let at = 0;
  let admittedIndex = 0;
  let subjectIndex = 0;
  result.outcomes.forEach((outcome, i) => {
    if (outcome.kind !== 'admitted') {
      outcomes.push(replaced.get(i) ?? outcome);
      return;
    }
    const keep = !replaced.has(i);
    if (keep) {
      lines.push(result.admitted.subarray(at, at + outcome.length));
      hashes.push(result.leafHashes.subarray(admittedIndex * 32, admittedIndex * 32 + 32));
      if (outcome.hasSubject)
        subjects.push(result.subjects.subarray(subjectIndex * 32, subjectIndex * 32 + 32));
    }
    outcomes.push(keep ? outcome : replaced.get(i)!);
    at += outcome.length;
    admittedIndex++;
    if (outcome.hasSubject) subjectIndex++;
  });
  return {
    ...result,
    outcomes,
    admitted: Buffer.concat(lines),
    leafHashes: Buffer.concat(hashes),
    subjects: Buffer.concat(subjects),
  };
}
