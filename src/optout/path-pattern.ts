const UNRESERVED = /[A-Za-z0-9\-._~]/;
const HEX = /^[0-9A-Fa-f]{2}$/;

/**
 * Brings a path (or a rule's pattern) to the form RFC 9309 section 2.2.2 compares: characters
 * outside US-ASCII percent-encoded as UTF-8, escapes of unreserved characters decoded, and
 * other escapes in upper case, so "/%62az" matches "/baz" and "/ツ" matches "/%E3%83%84".
 */
export function normalisePath(path: string): string {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const ch = path[i]!;
    if (ch === '%' && HEX.test(path.slice(i + 1, i + 3))) {
      const decoded = String.fromCharCode(Number.parseInt(path.slice(i + 1, i + 3), 16));
      out += UNRESERVED.test(decoded) ? decoded : `%${path.slice(i + 1, i + 3).toUpperCase()}`;
      i += 2;
    } else if (ch.charCodeAt(0) > 0x7e || ch.charCodeAt(0) < 0x21) {
      const cp = path.codePointAt(i)!;
      const s = String.fromCodePoint(cp);
      for (const b of Buffer.from(s, 'utf8'))
        out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
      i += s.length - 1;
    } else {
      out += ch;
    }
  }
  return out;
}

/**
 * Whether a normalised robots.txt-style pattern matches a normalised path from its start:
 * `*` matches any run of characters and a final `$` anchors the end. Iterative with one
 * backtrack point, so a pattern full of `*` cannot make matching exponential.
 */
export function patternMatches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const p = anchored ? pattern.slice(0, -1) : pattern;
  let pi = 0;
  let si = 0;
  let starP = -1;
  let starS = 0;
  while (si < path.length) {
    if (pi < p.length && p[pi] === '*') {
      starP = pi++;
      starS = si;
    } else if (pi < p.length && p[pi] === path[si]) {
      pi++;
      si++;
    } else if (pi === p.length && !anchored) {
      return true;
    } else if (starP >= 0) {
      pi = starP + 1;
      si = ++starS;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}
