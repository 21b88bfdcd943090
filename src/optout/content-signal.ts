import type { OptoutPolicy } from '../policy/index.js';
import { mostSpecific } from './aipref.js';
import { normalisePath } from './path-pattern.js';
import { statusClass } from './robots.js';
import { groupsFor, type PrefixedLine, robotsOf } from './robots-txt.js';
import {
  captureConsulted,
  type OptoutInput,
  pathOf,
  type Signal,
  type SignalOutcome,
} from './signal.js';

/**
 * content_signal: `Content-Signal:` lines (contentsignals.org, 2025) in the robots.txt groups
 * that apply to the listed agents, e.g. `Content-Signal: search=yes, ai-train=no`.
 * `ai-train=no` reserves. A line may start with a path; the longest matching one applies, as
 * for Content-Usage. A line that is not `key=yes|no` pairs is unparseable.
 */
export function evaluateContentSignal(input: OptoutInput, policy: OptoutPolicy): SignalOutcome {
  const path = pathOf(input.url);
  const capture = input.robots;
  if (path === undefined || !capture || statusClass(capture) !== 'ok') {
    return { reserving: [], notes: [], consulted: [] };
  }
  const reserving: Signal[] = [];
  const notes: Signal[] = [];
  const robots = robotsOf(capture);
  const seen = new Set<PrefixedLine>();
  for (const agent of policy.user_agents) {
    const lines = mostSpecific(
      groupsFor(robots, agent).flatMap((g) => g.contentSignal),
      normalisePath(path),
    );
    for (const line of lines) {
      if (seen.has(line)) continue;
      seen.add(line);
      const label = `line ${line.line}: Content-Signal: ${line.value}`;
      const read = readContentSignal(line.value);
      if (typeof read === 'string') {
        (policy.unparseable === 'exclude' ? reserving : notes).push({
          type: 'content_signal',
          where: 'robots.txt',
          detail: `${label} not parseable (${read}); unparseable is "${policy.unparseable}"`,
        });
        continue;
      }
      const s: Signal = { type: 'content_signal', where: 'robots.txt', detail: label };
      (read.get('ai-train') === 'no' ? reserving : notes).push(s);
    }
  }
  return {
    reserving,
    notes,
    consulted: [captureConsulted('content_signal', 'robots.txt', capture)],
  };
}

/** `search=yes, ai-train=no` → its pairs; keys other than ai-train decide nothing here. */
export function readContentSignal(value: string): Map<string, 'yes' | 'no'> | string {
  const out = new Map<string, 'yes' | 'no'>();
  for (const part of value.split(',')) {
    const [key, val, ...extra] = part.split('=').map((s) => s.trim().toLowerCase());
    if (!key || extra.length > 0 || (val !== 'yes' && val !== 'no')) {
      return `"${part.trim()}" is not key=yes or key=no`;
    }
    out.set(key, val);
  }
  return out;
}
