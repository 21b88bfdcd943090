import type { ConsentState } from '../consent/consent-state.js';
import type { ItemFacts } from '../records/index.js';
import { REGION_GROUPS } from '../records/index.js';
import { type Inclusion, type Policy, REASONS, type Reason } from './policy.js';

export type Decision =
  | { readonly admit: true }
  | { readonly admit: false; readonly reasons: readonly Reason[] };

const ADMIT: Decision = Object.freeze({ admit: true });

/**
 * A policy compiled for fast per-item decisions: the region overrides are expanded once to a
 * map from country code to default, so deciding an item is a handful of comparisons.
 */
export interface CompiledPolicy {
  readonly policy: Policy;
  defaultFor(region: string | undefined): Inclusion;
}

export function compilePolicy(policy: Policy): CompiledPolicy {
  const byCountry = new Map<string, Inclusion>();
  // Less specific first, so a more specific key overwrites: EEA, then EU, then a country.
  for (const group of ['EEA', 'EU']) {
    const override = policy.regions[group];
    if (!override) continue;
    for (const country of REGION_GROUPS[group]!) byCountry.set(country, override.default);
  }
  for (const [key, override] of Object.entries(policy.regions)) {
    if (!(key in REGION_GROUPS)) byCountry.set(key, override.default);
  }
  return {
    policy,
    defaultFor: (region) => (region && byCountry.get(region)) || policy.default,
  };
}

/**
 * Decides one item. Every applicable reason is reported, not just the first, so a privacy
 * officer can see that, say, a private post by an objector was doubly excluded.
 */
export function decide(item: ItemFacts, consent: ConsentState, compiled: CompiledPolicy): Decision {
  const { policy } = compiled;
  // The reasons as bits in REASONS order: the decision for each set of reasons is made once
  // and shared, not an array and an object for each of the half of a build's items excluded.
  let reasons = 0;
  if (policy.exclude_private && item.visibility === 'private') reasons |= PRIVATE;
  if (policy.exclude_minors && item.age === 'minor') reasons |= MINOR;
  if (policy.unknown_age === 'exclude' && item.age === 'unknown') reasons |= AGE_UNKNOWN;
  if (consent === 'objected') reasons |= OBJECTED;
  // An objection always excludes; only a consent lifts an opt-in default.
  if (consent !== 'consented' && compiled.defaultFor(item.region) === 'exclude') {
    reasons |= NO_CONSENT;
  }
  if (policy.honor_tdm_reservation && item.tdmReserved) reasons |= TDM_RESERVED;
  if (reasons === 0) return ADMIT;
  let excluded = EXCLUDED[reasons];
  if (excluded === undefined) {
    excluded = excludedFor(reasons);
    EXCLUDED[reasons] = excluded;
  }
  return excluded;
}

const bit = (reason: Reason) => 1 << REASONS.indexOf(reason);
const PRIVATE = bit('private');
const MINOR = bit('minor');
const AGE_UNKNOWN = bit('age_unknown');
const OBJECTED = bit('objected');
const NO_CONSENT = bit('no_consent');
const TDM_RESERVED = bit('tdm_reserved');
/** The exclusion for each set of reasons decide() gives, made when first needed; frozen, shared. */
const EXCLUDED: (Decision | undefined)[] = new Array(1 << REASONS.length);

function excludedFor(reasons: number): Decision {
  const list = REASONS.filter((_, k) => (reasons & (1 << k)) !== 0);
  return Object.freeze({ admit: false, reasons: Object.freeze(list) });
}
