// The admin's staff page as the review API serves it: the list, adding a member, and changing
// one's role, status or quota. Accounts themselves (passwords, sessions) are src/staff/'s.
import { authorize, project } from '../authz/index.js';
import { ObhutError } from '../errors/index.js';
import { addStaff, type Role, type StaffMember } from '../staff/index.js';
import type { ReviewActor } from './actor.js';
import type { StaffMemberView } from './api-types.js';
import { decodeCursor, type PageRequest, pageLimit, pageOf } from './page.js';
import type { ReviewContext } from './tasks.js';

type Staff = ReviewContext['store']['staff'];

/** A page of the staff, by username, optionally of one role. */
export async function listStaff(
  staff: Staff,
  actor: ReviewActor,
  query: PageRequest & { role?: Role | undefined },
): Promise<{ staff: Partial<StaffMemberView>[]; next_cursor: string | null }> {
  const limit = pageLimit(query);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, 1)[0];
  const fetched = await staff.listPage({ role: query.role, after, limit: limit + 1 });
  const page = pageOf(fetched, limit, (m) => [m.username]);
  return {
    staff: page.rows.map((m) => project(actor.ability, 'list', 'Staff', staffView(m))),
    next_cursor: page.nextCursor,
  };
}

export async function addStaffMember(
  staff: Staff,
  body: { username: string; role: Role; password: string; daily_quota?: number },
): Promise<StaffMemberView> {
  const member = await addStaff(staff, {
    username: body.username,
    role: body.role,
    password: body.password,
    ...(body.daily_quota === undefined ? {} : { dailyQuota: body.daily_quota }),
  });
  return staffView(member);
}

/** Changes a member; no admin changes their own role or disables themselves (the policy). */
export async function changeStaffMember(
  staff: Staff,
  actor: ReviewActor,
  id: string,
  body: { role?: Role; disabled?: boolean; daily_quota?: number | null },
): Promise<StaffMemberView> {
  const target = await staff.get(id);
  if (!target) throw new ObhutError('NOT_FOUND', 'no such member of staff');
  authorize(actor.ability, 'update', 'Staff', target);
  const updated = await staff.update(target.id, {
    ...(body.role === undefined ? {} : { role: body.role }),
    ...(body.disabled === undefined ? {} : { disabled: body.disabled }),
    ...(body.daily_quota === undefined ? {} : { dailyQuota: body.daily_quota }),
  });
  if (!updated) throw new ObhutError('NOT_FOUND', 'no such member of staff');
  return staffView(updated);
}

function staffView(m: StaffMember): StaffMemberView {
  return {
    id: m.id,
    username: m.username,
    role: m.role,
    disabled: m.disabled,
    created_at: m.createdAt,
    ...(m.dailyQuota === undefined ? {} : { daily_quota: m.dailyQuota }),
  };
}
