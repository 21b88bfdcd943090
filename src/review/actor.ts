import type { AppAbility } from '../authz/index.js';
import type { StaffMember } from '../staff/index.js';
import type { AssignmentRules } from './model.js';

/** The member of staff a request acts for, and what their role lets them do, now. */
export interface ReviewActor {
  readonly staff: StaffMember;
  readonly ability: AppAbility;
}

/** The per-member quota, where an admin set one, overrides the deployment's. */
export function rulesFor(rules: AssignmentRules, member: StaffMember): AssignmentRules {
  return member.dailyQuota === undefined ? rules : { ...rules, dailyQuota: member.dailyQuota };
}
