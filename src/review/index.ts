export { type AccessEvent, recordAccess, recordDeletion } from './access.js';
export { type AccessRecord, accessReport } from './access-report.js';
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
export * as ids from './ids.js';
export * from './model.js';
export {
  type RetentionOptions,
  type RetentionSchedule,
  type SweepResult,
  scheduleRetention,
  sweepRetention,
} from './retention.js';
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
} from './tasks.js';
export {
  parseLabelsSchema,
  validateAnswer,
  validateFlag,
  validateJustification,
} from './validate.js';
export { reviewView } from './view.js';
