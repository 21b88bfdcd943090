import { randomBytes } from 'node:crypto';

/** Random ids: nothing in them links to the item, the subject or another task. */
const random = (prefix: string, bytes: number) => `${prefix}${randomBytes(bytes).toString('hex')}`;

export const newItemId = (): string => random('ri_', 16);
export const newTaskId = (): string => random('rt_', 16);
export const newFlagId = (): string => random('rf_', 16);
export const newUnmaskId = (): string => random('ru_', 16);
export const newHoldId = (): string => random('lh_', 16);

export const ITEM_ID = /^ri_[0-9a-f]{32}$/;
export const TASK_ID = /^rt_[0-9a-f]{32}$/;
export const FLAG_ID = /^rf_[0-9a-f]{32}$/;
export const UNMASK_ID = /^ru_[0-9a-f]{32}$/;
export const HOLD_ID = /^lh_[0-9a-f]{32}$/;
/** A subject's pseudonym: HMAC-SHA-256, lower-case hex. */
export const PSEUDONYM = /^[0-9a-f]{64}$/;
