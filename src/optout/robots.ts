import type { OptoutPolicy } from '../policy/index.js';
import { normalisePath, patternMatches } from './path-pattern.js';
import { groupsFor, type PathRule, type RobotsTxt, robotsOf } from './robots-txt.js';
import {
  type Capture,
  captureConsulted,
  type OptoutInput,
  pathOf,
  type Signal,
  type SignalOutcome,
} from './signal.js';

export interface RobotsVerdict {
  readonly allowed: boolean;
  /** The deciding rule, when one matched. */
  readonly rule?: PathRule;
}

/**
 * RFC 9309 2.2.2: the longest matching rule decides (its length in octets, normalised); on a
 * tie Allow wins; no matching rule allows. /robots.txt itself is always allowed.
 */
export function robotsAllows(robots: RobotsTxt, userAgent: string, path: string): RobotsVerdict {
  const target = normalisePath(path);
  if (target === '/robots.txt') return { allowed: true };
  let best: PathRule | undefined;
  for (const group of groupsFor(robots, userAgent)) {
    for (const rule of group.rules) {
      if (!patternMatches(rule.pattern, target)) continue;
      if (
        !best ||
        rule.pattern.length > best.pattern.length ||
        (rule.pattern.length === best.pattern.length && rule.allow && !best.allow)
      ) {
        best = rule;
      }
    }
  }
  return best ? { allowed: best.allow, rule: best } : { allowed: true };
}

/**
 * robots: reserved when any listed agent may not fetch the item's URL. A capture answered with
 * 4xx means "no robots.txt" and allows (RFC 9309 2.3.1.3); 5xx means the crawler must assume
 * complete disallow (2.3.1.4). No capture at all follows the policy's `missing_robots`.
 */
export function evaluateRobots(input: OptoutInput, policy: OptoutPolicy): SignalOutcome {
  const path = pathOf(input.url);
  if (path === undefined) return { reserving: [], notes: [], consulted: [] };
  const capture = input.robots;
  if (!capture) {
    const missing: Signal = {
      type: 'robots',
      where: 'robots.txt',
      detail: `no robots.txt captured for the host; missing_robots is "${policy.missing_robots}"`,
    };
    return policy.missing_robots === 'exclude'
      ? { reserving: [missing], notes: [], consulted: [] }
      : { reserving: [], notes: [missing], consulted: [] };
  }
  const consulted = [captureConsulted('robots', 'robots.txt', capture)];
  const status = statusClass(capture);
  if (status === 'unreachable') {
    return {
      reserving: [
        {
          type: 'robots',
          where: 'robots.txt',
          detail: `robots.txt answered HTTP ${capture.status}: complete disallow (RFC 9309 2.3.1.4)`,
        },
      ],
      notes: [],
      consulted,
    };
  }
  if (status === 'unavailable') {
    return {
      reserving: [],
      notes: [
        {
          type: 'robots',
          where: 'robots.txt',
          detail: `robots.txt answered HTTP ${capture.status}: no rules (RFC 9309 2.3.1.3)`,
        },
      ],
      consulted,
    };
  }
  const robots = robotsOf(capture);
  // One signal per deciding rule, naming every agent it shuts out.
  const byRule = new Map<PathRule, string[]>();
  for (const agent of policy.user_agents) {
    const verdict = robotsAllows(robots, agent, path);
    if (!verdict.allowed) {
      const agents = byRule.get(verdict.rule!) ?? [];
      agents.push(agent);
      byRule.set(verdict.rule!, agents);
    }
  }
  const reserving: Signal[] = [...byRule].map(([rule, agents]) => ({
    type: 'robots',
    where: 'robots.txt',
    detail: `${agents.join(', ')}: "Disallow: ${rule.pattern}" (line ${rule.line})`,
  }));
  const notes: Signal[] = robots.truncated
    ? [
        {
          type: 'robots',
          where: 'robots.txt',
          detail: 'robots.txt read up to 500 KiB (RFC 9309 2.5)',
        },
      ]
    : [];
  return { reserving, notes, consulted };
}

/** How a robots.txt capture's HTTP status is read (RFC 9309 2.3.1). */
export function statusClass(capture: Capture): 'ok' | 'unavailable' | 'unreachable' {
  if (capture.status >= 500) return 'unreachable';
  if (capture.status >= 400) return 'unavailable';
  return 'ok';
}
