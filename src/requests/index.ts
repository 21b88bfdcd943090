export { type AccessReport, buildAccessReport } from './access-report.js';
export type { RequestContext } from './context.js';
export { carryOutErasure, type ErasureOutcome, type ErasureStep } from './erasure.js';
export {
  eraseForRequest,
  erasureAnswer,
  findRequest,
  type OpenRequestsPage,
  openRequestsPage,
} from './queue.js';
