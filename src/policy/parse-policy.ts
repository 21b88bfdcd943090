import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import * as z from 'zod';
import { normaliseRegion, PURPOSES, REGION_GROUPS } from '../records/index.js';
import type { Validation } from '../records/validate-item.js';
import { formatZodError } from '../records/zod-errors.js';
import { DEFAULT_OPTOUT, type OptoutPolicy, SIGNAL_TYPES } from './optout-policy.js';
import {
  DEFAULT_POLICY,
  DEFAULT_REDACT_KEY_ENV,
  type Policy,
  REDACT_OPERATORS,
  type RedactPolicy,
} from './policy.js';

const inclusion = z.enum(['include', 'exclude']);

const regions = z
  .record(z.string(), z.strictObject({ default: inclusion }))
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (key in REGION_GROUPS || normaliseRegion(key) === key) continue;
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `unknown region "${key}": region keys must be "EU", "EEA" or an upper-case ISO 3166-1 alpha-2 code such as "DE"`,
      });
    }
  });

const operator = z.enum(REDACT_OPERATORS);

const redact = z.strictObject({
  enabled: z.boolean(),
  operators: z
    .record(
      z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'entity types are upper case, such as PERSON'),
      operator,
    )
    .default({}),
  default: operator.default('placeholder'),
  min_score: z.number().min(0).max(1).default(0.5),
  key_env: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the name of an environment variable')
    .default(DEFAULT_REDACT_KEY_ENV),
});

const optoutChoice = z.enum(['allow', 'exclude']);

const optout = z.strictObject({
  user_agents: z
    .array(
      z
        .string()
        .regex(
          /^[A-Za-z_-]+$/,
          'a user agent is a robots.txt product token: letters, "_" and "-" (RFC 9309)',
        ),
    )
    .min(1)
    .default([...DEFAULT_OPTOUT.user_agents]),
  signals: z.array(z.enum(SIGNAL_TYPES)).default([...DEFAULT_OPTOUT.signals]),
  missing_robots: optoutChoice.default(DEFAULT_OPTOUT.missing_robots),
  unparseable: optoutChoice.default(DEFAULT_OPTOUT.unparseable),
});

// Unknown keys are errors: a misspelt "exclude_minor" must not silently fall back to a default.
const policySchema = z.strictObject({
  purpose: z.enum(PURPOSES).default(DEFAULT_POLICY.purpose),
  default: inclusion.default(DEFAULT_POLICY.default),
  regions: regions.default({}),
  exclude_private: z.boolean().default(DEFAULT_POLICY.exclude_private),
  exclude_minors: z.boolean().default(DEFAULT_POLICY.exclude_minors),
  unknown_age: inclusion.default(DEFAULT_POLICY.unknown_age),
  honor_tdm_reservation: z.boolean().default(DEFAULT_POLICY.honor_tdm_reservation),
  redact: redact.optional(),
  optout: optout.optional(),
});

// yaml (CommonJS, ~60 modules) is required when a policy is first parsed, not imported: a build
// with the default policy never parses one (issue 13, a build's fixed cost).
let yaml: typeof Yaml | undefined;
function parseYaml(text: string, options: Yaml.ToJSOptions): unknown {
  yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return yaml.parse(text, options);
}

/** Parses a policy from JSON or YAML text (JSON is YAML, so one parser reads both). */
export function parsePolicy(text: string): Validation<Policy> {
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: 100 });
  } catch (err) {
    return { ok: false, error: `not valid JSON or YAML: ${(err as Error).message.split('\n')[0]}` };
  }
  const parsed = policySchema.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, error: formatZodError(parsed.error) };
  // Redaction switched off is the same policy as no redaction at all, with the same digest.
  const { redact: r, optout: o, ...rest } = parsed.data;
  return {
    ok: true,
    value: {
      ...rest,
      ...(r?.enabled ? { redact: r } : {}),
      ...(o === undefined ? {} : { optout: o }),
    },
  };
}

/** The policy in a fixed key order, so its bytes (and digest) do not depend on how it was written. */
export function canonicalPolicyJson(policy: Policy): string {
  const regions = Object.fromEntries(
    Object.keys(policy.regions)
      .sort()
      .map((key) => [key, { default: policy.regions[key]!.default }]),
  );
  return JSON.stringify({
    purpose: policy.purpose,
    default: policy.default,
    regions,
    exclude_private: policy.exclude_private,
    exclude_minors: policy.exclude_minors,
    unknown_age: policy.unknown_age,
    honor_tdm_reservation: policy.honor_tdm_reservation,
    ...(policy.redact?.enabled ? { redact: canonicalRedact(policy.redact) } : {}),
    // Only when written: policies from before opt-outs keep their digest.
    ...(policy.optout ? { optout: canonicalOptout(policy.optout) } : {}),
  });
}

/** Agents and signals sorted and without repeats: a list's order changes no decision. */
export function canonicalOptout(o: OptoutPolicy): OptoutPolicy {
  return {
    user_agents: [...new Set(o.user_agents)].sort(),
    signals: SIGNAL_TYPES.filter((type) => o.signals.includes(type)),
    missing_robots: o.missing_robots,
    unparseable: o.unparseable,
  };
}

function canonicalRedact(r: RedactPolicy): RedactPolicy {
  return {
    enabled: true,
    operators: Object.fromEntries(
      Object.keys(r.operators)
        .sort()
        .map((type) => [type, r.operators[type]!]),
    ),
    default: r.default,
    min_score: r.min_score,
    key_env: r.key_env,
  };
}
