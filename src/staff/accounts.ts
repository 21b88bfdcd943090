import { ObhutError } from '../errors/index.js';
import {
  DEFAULT_SCRYPT,
  hashPassword,
  needsRehash,
  passwordProblem,
  type ScryptParams,
  verifyPassword,
} from './password.js';
import type { Role } from './roles.js';
import { isValidUsername, newStaffId, normaliseUsername, type StaffMember } from './staff.js';
import type { StaffStore } from './staff-store.js';

// Checked against when the username is unknown, so that answer takes as long as a wrong password.
const dummyHashes = new Map<string, Promise<string>>();

function dummyHash(params: ScryptParams): Promise<string> {
  const key = `${params.logN},${params.r},${params.p}`;
  let hash = dummyHashes.get(key);
  if (!hash) {
    hash = hashPassword('obhut-dummy-password', params);
    dummyHashes.set(key, hash);
  }
  return hash;
}

/**
 * The member whose username and password these are, if they may sign in. Unknown names,
 * wrong passwords and disabled accounts look the same to the caller and take about as long.
 * A hash made with weaker parameters than `params` is replaced.
 */
export async function checkCredentials(
  store: StaffStore,
  username: string,
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<StaffMember | undefined> {
  const found = await store.credentials(normaliseUsername(username));
  const ok = await verifyPassword(password, found?.passwordHash ?? (await dummyHash(params)));
  if (!found || !ok || found.member.disabled) return undefined;
  if (needsRehash(found.passwordHash, params)) {
    await store.setPasswordHash(found.member.id, await hashPassword(password, params));
  }
  return found.member;
}

export interface NewStaff {
  readonly username: string;
  readonly role: Role;
  readonly password: string;
  readonly dailyQuota?: number;
}

/** Adds a member of staff; USAGE for a bad name or weak password, USERNAME_TAKEN for a taken one. */
export async function addStaff(
  store: StaffStore,
  input: NewStaff,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<StaffMember> {
  const username = normaliseUsername(input.username);
  if (!isValidUsername(username)) {
    throw new ObhutError(
      'USAGE',
      'a username has 1–64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
  }
  const problem = passwordProblem(input.password);
  if (problem) throw new ObhutError('USAGE', problem);
  const member: StaffMember = {
    id: newStaffId(),
    username,
    role: input.role,
    disabled: false,
    createdAt: new Date().toISOString(),
    ...(input.dailyQuota === undefined ? {} : { dailyQuota: input.dailyQuota }),
  };
  if (!(await store.add(member, await hashPassword(input.password, params)))) {
    throw new ObhutError('USERNAME_TAKEN', 'that username is taken');
  }
  return member;
}

/** Sets a new password and ends every session of the member. */
export async function changePassword(
  store: StaffStore,
  id: string,
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw new ObhutError('USAGE', problem);
  if (!(await store.setPasswordHash(id, await hashPassword(password, params)))) {
    throw new ObhutError('NOT_FOUND', 'no such member of staff');
  }
  await store.revokeSessionsOf(id);
}
