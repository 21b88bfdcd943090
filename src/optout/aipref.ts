import type { OptoutPolicy } from '../policy/index.js';
import { normalisePath, patternMatches } from './path-pattern.js';
import { statusClass } from './robots.js';
import { groupsFor, type PrefixedLine, robotsOf } from './robots-txt.js';
import { parseDictionary } from './sf-dictionary.js';
import {
  type Consulted,
  captureConsulted,
  headerValues,
  type OptoutInput,
  pathOf,
  type Signal,
  type SignalOutcome,
} from './signal.js';

/**
 * The AIPREF vocabulary's categories as of 2026 (draft-ietf-aipref-vocab): `train-ai` decides
 * here; `search` is known and has no bearing on training. `train-genai` was dropped from the
 * vocabulary in 2026 and is now an unknown category like any other.
 */
const KNOWN_CATEGORIES = new Set(['train-ai', 'search']);
const DECIDING = 'train-ai';

type Reading =
  | { readonly kind: 'usage'; readonly trainAi: 'y' | 'n' | undefined; readonly unknown: string[] }
  | { readonly kind: 'unparseable'; readonly error: string };

/** Reads one usage preference expression (`train-ai=n, search=y`). */
export function readUsage(text: string): Reading {
  const members = parseDictionary(text);
  if (typeof members === 'string') return { kind: 'unparseable', error: members };
  let trainAi: 'y' | 'n' | undefined;
  const unknown: string[] = [];
  for (const { key, value } of members) {
    if (!KNOWN_CATEGORIES.has(key)) {
      unknown.push(key);
      continue;
    }
    if (value !== 'y' && value !== 'n') {
      return {
        kind: 'unparseable',
        error: `"${key}" must be y or n, not ${JSON.stringify(value)}`,
      };
    }
    if (key === DECIDING) trainAi = value;
  }
  return { kind: 'usage', trainAi, unknown };
}

/**
 * aipref: `Content-Usage` response headers and `Content-Usage:` lines of the robots.txt groups
 * that apply to the listed agents (draft-ietf-aipref-attach). In robots.txt the line with the
 * longest matching path prefix applies, as Allow/Disallow do (a line without a path applies to
 * every path, with length 0). Across all that apply, the most restrictive wins: any
 * `train-ai=n` reserves.
 */
export function evaluateAipref(input: OptoutInput, policy: OptoutPolicy): SignalOutcome {
  const reserving: Signal[] = [];
  const notes: Signal[] = [];
  const consulted: Consulted[] = [];
  const take = (text: string, where: 'header' | 'robots.txt', label: string) => {
    const reading = readUsage(text);
    if (reading.kind === 'unparseable') {
      const s: Signal = {
        type: 'aipref',
        where,
        detail: `${label} "${text}" not parseable (${reading.error}); unparseable is "${policy.unparseable}"`,
      };
      (policy.unparseable === 'exclude' ? reserving : notes).push(s);
      return;
    }
    if (reading.unknown.length > 0) {
      notes.push({
        type: 'aipref',
        where,
        detail: `${label} "${text}": unknown categories ignored: ${reading.unknown.join(', ')}`,
      });
    }
    if (reading.trainAi === 'n')
      reserving.push({ type: 'aipref', where, detail: `${label} "${text}"` });
    else if (reading.trainAi === 'y')
      notes.push({ type: 'aipref', where, detail: `${label} "${text}"` });
  };

  const headers = headerValues(input.headers, 'content-usage');
  if (input.headers) consulted.push({ type: 'aipref', where: 'header' });
  for (const value of headers) take(value, 'header', 'Content-Usage:');

  const path = pathOf(input.url);
  const capture = input.robots;
  if (path !== undefined && capture && statusClass(capture) === 'ok') {
    consulted.push(captureConsulted('aipref', 'robots.txt', capture));
    const robots = robotsOf(capture);
    const seen = new Set<PrefixedLine>();
    for (const agent of policy.user_agents) {
      const applicable = mostSpecific(
        groupsFor(robots, agent).flatMap((g) => g.contentUsage),
        normalisePath(path),
      );
      for (const line of applicable) {
        if (seen.has(line)) continue;
        seen.add(line);
        take(
          line.value,
          'robots.txt',
          `line ${line.line}: Content-Usage:${line.path ? ` ${line.path}` : ''}`,
        );
      }
    }
  }
  return { reserving, notes, consulted };
}

/** The lines whose path matches with the longest path (ties kept: the most restrictive then wins). */
export function mostSpecific(lines: readonly PrefixedLine[], path: string): PrefixedLine[] {
  let best: PrefixedLine[] = [];
  let bestLength = -1;
  for (const line of lines) {
    const length = line.path === undefined ? 0 : line.path.length;
    if (line.path !== undefined && !patternMatches(line.path, path)) continue;
    if (length > bestLength) {
      best = [line];
      bestLength = length;
    } else if (length === bestLength) {
      best.push(line);
    }
  }
  return best;
}
