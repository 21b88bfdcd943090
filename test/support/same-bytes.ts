import { expect } from 'vitest';

// Byte comparisons for large outputs (builds, audio): what `toEqual` asserts, at a fraction of its
// cost. vitest compares typed arrays element by element through its generic equality, ~10 CPU-s
// for the few MB of two 6,000-line builds (issue 13); `Buffer.equals` compares them natively.

const bytesOf = (view: ArrayBufferView) =>
  Buffer.from(view.buffer, view.byteOffset, view.byteLength);

/**
 * Asserts that `actual` holds the same bytes as `expected`, in an array of the same type. A
 * difference fails with a diff of the two as text (latin1, one character per byte, so different
 * bytes always give different strings).
 */
export function expectSameBytes(
  actual: ArrayBufferView,
  expected: ArrayBufferView,
  what?: string,
): void {
  expect(actual.constructor, what).toBe(expected.constructor);
  const [a, b] = [bytesOf(actual), bytesOf(expected)];
  if (!a.equals(b))
    expect(around(a, firstDifference(a, b)), what).toBe(around(b, firstDifference(a, b)));
}

/** The first offset at which `a` and `b` differ (the shorter one's length if one is a prefix). */
function firstDifference(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

/**
 * What a failure shows: the length and 64 bytes around the first difference, not megabytes
 * (vitest's diff of two multi-MB strings takes minutes). Different bytes give different text.
 */
function around(bytes: Buffer, at: number): string {
  const from = Math.max(0, at - 32);
  return `${bytes.length} bytes; from byte ${from}: ${bytes.subarray(from, at + 32).toString('latin1')}`;
}

/** Whether two arrays hold the same bytes (for `not` assertions: `expect(sameBytes(a, b)).toBe(false)`). */
export function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return a.constructor === b.constructor && bytesOf(a).equals(bytesOf(b));
}

/**
 * Asserts that two folders' contents (name → bytes, as `folderContents` and `datasetContents`
 * give them) hold the same names with the same bytes, as `expect(actual).toEqual(expected)` does.
 */
export function expectSameFiles(
  actual: ReadonlyMap<string, Buffer>,
  expected: ReadonlyMap<string, Buffer>,
): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [name, bytes] of expected) expectSameBytes(actual.get(name)!, bytes, name);
}
