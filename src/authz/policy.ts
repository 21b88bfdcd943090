import {
  AbilityBuilder,
  createMongoAbility,
  type ForcedSubject,
  type MongoAbility,
} from '@casl/ability';
import type { Role } from '../staff/roles.js';
import {
  FLAG_FIELDS,
  LEAD_TASK_FIELDS,
  PROVENANCE_FIELDS,
  REVEALED_FLAG_FIELDS,
  REVIEWER_TASK_FIELDS,
  STAFF_FIELDS,
  UNMASK_FIELDS,
  UNMASKED_FIELDS,
} from './fields.js';

/** Every action, per subject type: one per route of the review API (docs/review-design.md). */
export const ACTIONS = {
  Task: ['next', 'read', 'listen', 'answer', 'flag', 'release'],
  Queue: ['read', 'export'],
  Flag: ['list', 'read', 'reveal', 'resolve'],
  Unmask: ['request', 'approve', 'read'],
  Provenance: ['read'],
  Audit: ['read'],
  Hold: ['list', 'create', 'delete'],
  Staff: ['list', 'create', 'update'],
  Retention: ['sweep'],
  // A person's access or erasure request: the queue, assigning, answering, the report, erasing.
  Request: ['list', 'assign', 'answer', 'read', 'erase'],
} as const;

export type SubjectType = keyof typeof ACTIONS;
export const SUBJECT_TYPES = Object.keys(ACTIONS) as SubjectType[];
export type ActionOn<S extends SubjectType> = (typeof ACTIONS)[S][number];
export type Action = ActionOn<SubjectType>;

/** A plain object tagged with its subject type (CASL's `subject(type, object)`). */
export type SubjectObject<S extends SubjectType = SubjectType> = Record<string, unknown> &
  ForcedSubject<S>;

type Abilities = { [S in SubjectType]: [ActionOn<S>, S | SubjectObject<S>] }[SubjectType];
export type AppAbility = MongoAbility<Abilities>;

export interface Actor {
  readonly id: string;
  readonly role: Role;
  readonly disabled?: boolean;
}

/**
 * What one member of staff may do, now. Conditions name fields of the objects the routes check
 * and project, so those objects must carry them (times as ISO-8601 UTC, `Date#toISOString`):
 * - Task: `assignee` (staff id of the active assignment) and `expires_at` (its expiry);
 * - Unmask: `requested_by`, `approvals` (staff ids), `status` and `expires_at`;
 * - Staff: `id`.
 */
export function abilityFor(actor: Actor, now: number = Date.now()): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (actor.disabled) return build();
  const at = new Date(now).toISOString();
  const assigned = { assignee: actor.id, expires_at: { $gt: at } };
  switch (actor.role) {
    case 'reviewer':
      can('next', 'Task');
      can(['read', 'listen', 'answer', 'flag', 'release'], 'Task', assigned);
      can('read', 'Task', [...REVIEWER_TASK_FIELDS], assigned);
      break;
    case 'lead':
      can('next', 'Task');
      can(['read', 'listen'], 'Task');
      can('read', 'Task', [...LEAD_TASK_FIELDS]);
      // A lead answers the tasks assigned to them like any reviewer.
      can(['answer', 'flag', 'release'], 'Task', assigned);
      can('read', 'Queue');
      // The answers out, reviewers pseudonymised: what a lead adjudicates with, in bulk.
      can('export', 'Queue');
      break;
    case 'trust_safety':
      can(['list', 'read', 'resolve'], 'Flag');
      can(['list', 'read'], 'Flag', [...FLAG_FIELDS]);
      can('reveal', 'Flag', [...REVEALED_FLAG_FIELDS]);
      can('read', 'Provenance', [...PROVENANCE_FIELDS]);
      unmasking(actor.id, at);
      break;
    case 'privacy_officer':
      unmasking(actor.id, at);
      can('read', 'Audit');
      can(['list', 'create', 'delete'], 'Hold');
      can(['list', 'assign', 'answer', 'read', 'erase'], 'Request');
      break;
    case 'admin':
      can('read', 'Queue');
      can(['list', 'create', 'delete'], 'Hold');
      can(['list', 'create'], 'Staff');
      can('list', 'Staff', [...STAFF_FIELDS]);
      // No admin changes their own role or disables themselves: the last admin stays one.
      can('update', 'Staff', { id: { $ne: actor.id } });
      can('sweep', 'Retention');
      break;
  }
  return build();

  /** Break-glass: anyone of the two roles may ask; two others approve; only the asker sees. */
  function unmasking(id: string, at: string) {
    can('request', 'Unmask');
    can('approve', 'Unmask', { requested_by: { $ne: id }, approvals: { $nin: [id] } });
    can('read', 'Unmask', [...UNMASK_FIELDS]);
    can('read', 'Unmask', [...UNMASKED_FIELDS], {
      requested_by: id,
      status: 'approved',
      expires_at: { $gt: at },
    });
  }
}
