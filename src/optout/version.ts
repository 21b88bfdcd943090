/**
 * Names the evaluator's rules in every manifest that used it. Raise it whenever a signal's
 * reading changes (a new vocabulary term, a different precedence), so two builds' decisions
 * are known to be comparable only when their versions match.
 */
export const OPTOUT_EVALUATOR_VERSION =
  'obhut-optout/1 (RFC 9309; aipref-vocab+attach 2026; TDMRep 2024; noai; Content-Signal 2025)';
