export {
  FLAG_FIELDS,
  IDENTIFYING_FIELDS,
  LEAD_TASK_FIELDS,
  PROVENANCE_FIELDS,
  REVEALED_FLAG_FIELDS,
  REVIEWER_TASK_FIELDS,
  STAFF_FIELDS,
  UNMASK_FIELDS,
  UNMASKED_FIELDS,
} from './fields.js';
export {
  ACTIONS,
  type Action,
  type ActionOn,
  type Actor,
  type AppAbility,
  abilityFor,
  SUBJECT_TYPES,
  type SubjectObject,
  type SubjectType,
} from './policy.js';
export { asSubject, authorize, can, project } from './project.js';
