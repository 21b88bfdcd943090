import type { SweepSummary } from './api-types.js';
import { sweepRetention } from './retention.js';
import type { ReviewContext } from './tasks.js';

/**
 * An admin's sweep from the console, now: what it removed, each item once (an item whose raw
 * part and reviewer copy both went is listed once).
 */
export async function sweepNow(
  ctx: ReviewContext,
  periods: { readonly rawDays: number; readonly derivedDays: number } | undefined,
): Promise<SweepSummary> {
  const result = await sweepRetention(
    { store: ctx.store, log: ctx.log, config: { home: ctx.home } },
    periods ?? {},
  );
  return {
    removed: {
      raw: result.raw.length,
      derived: result.derived.length,
      items: [...new Set([...result.derived, ...result.raw])],
    },
  };
}
