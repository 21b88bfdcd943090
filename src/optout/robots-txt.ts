import { normalisePath } from './path-pattern.js';
import type { Capture } from './signal.js';

/** RFC 9309 section 2.5: parsers must read at least 500 KiB; what follows is not read. */
export const ROBOTS_PARSE_LIMIT = 500 * 1024;

export interface PathRule {
  readonly allow: boolean;
  /** Normalised (see normalisePath). */
  readonly pattern: string;
  readonly line: number;
}

/** A `Content-Usage:` or `Content-Signal:` line: an optional path prefix, then its value. */
export interface PrefixedLine {
  readonly path: string | undefined;
  readonly value: string;
  readonly line: number;
}

export interface RobotsGroup {
  /** Product tokens, lower case; `*` for the catch-all group. */
  readonly agents: readonly string[];
  readonly rules: readonly PathRule[];
  readonly contentUsage: readonly PrefixedLine[];
  readonly contentSignal: readonly PrefixedLine[];
}

export interface RobotsTxt {
  readonly groups: readonly RobotsGroup[];
  readonly truncated: boolean;
}

interface MutableGroup {
  agents: string[];
  rules: PathRule[];
  contentUsage: PrefixedLine[];
  contentSignal: PrefixedLine[];
}

/**
 * Parses robots.txt as RFC 9309 section 2 describes: lines `key: value`, `#` comments, keys in
 * any case; a group is one or more user-agent lines followed by its rules, and a user-agent
 * line after a rule starts a new group. Lines it does not understand are skipped, as the RFC
 * asks, so this never fails. `Content-Usage` (AIPREF attach) and `Content-Signal` lines belong
 * to the group they appear in; before any user-agent line they have no group and are ignored.
 */
export function parseRobotsTxt(text: string): RobotsTxt {
  const truncated = Buffer.byteLength(text, 'utf8') > ROBOTS_PARSE_LIMIT;
  const body = truncated
    ? Buffer.from(text, 'utf8').subarray(0, ROBOTS_PARSE_LIMIT).toString('utf8')
    : text;
  const groups: MutableGroup[] = [];
  let current: MutableGroup | undefined;
  let inAgents = false;
  const lines = body.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const hash = lines[i]!.indexOf('#');
    const raw = hash >= 0 ? lines[i]!.slice(0, hash) : lines[i]!;
    const colon = raw.indexOf(':');
    if (colon < 0) continue;
    const key = raw.slice(0, colon).trim().toLowerCase();
    const value = raw.slice(colon + 1).trim();
    const line = i + 1;
    if (key === 'user-agent') {
      if (!inAgents || !current) {
        current = { agents: [], rules: [], contentUsage: [], contentSignal: [] };
        groups.push(current);
        inAgents = true;
      }
      current.agents.push(productToken(value));
      continue;
    }
    if (!current) continue;
    if (key === 'allow' || key === 'disallow') {
      inAgents = false;
      // An empty Disallow matches nothing (RFC 9309 2.2.2); an empty Allow likewise.
      if (value.length > 0) {
        current.rules.push({ allow: key === 'allow', pattern: normalisePath(value), line });
      }
    } else if (key === 'content-usage' || key === 'content-signal') {
      inAgents = false;
      const prefixed = splitPathPrefix(value, line);
      if (key === 'content-usage') current.contentUsage.push(prefixed);
      else current.contentSignal.push(prefixed);
    }
  }
  return { groups, truncated };
}

/** The groups that apply to a user agent: its own (all of them, merged), else those for `*`. */
export function groupsFor(robots: RobotsTxt, userAgent: string): RobotsGroup[] {
  const token = userAgent.toLowerCase();
  const own = robots.groups.filter((g) => g.agents.includes(token));
  return own.length > 0 ? own : robots.groups.filter((g) => g.agents.includes('*'));
}

/**
 * RFC 9309 2.2.1: the product token is matched case-insensitively; a line such as
 * "Googlebot/2.1 (+http://…)" names the token before the first character a token cannot hold.
 */
function productToken(value: string): string {
  if (value === '*') return '*';
  const match = /^[A-Za-z_-]+/.exec(value);
  return match ? match[0].toLowerCase() : value.toLowerCase();
}

function splitPathPrefix(value: string, line: number): PrefixedLine {
  if (value.startsWith('/') || value.startsWith('*')) {
    const space = value.search(/\s/);
    if (space < 0) return { path: normalisePath(value), value: '', line };
    return { path: normalisePath(value.slice(0, space)), value: value.slice(space).trim(), line };
  }
  return { path: undefined, value, line };
}

const parsed = new WeakMap<Capture, RobotsTxt>();

/** The capture's robots.txt, parsed once however many items of its host are evaluated. */
export function robotsOf(capture: Capture): RobotsTxt {
  let robots = parsed.get(capture);
  if (!robots) {
    robots = parseRobotsTxt(capture.text);
    parsed.set(capture, robots);
  }
  return robots;
}
