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
  if (!a.equals(b)) expect(a.toString('latin1'), what).toBe(b.toString('latin1'));
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
