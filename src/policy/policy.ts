import type { Purpose } from '../records/index.js';

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
}

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
] as const;
export type Reason = (typeof REASONS)[number];
