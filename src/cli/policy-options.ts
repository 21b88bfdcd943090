import { readFile } from 'node:fs/promises';
import { ObhutError } from '../errors/index.js';
import { type Policy, parsePolicy } from '../policy/index.js';
import { namedVariable } from '../runtime/config.js';

// What `obhut build` and `obhut review enqueue` both take: a policy file, repeated --input
// options, and the key of the policy's `hash` redaction operator.

/** Reads and checks a policy file (JSON or YAML); POLICY_INVALID says what is wrong. */
export async function loadPolicy(file: string): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ObhutError(
      'POLICY_INVALID',
      `cannot read policy ${file}: ${(err as Error).message}`,
      { cause: err },
    );
  }
  const parsed = parsePolicy(text);
  if (!parsed.ok) throw new ObhutError('POLICY_INVALID', `policy ${file}: ${parsed.error}`);
  return parsed.value;
}

/** The hash operator's key, from the environment variable the policy names (never the file). */
export function piiKeyOf(policy: Policy): { piiKey?: Uint8Array } {
  const name = policy.redact?.enabled ? policy.redact.key_env : undefined;
  const value = name === undefined ? undefined : namedVariable(name);
  if (value === undefined) return {};
  if (Buffer.byteLength(value) < 16)
    throw new ObhutError('CONFIG_INVALID', `${name} must be at least 16 bytes long`);
  return { piiKey: Buffer.from(value, 'utf8') };
}

/** Commander's accumulator for an option that may be repeated. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
