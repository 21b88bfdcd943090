import type { Purpose } from '../records/index.js';
import type { OptoutPolicy } from './optout-policy.js';

export type Inclusion = 'include' | 'exclude';

/** A policy for one purpose: what happens to an item when the subject has decided nothing, and which items are always out. */
export interface Policy {
  readonly purpose: Purpose;
  /** No decision recorded: include (opt-out regime) or exclude (opt-in regime). */
  readonly default: Inclusion;
  /** Per-region overrides keyed by ISO 3166-1 alpha-2 code or by the groups EU and EEA. */
  readonly regions: Readonly<Record<string, { readonly default: Inclusion }>>;
  readonly exclude_private: boolean;
  readonly exclude_minors: boolean;
  readonly unknown_age: Inclusion;
  readonly honor_tdm_reservation: boolean;
  /** Redaction of personal data in admitted items; absent (the default) leaves them as they are. */
  readonly redact?: RedactPolicy;
  /**
   * Which web opt-outs (robots.txt, AIPREF, TDMRep, noai, Content-Signal) are honoured; absent
   * means DEFAULT_OPTOUT. `honor_tdm_reservation: false` switches all of them off.
   */
  readonly optout?: OptoutPolicy;
}

/** How admitted items' `text` and `transcript` are redacted before they are written. */
export interface RedactPolicy {
  readonly enabled: boolean;
  /** Per entity type; types not listed use `default`. */
  readonly operators: Readonly<Record<string, RedactOperator>>;
  readonly default: RedactOperator;
  /** Findings scoring below this are kept. */
  readonly min_score: number;
  /**
   * The environment variable holding the key of the `hash` operator (its UTF-8 bytes). The key
   * itself never appears in a policy file.
   */
  readonly key_env: string;
}

export const REDACT_OPERATORS = ['placeholder', 'mask', 'hash', 'remove'] as const;
export type RedactOperator = (typeof REDACT_OPERATORS)[number];
export const DEFAULT_REDACT_KEY_ENV = 'OBHUT_PII_KEY';

export const DEFAULT_POLICY: Policy = Object.freeze({
  purpose: 'ai_training',
  default: 'include',
  regions: {},
  exclude_private: true,
  exclude_minors: true,
  unknown_age: 'include',
  honor_tdm_reservation: true,
});

/** Exclusion reasons, in the order they are reported. */
export const REASONS = [
  'private',
  'minor',
  'age_unknown',
  'objected',
  'no_consent',
  'tdm_reserved',
  // Set by a build's safety scan, not by the policy: the item's media matched a hash bank.
  'safety_match',
] as const;
export type Reason = (typeof REASONS)[number];
