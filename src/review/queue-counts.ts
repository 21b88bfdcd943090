import type { QueueCounts } from './api-types.js';
import type { AssignmentRules } from './model.js';
import { summariseExposure } from './rules.js';
import type { ReviewContext } from './tasks.js';

/** The lead's overview: tasks per state and today's exposure across reviewers (nobody named). */
export async function queueCounts(
  store: Pick<ReviewContext['store'], 'review'>,
  rules: AssignmentRules,
  now: Date = new Date(),
): Promise<QueueCounts> {
  const c = await store.review.queueCounts(now);
  const exposure = summariseExposure(
    [...(await store.review.exposureByReviewer(now)).values()],
    rules,
  );
  return {
    open: c.open,
    assigned: c.assigned,
    done: c.done,
    flagged: c.flagged,
    removed: c.removed,
    exposure: {
      reviewers_today: exposure.reviewers,
      median_minutes: exposure.medianMinutes,
      max_minutes: exposure.maxMinutes,
      at_limit: exposure.atLimit,
      limit_minutes: exposure.limitMinutes,
    },
  };
}
