import type { ReviewTask } from './model.js';
import type { ReviewContext } from './tasks.js';

/** A member's assignment of a task, as the policy's conditions read it (`taskSubject`). */
export interface TaskSubject {
  readonly id: string;
  readonly assignee?: string;
  readonly expires_at?: string;
  /** They ever held the task… */
  readonly held: boolean;
  /** …and flagged it. */
  readonly flagged: boolean;
}

/**
 * A task as the policy's conditions read it: `assignee` and `expires_at` of the member's own
 * assignment while it is active (a reviewer passes only then); `held` when they ever had one,
 * `flagged` when that one ended in their flag.
 */
export async function taskSubject(
  store: Pick<ReviewContext['store'], 'review'>,
  task: ReviewTask,
  staff: string,
): Promise<TaskSubject> {
  const a = await store.review.assignment(task.id, staff);
  if (!a) return { id: task.id, held: false, flagged: false };
  return a.state === 'active'
    ? { id: task.id, assignee: a.reviewer, expires_at: a.expiresAt, held: true, flagged: false }
    : { id: task.id, held: true, flagged: a.state === 'flagged' };
}
