import type { AssignmentState, TaskStatus } from '../review/model.js';
import type { Trx } from './review-tables.js';

/** Locks a task's row (a no-op write) and returns its status and k. */
export async function lockTask(
  trx: Trx,
  task: string,
): Promise<{ status: TaskStatus; k: number } | undefined> {
  const row = await trx
    .updateTable('review_tasks')
    .set((eb) => ({ status: eb.ref('status') }))
    .where('id', '=', task)
    .returning(['status', 'k'])
    .executeTakeFirst();
  return row && { status: row.status as TaskStatus, k: Number(row.k) };
}

export async function setStatus(
  trx: Trx,
  task: string,
  status: TaskStatus,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('review_tasks')
    .set({ status, updated_at: now.toISOString() })
    .where('id', '=', task)
    .execute();
}

/** Ends the reviewer's assignment if it is active and unexpired; false otherwise. */
export async function endAssignment(
  trx: Trx,
  task: string,
  reviewer: string,
  state: AssignmentState,
  now: Date,
): Promise<boolean> {
  const r = await trx
    .updateTable('review_assignments')
    .set({ state, ended_at: now.toISOString() })
    .where('task', '=', task)
    .where('reviewer', '=', reviewer)
    .where('state', '=', 'active')
    .where('expires_ms', '>', now.getTime())
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Takes a locked task off the queue: its active assignments end and it is `removed`. */
export async function removeLocked(trx: Trx, task: string, now: Date): Promise<void> {
  await endActive(trx, task, now);
  await setStatus(trx, task, 'removed', now);
}

export async function endActive(trx: Trx, task: string, now: Date): Promise<void> {
  await trx
    .updateTable('review_assignments')
    .set({ state: 'released', ended_at: now.toISOString() })
    .where('task', '=', task)
    .where('state', '=', 'active')
    .execute();
}
