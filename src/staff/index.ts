export { addStaff, changePassword, checkCredentials, type NewStaff } from './accounts.js';
export {
  DEFAULT_LOCKOUT_ATTEMPTS,
  DEFAULT_LOCKOUT_BASE_MS,
  DEFAULT_LOCKOUT_MAX_MS,
  type LockoutOptions,
  type SignInOutcome,
  SignInThrottle,
} from './lockout.js';
export {
  DEFAULT_SCRYPT,
  hashPassword,
  MAX_PASSWORD_BYTES,
  MIN_PASSWORD_LENGTH,
  needsRehash,
  passwordProblem,
  type ScryptParams,
  verifyPassword,
} from './password.js';
export { ROLES, type Role } from './roles.js';
export {
  type ActiveSession,
  DEFAULT_ABSOLUTE_MS,
  DEFAULT_IDLE_MS,
  hashToken,
  type OpenedSession,
  type SessionOptions,
  StaffSessions,
} from './sessions.js';
export {
  isValidUsername,
  MAX_DAILY_QUOTA,
  newStaffId,
  normaliseUsername,
  STAFF_ID_PATTERN,
  type StaffMember,
  USERNAME_PATTERN,
} from './staff.js';
