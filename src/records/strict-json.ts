import {
  BACKSLASH,
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  isDigit,
  isHex,
  isSimpleEscape,
  MINUS,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
} from './json-chars.js';
/**
 * Strict JSON for records: RFC 8259 syntax plus two I-JSON rules (RFC 7493) that JSON.parse does
 * not enforce. An object may not repeat a member name (JSON.parse keeps the last copy while the
 * gate writes the line unchanged, so a reader downstream that keeps the first copy sees another
 * record than the one decided), and nesting is bounded, so that no recursive walk over a record
 * (JSON.stringify among them) can run out of stack.
 *
 * The value is always what JSON.parse gives; what is added is a check, never another parser.
 */

/** Objects and arrays nested deeper than this are rejected (the record itself is level 1). */
export const MAX_RECORD_DEPTH = 64;

export type JsonPath = readonly (string | number)[];

export type StrictJsonError = {
  readonly ok: false;
  readonly code: 'RECORD_NOT_JSON' | 'RECORD_DUPLICATE_KEY' | 'RECORD_TOO_DEEP';
  readonly error: string;
};

export type StrictJson = { readonly ok: true; readonly value: unknown } | StrictJsonError;

export interface StrictJsonOptions {
  readonly maxDepth?: number;
  /**
   * Called for every value once it is read, with its path (valid during the call only) and its
   * span [start, end) in the text: how redaction finds the fields it may rewrite.
   */
  readonly onValue?: (path: JsonPath, start: number, end: number) => void;
}

/**
 * Parses one record's text, or says why it is not acceptable JSON. The common case is fast:
 * JSON.parse (iterative in V8, so any depth is safe), then a count of the parsed objects' keys
 * (one per distinct name) against an upper bound on the members written in the text. When they
 * agree no object repeats a key; otherwise, and for invalid JSON, the scan decides and says
 * where. The scan also runs first when the caller wants each value's span.
 */
export function parseStrictJson(text: string, options: StrictJsonOptions = {}): StrictJson {
  if (options.onValue) {
    const scanned = scanStrictJson(text, options);
    if (scanned) return scanned;
    return { ok: true, value: JSON.parse(text) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return scanStrictJson(text, options) ?? NOT_JSON;
  }
  const keys = countKeys(value, options.maxDepth ?? MAX_RECORD_DEPTH);
  if (keys >= 0 && keys === countMembersAtMost(text)) return { ok: true, value };
  return scanStrictJson(text, options) ?? { ok: true, value };
}

// Unreachable while the scanner and JSON.parse agree on syntax; keeps a disagreement safe.
const NOT_JSON: StrictJsonError = { ok: false, code: 'RECORD_NOT_JSON', error: 'not valid JSON' };

/**
 * For a valid JSON text: at least the number of object members written in it, and exactly that
 * number unless a string value holds a `:` right after its opening quote (and spaces). It counts
 * each `:` whose previous non-space character is a quote not escaped by a backslash; every
 * member's colon is one, so keys === this count proves that no object repeats a key.
 */
function countMembersAtMost(text: string): number {
  let members = 0;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let at = colon - 1;
    let c = text.charCodeAt(at);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(--at);
    if (c !== QUOTE) continue;
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) members++;
  }
  return members;
}

// The walk's stack, reused across calls: this runs once per record of a build, and fresh arrays
// (and Object.values of every object) were garbage for every record.
const walkValues: object[] = [];
const walkDepths: number[] = [];

/** The keys of every object in a parsed value, or -1 when it nests deeper than `maxDepth`. */
function countKeys(value: unknown, maxDepth: number): number {
  if (typeof value !== 'object' || value === null) return 0;
  const values = walkValues;
  const depths = walkDepths;
  values.length = 0;
  depths.length = 0;
  values.push(value);
  depths.push(1);
  let keys = 0;
  while (values.length > 0) {
    const container = values.pop()!;
    const depth = depths.pop()!;
    if (depth > maxDepth) {
      values.length = 0;
      depths.length = 0;
      return -1;
    }
    if (Array.isArray(container)) {
      for (let i = 0; i < container.length; i++) {
        const item: unknown = container[i];
        if (typeof item === 'object' && item !== null) {
          values.push(item);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    // JSON.parse makes plain objects with own enumerable keys only, so for-in sees exactly those.
    for (const key in container) {
      keys++;
      const item: unknown = (container as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null) {
        values.push(item);
        depths.push(depth + 1);
      }
    }
  }
  return keys;
}

// Objects with more members than this switch from a list to a set for the repeat check.
const LIST_KEYS = 16;

/** Checks the text; undefined when it is acceptable. Never recursive, never throws. */
export function scanStrictJson(
  text: string,
  options: StrictJsonOptions = {},
): StrictJsonError | undefined {
  const maxDepth = options.maxDepth ?? MAX_RECORD_DEPTH;
  const onValue = options.onValue;
  const n = text.length;
  // Per open container, by depth: whether it is an array, where it began, its members so far.
  const isArray: boolean[] = [];
  const starts: number[] = [];
  const keyLists: string[][] = [];
  const keySets: (Set<string> | undefined)[] = [];
  const path: (string | number)[] = [];
  let depth = 0;
  let i = 0;

  const syntax = (at: number): StrictJsonError => ({
    ok: false,
    code: 'RECORD_NOT_JSON',
    error:
      at >= n
        ? `not valid JSON: the line ends too early (at character ${n})`
        : `not valid JSON: unexpected character at position ${at}`,
  });
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      i++;
    }
  };
  /** Reads a string starting at `i` (a quote); returns whether it had escapes, or -1 if invalid. */
  const string = (): number => {
    let escaped = 0;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        i++;
        return escaped;
      }
      if (c < 0x20) return -1;
      if (c === BACKSLASH) {
        escaped = 1;
        const e = text.charCodeAt(i + 1);
        if (e === 0x75 /* u */) {
          for (let k = 2; k < 6; k++) if (!isHex(text.charCodeAt(i + k))) return -1;
          i += 6;
          continue;
        }
        if (!isSimpleEscape(e)) return -1;
        i += 2;
        continue;
      }
      i++;
    }
    return -1;
  };
  const number = (): boolean => {
    if (text.charCodeAt(i) === MINUS) i++;
    const first = text.charCodeAt(i);
    if (first === 0x30) i++;
    else if (isDigit(first)) while (isDigit(text.charCodeAt(i))) i++;
    else return false;
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      if (!isDigit(text.charCodeAt(i))) return false;
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 0x2b || sign === MINUS) i++;
      if (!isDigit(text.charCodeAt(i))) return false;
      while (isDigit(text.charCodeAt(i))) i++;
    }
    return true;
  };
  /** Reads a member name and its colon; returns an error, or undefined with the name on `path`. */
  const member = (): StrictJsonError | undefined => {
    ws();
    if (text.charCodeAt(i) !== QUOTE) return syntax(i);
    const start = i;
    const escaped = string();
    if (escaped < 0) return syntax(i);
    const key =
      escaped === 0 ? text.slice(start + 1, i - 1) : (JSON.parse(text.slice(start, i)) as string);
    const d = depth - 1;
    path[d] = key;
    let seen: boolean;
    const set = keySets[d];
    if (set) {
      seen = set.has(key);
      set.add(key);
    } else {
      const list = keyLists[d]!;
      seen = list.includes(key);
      list.push(key);
      if (list.length > LIST_KEYS) keySets[d] = new Set(list);
    }
    if (seen) {
      return {
        ok: false,
        code: 'RECORD_DUPLICATE_KEY',
        error: `key ${describePath(path.slice(0, depth))} appears more than once`,
      };
    }
    ws();
    if (text.charCodeAt(i) !== COLON) return syntax(i);
    i++;
    return undefined;
  };

  ws();
  for (;;) {
    // A value starts at `i`.
    ws();
    const start = i;
    const c = text.charCodeAt(i);
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (depth >= maxDepth) {
        return {
          ok: false,
          code: 'RECORD_TOO_DEEP',
          error: `nested deeper than ${maxDepth} levels (at position ${i})`,
        };
      }
      const array = c === OPEN_ARRAY;
      isArray[depth] = array;
      starts[depth] = i;
      if (keyLists[depth]) keyLists[depth]!.length = 0;
      else keyLists[depth] = [];
      keySets[depth] = undefined;
      depth++;
      i++;
      ws();
      const close = text.charCodeAt(i);
      if (close === (array ? CLOSE_ARRAY : CLOSE_OBJECT)) {
        i++;
        depth--;
      } else {
        if (array) path[depth - 1] = 0;
        else {
          const err = member();
          if (err) return err;
        }
        continue;
      }
    } else if (c === QUOTE) {
      if (string() < 0) return syntax(i);
    } else if (c === MINUS || isDigit(c)) {
      if (!number()) return syntax(i);
    } else if (!literal(text, i)) {
      return syntax(i);
    } else {
      i += c === 0x66 /* false */ ? 5 : 4;
    }
    // A value ended at `i`, beginning at `start`; close every container it completes.
    let valueStart = start;
    for (;;) {
      onValue?.(path.slice(0, depth), valueStart, i);
      if (depth === 0) {
        ws();
        return i === n ? undefined : syntax(i);
      }
      ws();
      const next = text.charCodeAt(i);
      const array = isArray[depth - 1]!;
      if (next === COMMA) {
        i++;
        if (array) (path[depth - 1] as number)++;
        else {
          const err = member();
          if (err) return err;
        }
        break;
      }
      if (next !== (array ? CLOSE_ARRAY : CLOSE_OBJECT)) return syntax(i);
      i++;
      depth--;
      valueStart = starts[depth]!;
    }
  }
}

/** A path as people write it: `subject.account`, `transcript.words[2].text`, `["a b"]`. */
export function describePath(path: JsonPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === '' ? '(the record)' : out;
}

function literal(text: string, at: number): boolean {
  return text.startsWith('true', at) || text.startsWith('false', at) || text.startsWith('null', at);
}
