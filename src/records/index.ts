export {
  CANARY_ACCOUNT_PREFIX,
  CONSENT_ACTIONS,
  CONSENT_CHANNELS,
  type ConsentAction,
  type ConsentChannel,
  type ConsentEvent,
  type ConsentEventInput,
  IMPORTABLE_CHANNELS,
  validateConsentEvent,
} from './consent-event.js';
export {
  AGES,
  type Age,
  ITEM_KINDS,
  type ItemFacts,
  type ItemKind,
  PURPOSES,
  type Purpose,
  type SubjectAccount,
  VISIBILITIES,
  type Visibility,
} from './item-record.js';
export {
  applyMapping,
  MAPPING_ERROR_FIELD,
  type Mapped,
  type Mapping,
  parseMapping,
} from './mapping.js';
export { EEA_MEMBERS, EU_MEMBERS, normaliseRegion, REGION_GROUPS } from './regions.js';
export {
  describePath,
  type JsonPath,
  MAX_RECORD_DEPTH,
  parseStrictJson,
  type StrictJson,
  type StrictJsonError,
  scanStrictJson,
} from './strict-json.js';
export { isRfc3339, parseRfc3339 } from './time.js';
export { isWellFormed } from './unicode.js';
export { isObject, PROVENANCE_FIELD, type Validation, validateItem } from './validate-item.js';
