/** The web opt-out signals the evaluator in src/optout knows, in the order they are reported. */
export const SIGNAL_TYPES = [
  'robots',
  'aipref',
  'tdmrep',
  'noai',
  'content_signal',
  'record',
] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];

export type OptoutChoice = 'allow' | 'exclude';

/** Which web opt-outs a build honours, and for which crawlers' names. */
export interface OptoutPolicy {
  /** robots.txt groups, Content-Signal lines and agent-specific X-Robots-Tag are read for these. */
  readonly user_agents: readonly string[];
  /** The signals evaluated; one left out is switched off. */
  readonly signals: readonly SignalType[];
  /** An item whose host has no captured robots.txt. */
  readonly missing_robots: OptoutChoice;
  /**
   * A signal that is present but cannot be parsed (tdmrep.json not JSON, a Content-Usage header
   * that is not a structured-field dictionary). `exclude` by default: the owner tried to say
   * something, and what they said cannot be shown to permit training.
   */
  readonly unparseable: OptoutChoice;
}

export const DEFAULT_OPTOUT: OptoutPolicy = Object.freeze({
  user_agents: Object.freeze([
    'CCBot',
    'GPTBot',
    'Google-Extended',
    'ClaudeBot',
    'anthropic-ai',
    'Applebot-Extended',
    'meta-externalagent',
    'Bytespider',
    'PerplexityBot',
    'cohere-training-data-crawler',
  ]),
  signals: SIGNAL_TYPES,
  missing_robots: 'allow',
  unparseable: 'exclude',
}) as OptoutPolicy;
