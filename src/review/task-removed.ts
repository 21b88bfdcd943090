import { ObhutError } from '../errors/index.js';

/**
 * The task was taken out of review (its subject objected, or trust_safety removed it): the
 * design's 410, with the conflict code a client already handles.
 */
export class TaskRemovedError extends ObhutError {
  constructor(task: string) {
    super('REVIEW_CONFLICT', `task ${task} was removed from review (it is no longer available)`);
  }

  override get httpStatus(): number {
    return 410;
  }
}
