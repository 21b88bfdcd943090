export { evaluateAipref, readUsage } from './aipref.js';
export {
  type CaptureKind,
  CaptureSet,
  type DatedCapture,
  ROBOTS_PATH,
  TDMREP_PATH,
} from './capture-set.js';
export { evaluateContentSignal, readContentSignal } from './content-signal.js';
export {
  EVALUATORS,
  effectiveOptout,
  evaluateOptout,
  type OptoutDecision,
} from './evaluate.js';
export { isElement, metaTagsOf, metaTagsOfHtml } from './html-meta.js';
export { evaluateNoai } from './noai.js';
export { normalisePath, patternMatches } from './path-pattern.js';
export { evaluateRecord } from './record.js';
export { optoutInputOf } from './record-input.js';
export { evaluateRobots, robotsAllows } from './robots.js';
export { groupsFor, parseRobotsTxt } from './robots-txt.js';
export { parseDictionary } from './sf-dictionary.js';
export {
  type Capture,
  type Consulted,
  type HttpHeader,
  type MetaTag,
  type OptoutInput,
  SIGNAL_PLACES,
  type Signal,
  type SignalOutcome,
  type SignalPlace,
} from './signal.js';
export { evaluateTdmrep, parseTdmrepJson } from './tdmrep.js';
export { OPTOUT_EVALUATOR_VERSION } from './version.js';
