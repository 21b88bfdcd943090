export { type CompiledPolicy, compilePolicy, type Decision, decide } from './decide.js';
export { canonicalPolicyJson, parsePolicy } from './parse-policy.js';
export { DEFAULT_POLICY, type Inclusion, type Policy, REASONS, type Reason } from './policy.js';
