import {
  DEFAULT_OPTOUT,
  type OptoutPolicy,
  type Policy,
  type SignalType,
} from '../policy/index.js';
import { evaluateAipref } from './aipref.js';
import { evaluateContentSignal } from './content-signal.js';
import { evaluateNoai } from './noai.js';
import { evaluateRecord } from './record.js';
import { evaluateRobots } from './robots.js';
import type { Consulted, OptoutInput, Signal, SignalOutcome } from './signal.js';
import { evaluateTdmrep } from './tdmrep.js';

export interface OptoutDecision {
  readonly reserved: boolean;
  /** Every signal that reserved the item; empty when none did. */
  readonly signals: readonly Signal[];
  /** Evidence that reserved nothing: unknown vocabulary, explicit permissions, let-through errors. */
  readonly notes: readonly Signal[];
  /** What was read, captures with their digests. */
  readonly consulted: readonly Consulted[];
}

export const EVALUATORS: Readonly<
  Record<SignalType, (input: OptoutInput, policy: OptoutPolicy) => SignalOutcome>
> = {
  robots: evaluateRobots,
  aipref: evaluateAipref,
  tdmrep: evaluateTdmrep,
  noai: evaluateNoai,
  content_signal: evaluateContentSignal,
  record: evaluateRecord,
};

/**
 * Decides one item against the opt-outs the policy names. The decision is the most
 * restrictive of the signals: one reservation from any of them reserves the item, and every
 * reserving signal is reported, not just the first.
 */
export function evaluateOptout(input: OptoutInput, policy: OptoutPolicy): OptoutDecision {
  const signals: Signal[] = [];
  const notes: Signal[] = [];
  const consulted: Consulted[] = [];
  for (const type of Object.keys(EVALUATORS) as SignalType[]) {
    if (!policy.signals.includes(type)) continue;
    const outcome = EVALUATORS[type](input, policy);
    signals.push(...outcome.reserving);
    notes.push(...outcome.notes);
    consulted.push(...outcome.consulted);
  }
  return { reserved: signals.length > 0, signals, notes, consulted };
}

/**
 * The opt-outs a policy honours: its `optout`, else the defaults; none at all when
 * `honor_tdm_reservation` is false, which stays the one switch for every reservation.
 */
export function effectiveOptout(policy: Policy): OptoutPolicy {
  const optout = policy.optout ?? DEFAULT_OPTOUT;
  return policy.honor_tdm_reservation ? optout : { ...optout, signals: [] };
}
