import type { OptoutPolicy } from '../policy/index.js';
import {
  type Consulted,
  headerValues,
  type OptoutInput,
  type Signal,
  type SignalOutcome,
} from './signal.js';

/**
 * noai: the `noai` directive (any item) and `noimageai` (image items) in `X-Robots-Tag`
 * headers and in `<meta name="robots">`, or in a header or meta addressed to one of the
 * listed agents (`X-Robots-Tag: GPTBot: noai`, `<meta name="GPTBot" content="noai">`).
 * Directives addressed to other agents do not apply.
 */
export function evaluateNoai(input: OptoutInput, policy: OptoutPolicy): SignalOutcome {
  const agents = new Set(policy.user_agents.map((a) => a.toLowerCase()));
  const wanted = input.kind === 'image' ? ['noai', 'noimageai'] : ['noai'];
  const reserving: Signal[] = [];
  const consulted: Consulted[] = [];
  const check = (where: 'header' | 'meta', label: string, directives: string[]) => {
    const hits = directives.filter((d) => wanted.includes(d));
    if (hits.length > 0)
      reserving.push({ type: 'noai', where, detail: `${label}: ${hits.join(', ')}` });
  };
  if (input.headers) {
    consulted.push({ type: 'noai', where: 'header' });
    for (const value of headerValues(input.headers, 'x-robots-tag')) {
      const { agent, directives } = splitXRobotsTag(value);
      if (agent === undefined || agents.has(agent)) {
        check('header', `X-Robots-Tag${agent ? ` (${agent})` : ''}`, directives);
      }
    }
  }
  if (input.meta) {
    consulted.push({ type: 'noai', where: 'meta' });
    for (const { name, content } of input.meta) {
      const n = name.toLowerCase();
      if (n === 'robots' || agents.has(n)) {
        check('meta', `meta ${name}`, directiveList(content));
      }
    }
  }
  return { reserving, notes: [], consulted };
}

/**
 * `X-Robots-Tag: googlebot: noindex, nofollow` addresses one agent; a value without such a
 * prefix applies to all. A prefix is a word followed by ":" that is not itself a directive
 * taking a value (such as `unavailable_after: …`).
 */
function splitXRobotsTag(value: string): { agent?: string; directives: string[] } {
  const match = /^\s*([A-Za-z_-]+)\s*:(.*)$/.exec(value);
  if (match && !VALUE_DIRECTIVES.has(match[1]!.toLowerCase())) {
    return { agent: match[1]!.toLowerCase(), directives: directiveList(match[2]!) };
  }
  return { directives: directiveList(value) };
}

const VALUE_DIRECTIVES = new Set([
  'unavailable_after',
  'max-snippet',
  'max-image-preview',
  'max-video-preview',
]);

function directiveList(text: string): string[] {
  return text
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter((d) => d.length > 0);
}
