import { ObhutError } from '../errors/index.js';
import { usesHash } from '../pii/redact.js';
import type { Policy } from '../policy/index.js';

/**
 * Refuses, before anything is read, a policy that redacts with the hash operator when no key is
 * given: a build and a shard of one must fail alike, and before any output is written.
 */
export function requireRedactionKey(policy: Policy, piiKey: Uint8Array | undefined): void {
  const redact = policy.redact;
  if (
    redact?.enabled &&
    piiKey === undefined &&
    usesHash({ operators: redact.operators, default: redact.default })
  ) {
    throw new ObhutError(
      'CONFIG_INVALID',
      `the policy redacts with the hash operator, which needs a key in the environment variable ${redact.key_env}`,
    );
  }
}
