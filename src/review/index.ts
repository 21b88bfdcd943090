export { type AccessEvent, recordAccess, recordDeletion } from './access.js';
export {
  type AccessRecord,
  accessReport,
  subjectAccessReport,
  subjectAccessReportPage,
} from './access-report.js';
export type { ReviewActor } from './actor.js';
export * from './api-types.js';
export {
  type EnqueueOptions,
  type EnqueueResult,
  enqueueForReview,
  type PrepareAudio,
  type PrepareImage,
} from './enqueue.js';
export {
  approveUnmask,
  placeHold,
  releaseHold,
  requestUnmask,
  resolveFlag,
  revealFlag,
  unmaskRaw,
} from './escalation.js';
export { mediaPath, reviewRoot, wavDuration } from './files.js';
export { guidanceLang } from './flag-guidance.js';
export {
  closeFlag,
  FLAG_OUTCOME_EFFECTS,
  listFlags,
  readFlag,
  revealProvenance,
} from './flag-service.js';
export { listHolds, placeLegalHold, releaseLegalHold } from './hold-service.js';
export * as ids from './ids.js';
export { issueMediaLink, redeemMediaLink } from './media-service.js';
export { MEDIA_TOKEN_PATTERN, MediaTokens } from './media-tokens.js';
export * from './model.js';
export {
  DEFAULT_PAGE_LIMIT,
  decodeCursor,
  encodeCursor,
  MAX_CURSOR_LENGTH,
  MAX_PAGE_LIMIT,
  type Page,
  type PageRequest,
} from './page.js';
export { queueCounts } from './queue-counts.js';
export {
  type RetentionOptions,
  type RetentionSchedule,
  type SweepResult,
  scheduleRetention,
  sweepRetention,
} from './retention.js';
export { sweepNow } from './retention-sweep.js';
export {
  type Candidate,
  canApprove,
  DEFAULT_RULES,
  DEFAULT_UNMASK_MINUTES,
  dayStart,
  type ExposureSummary,
  exposureMs,
  exposureReached,
  IMAGE_EXPOSURE_SECONDS,
  ineligible,
  mayUnmask,
  pickTask,
  type ReviewerLoad,
  summariseExposure,
  UNMASK_APPROVALS,
  unmaskStatus,
} from './rules.js';
export type { SpentMediaLinks } from './spent-media-links.js';
export { addStaffMember, changeStaffMember, listStaff } from './staff-admin.js';
export {
  answerHeldTask,
  flagHeldTask,
  readTask,
  releaseHeldTask,
  takeNextTask,
} from './task-service.js';
export {
  answerTask,
  flagTask,
  listenToTask,
  type OpenedTask,
  openTask,
  type ReviewContext,
  releaseTask,
  reviewContext,
  taskAndItem,
  withdrawItem,
} from './tasks.js';
export { approveUnmaskRequest, askToUnmask, readUnmaskRequest } from './unmask-service.js';
export {
  parseLabelsSchema,
  validateAnswer,
  validateFlag,
  validateJustification,
} from './validate.js';
