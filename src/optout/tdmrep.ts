import type { OptoutPolicy } from '../policy/index.js';
import { normalisePath, patternMatches } from './path-pattern.js';
import {
  type Consulted,
  captureConsulted,
  headerValues,
  type OptoutInput,
  pathOf,
  type Signal,
  type SignalOutcome,
  type SignalPlace,
} from './signal.js';

/** One rule of /.well-known/tdmrep.json. */
export interface TdmRule {
  readonly location: string;
  readonly reserved: boolean;
  readonly policy?: string;
}

/**
 * Reads /.well-known/tdmrep.json (W3C TDMRep, section 3.2): an array of rules, each with a
 * `location` pattern (robots.txt syntax, `*` and `$`), `tdm-reservation` 0 or 1 and an
 * optional `tdm-policy` URL. Returns an error text when the file is not such an array.
 */
export function parseTdmrepJson(text: string): TdmRule[] | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'tdmrep.json not valid JSON';
  }
  if (!Array.isArray(value)) return 'tdmrep.json is not an array of rules';
  const rules: TdmRule[] = [];
  for (const [i, rule] of value.entries()) {
    if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
      return `tdmrep.json rule ${i} is not an object`;
    }
    const r = rule as Record<string, unknown>;
    if (typeof r.location !== 'string' || r.location.length === 0) {
      return `tdmrep.json rule ${i} has no "location"`;
    }
    const reservation = r['tdm-reservation'];
    if (reservation !== 0 && reservation !== 1) {
      return `tdmrep.json rule ${i}: "tdm-reservation" must be 0 or 1`;
    }
    const policy = r['tdm-policy'];
    rules.push({
      location: r.location,
      reserved: reservation === 1,
      ...(typeof policy === 'string' ? { policy } : {}),
    });
  }
  return rules;
}

/**
 * tdmrep: the `tdm-reservation` response header, `<meta name="tdm-reservation">`, and the
 * host's tdmrep.json rules whose location matches the item's path. Any of them saying 1
 * reserves (when several tdmrep.json rules match, a reservation among them wins). A
 * `tdm-policy` is kept as evidence with the reservation it belongs to.
 */
export function evaluateTdmrep(input: OptoutInput, policy: OptoutPolicy): SignalOutcome {
  const reserving: Signal[] = [];
  const notes: Signal[] = [];
  const consulted: Consulted[] = [];
  const unparseable = (where: SignalPlace, detail: string) =>
    (policy.unparseable === 'exclude' ? reserving : notes).push({
      type: 'tdmrep',
      where,
      detail: `${detail}; unparseable is "${policy.unparseable}"`,
    });

  const sources: [SignalPlace, string[], string[]][] = [];
  if (input.headers) {
    consulted.push({ type: 'tdmrep', where: 'header' });
    sources.push([
      'header',
      headerValues(input.headers, 'tdm-reservation'),
      headerValues(input.headers, 'tdm-policy'),
    ]);
  }
  if (input.meta) {
    consulted.push({ type: 'tdmrep', where: 'meta' });
    sources.push(['meta', metaValues(input, 'tdm-reservation'), metaValues(input, 'tdm-policy')]);
  }
  for (const [where, reservations, policies] of sources) {
    const policyNote = policies.length > 0 ? `, tdm-policy ${policies.join(' ')}` : '';
    for (const raw of reservations) {
      const value = raw.trim();
      if (value === '1') {
        reserving.push({ type: 'tdmrep', where, detail: `tdm-reservation: 1${policyNote}` });
      } else if (value === '0') {
        notes.push({ type: 'tdmrep', where, detail: 'tdm-reservation: 0' });
      } else {
        unparseable(where, `tdm-reservation "${raw}" is neither 0 nor 1`);
      }
    }
  }

  const path = pathOf(input.url);
  const capture = input.tdmrep;
  if (path !== undefined && capture) {
    consulted.push(captureConsulted('tdmrep', 'tdmrep.json', capture));
    if (capture.status >= 200 && capture.status < 300) {
      const rules = parseTdmrepJson(capture.text);
      if (typeof rules === 'string') {
        unparseable('tdmrep.json', rules);
      } else {
        const target = normalisePath(path);
        for (const rule of rules) {
          if (!patternMatches(normalisePath(rule.location), target)) continue;
          const detail = `location "${rule.location}": tdm-reservation ${rule.reserved ? 1 : 0}${
            rule.policy ? `, tdm-policy ${rule.policy}` : ''
          }`;
          (rule.reserved ? reserving : notes).push({
            type: 'tdmrep',
            where: 'tdmrep.json',
            detail,
          });
        }
      }
    }
  }
  return { reserving, notes, consulted };
}

function metaValues(input: OptoutInput, name: string): string[] {
  return (input.meta ?? []).filter((m) => m.name.toLowerCase() === name).map((m) => m.content);
}
