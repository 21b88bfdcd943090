import { wrapError } from '../errors/index.js';

/** Runs a database call; any error becomes a `STORE_FAILED` naming what was being done. */
export async function guard<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw wrapError(err, 'STORE_FAILED', `database error while ${what}`);
  }
}

/** `{ [key]: value }`, or nothing when the column is null: for optional model fields. */
export function optional<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Whether an insert (`onConflict … doNothing`) stored its row. */
export function insertedAny(result: { numInsertedOrUpdatedRows?: bigint }): boolean {
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
