export { consentEntry } from './consent-entry.js';
export { ConsentIndex, type SharedConsentIndex } from './consent-index.js';
export type {
  ConsentRegister,
  NewConsentEvent,
  ScannedConsentEvent,
  StoredConsentEvent,
} from './consent-register.js';
export { type ConsentState, foldConsent, stateAfter } from './consent-state.js';
export type {
  IdentityLinkRegister,
  NewIdentityLink,
  StoredIdentityLink,
} from './identity-links.js';
export {
  DEFAULT_CONSENT_CLOCK_SKEW_S,
  type ImportOptions,
  type ImportResult,
  importConsentFile,
  type RejectedLine,
} from './import-events.js';
export {
  importIdentityLinks,
  type LinkImportResult,
  type LinkLine,
  parseLinkLine,
} from './import-links.js';
export {
  type DecisionFact,
  groupOf,
  identityGroups,
  type LinkFact,
  linkedState,
} from './linked-state.js';
export { pseudonymise } from './pseudonym.js';
export {
  createPseudonymTable,
  PseudonymCache,
  type SharedPseudonymTable,
} from './pseudonym-cache.js';
export { type ConsentRequest, type RecordedConsent, recordConsentEvent } from './record-event.js';
export {
  EMAIL_PLATFORM,
  emailIdentity,
  ensureLinked,
  type Identity,
  type LinkRequest,
  pseudonymOf,
  type RecordedLink,
  recordIdentityLink,
} from './record-link.js';
export {
  type ConsentSnapshot,
  loadConsentSnapshot,
  type SnapshotData,
  snapshotData,
  snapshotFromData,
} from './snapshot.js';
export {
  consentStatus,
  linkedStatus,
  linksAround,
  type PurposeStatus,
  type SubjectStatus,
  subjectStatus,
} from './status.js';
export {
  SUBJECT_REQUEST_KINDS,
  SUBJECT_REQUEST_STATUSES,
  type SubjectRequest,
  type SubjectRequestRegister,
} from './subject-requests.js';
