// Which fields of each resource a role may receive. Allow-lists: a field not named here never
// leaves the server, whatever the route puts in the object it projects.

/** Never sent to a reviewer or lead, under any name listed here. */
export const IDENTIFYING_FIELDS = [
  'subject',
  'account',
  'platform',
  'name',
  'firstName',
  'device',
  'deviceId',
  'location',
  'sourceUrl',
  'source',
  'record',
  'raw',
  'rawAudio',
  'rawMedia',
  'media',
  'derivedMedia',
  'provenance',
] as const;

/** A reviewer's task: the redacted view and the assignment, under the task's random id only. */
export const REVIEWER_TASK_FIELDS = [
  'id',
  'kind',
  'status',
  'view',
  'assignedAt',
  'expiresAt',
] as const;

/** A lead also sees the item id, the overlap and who is assigned, for adjudication. */
export const LEAD_TASK_FIELDS = [
  ...REVIEWER_TASK_FIELDS,
  'item',
  'k',
  'assignee',
  'answers',
  'createdAt',
] as const;

/** A flag as trust_safety reads it: the reviewer's report and the redacted view. */
export const FLAG_FIELDS = [
  'id',
  'task',
  'reviewer',
  'category',
  'note',
  'status',
  'createdAt',
  'resolution',
  'resolvedBy',
  'resolvedAt',
  'kind',
  'view',
] as const;

/** Revealing a flag adds the unredacted content; who the subject is still needs an unmask. */
export const REVEALED_FLAG_FIELDS = [...FLAG_FIELDS, 'raw'] as const;

export const UNMASK_FIELDS = [
  'id',
  'task',
  'requester',
  'justification',
  'approvers',
  'status',
  'createdAt',
  'approvedAt',
  'expiresAt',
] as const;

/** Only for the requester, only while an approved unmask lasts. */
export const UNMASKED_FIELDS = [...UNMASK_FIELDS, 'subject', 'provenance'] as const;

/** An item's provenance (as in `src/safety/finding.ts`), for an approved unmask. */
export const PROVENANCE_FIELDS = [
  'recordId',
  'input',
  'line',
  'sourceUrl',
  'dataset',
  'datasetVersion',
  'collectedAt',
  'collector',
  'license',
  'createdAt',
  'visibility',
  'subject',
] as const;

export const STAFF_FIELDS = [
  'id',
  'username',
  'role',
  'disabled',
  'createdAt',
  'dailyQuota',
] as const;
