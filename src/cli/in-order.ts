/**
 * Runs `run` over `items` with at most `limit` started and not yet emitted, and hands each
 * result (its promise, settled or not) to `emit` in input order, so output keeps the order of
 * the arguments while the work overlaps.
 */
export async function forEachInOrder<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<R>,
  emit: (result: Promise<R>, item: T) => Promise<void>,
): Promise<void> {
  const started: (Promise<R> | undefined)[] = [];
  let next = 0;
  const fill = (emitted: number): void => {
    while (next < items.length && next < emitted + Math.max(1, limit)) {
      const result = run(items[next]!);
      // Awaited in order by `emit`; a failure must not count as unhandled meanwhile.
      result.catch(() => {});
      started[next++] = result;
    }
  };
  fill(0);
  for (let i = 0; i < items.length; i++) {
    const result = started[i]!;
    started[i] = undefined;
    await emit(result, items[i]!);
    fill(i + 1);
  }
}
