export { type CompiledPolicy, compilePolicy, type Decision, decide } from './decide.js';
export {
  DEFAULT_OPTOUT,
  type OptoutChoice,
  type OptoutPolicy,
  SIGNAL_TYPES,
  type SignalType,
} from './optout-policy.js';
export { canonicalOptout, canonicalPolicyJson, parsePolicy } from './parse-policy.js';
export {
  DEFAULT_POLICY,
  DEFAULT_REDACT_KEY_ENV,
  type Inclusion,
  type Policy,
  REASONS,
  REDACT_OPERATORS,
  type Reason,
  type RedactOperator,
  type RedactPolicy,
} from './policy.js';
