import { randomBytes } from 'node:crypto';
import type { Role } from './roles.js';

/** A member of staff who may sign in to the review console. */
export interface StaffMember {
  /** `st_` + 16 hex: random, the only staff identifier that appears in logs. */
  readonly id: string;
  /** For signing in and for admins; never logged or put in the transparency log. */
  readonly username: string;
  readonly role: Role;
  readonly disabled: boolean;
  readonly createdAt: string;
  /** Most tasks a reviewer may take a day; absent means the deployment's default. */
  readonly dailyQuota?: number;
}

/** Lower-case letters, digits, `.`, `_`, `-`; 1–64 characters, starting with a letter or digit. */
export const USERNAME_PATTERN = '^[a-z0-9][a-z0-9._-]{0,63}$';
const USERNAME = new RegExp(USERNAME_PATTERN);
export const STAFF_ID_PATTERN = '^st_[0-9a-f]{16}$';
export const MAX_DAILY_QUOTA = 10_000;

export function newStaffId(): string {
  return `st_${randomBytes(8).toString('hex')}`;
}

/** Usernames are compared in lower case. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function isValidUsername(username: string): boolean {
  return USERNAME.test(username);
}
