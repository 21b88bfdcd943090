// Which fields of each API object (docs/review-design.md, "API shapes") a role may receive.
// Allow-lists: a field not named here never leaves the server, whatever else the route puts in
// the object it projects (such as the `assignee` a condition needs).

/** Never sent to a reviewer or lead, under any of these names. */
export const IDENTIFYING_FIELDS = [
  'subject',
  'account',
  'platform',
  'identity',
  'name',
  'first_name',
  'device',
  'device_id',
  'location',
  'source_url',
  'record',
  'record_id',
  'item',
  'item_id',
  'raw',
  'raw_text',
  'raw_audio',
  'raw_audio_url',
  'media',
  'provenance',
] as const;

/** A reviewer's TaskView: the redacted content, its labels, their assignment and quota. */
export const REVIEWER_TASK_FIELDS = [
  'id',
  'kind',
  'status',
  'text',
  'words',
  'redacted_ranges',
  'duration',
  'labels',
  'questions',
  'assignment',
  'quota',
] as const;

/** A lead also sees who is assigned, the overlap wanted and the answers given, to adjudicate. */
export const LEAD_TASK_FIELDS = [
  ...REVIEWER_TASK_FIELDS,
  'assignee',
  'k',
  'answers',
  'created_at',
] as const;

/** A flag as trust_safety reads it (FlagSummary, with the task's redacted view). */
export const FLAG_FIELDS = [
  'id',
  'task_id',
  'category',
  'note',
  'status',
  'created_at',
  'outcome',
  'resolved_by',
  'resolved_at',
  // trust_safety's note on the resolution (only trust_safety is granted Flag fields).
  'resolved_note',
  'task',
] as const;

/** Revealing a flag adds the unredacted content and its provenance (logged as `reveal`). */
export const REVEALED_FLAG_FIELDS = [
  ...FLAG_FIELDS,
  'provenance',
  'raw_text',
  'raw_audio_url',
] as const;

/** An unmask request as both unmasking roles see it. */
export const UNMASK_FIELDS = [
  'id',
  'task_id',
  'requested_by',
  'justification',
  'approvals',
  'status',
  'created_at',
  'expires_at',
] as const;

/** The identity, for the requester only, while an approved unmask lasts (logged as `unmask`). */
export const UNMASKED_FIELDS = [...UNMASK_FIELDS, 'identity'] as const;

/** An item's provenance as revealed to trust_safety. */
export const PROVENANCE_FIELDS = [
  'record_id',
  'input',
  'line',
  'source_url',
  'dataset',
  'dataset_version',
  'collected_at',
  'collector',
  'license',
  'created_at',
  'visibility',
  'subject',
] as const;

export const STAFF_FIELDS = [
  'id',
  'username',
  'role',
  'disabled',
  'created_at',
  'daily_quota',
] as const;
