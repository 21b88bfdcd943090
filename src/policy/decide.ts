import type { ConsentState } from '../consent/consent-state.js';
import type { ItemFacts } from '../records/index.js';
import { REGION_GROUPS } from '../records/index.js';
import type { Inclusion, Policy, Reason } from './policy.js';

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
  const reasons: Reason[] = [];
  if (policy.exclude_private && item.visibility === 'private') reasons.push('private');
  if (policy.exclude_minors && item.age === 'minor') reasons.push('minor');
  if (policy.unknown_age === 'exclude' && item.age === 'unknown') reasons.push('age_unknown');
  if (consent === 'objected') reasons.push('objected');
  // An objection always excludes; only a consent lifts an opt-in default.
  if (consent !== 'consented' && compiled.defaultFor(item.region) === 'exclude') {
    reasons.push('no_consent');
  }
  if (policy.honor_tdm_reservation && item.tdmReserved) reasons.push('tdm_reserved');
  return reasons.length === 0 ? ADMIT : { admit: false, reasons };
}
