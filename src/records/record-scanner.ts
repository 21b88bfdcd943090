import { isUtf8 } from 'node:buffer';
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
import { MAX_RECORD_DEPTH, type StrictJsonError } from './strict-json.js';

/**
 * A one-pass validating scanner over a record's bytes: it accepts exactly the lines that
 * `isUtf8` then `parseStrictJson` (strict-json.ts) accept, rejects the others with the same code
 * at the same place, and meanwhile notes where the top-level members a caller names are. It
 * builds no value and decodes no string but member names it must compare, so a build reads the
 * few fields its policy needs without parsing (and collecting) the whole record; the bytes are
 * left as they are, to be written unchanged.
 *
 * strict-json.ts stays the reference: its scanner says why a line is rejected, and a property
 * test holds the two to the same verdicts.
 */
export interface RecordScanFailure {
  readonly ok: false;
  readonly code: 'RECORD_NOT_UTF8' | StrictJsonError['code'];
  /** Byte offset where the scan stopped (−1 for RECORD_NOT_UTF8, which has no place). */
  readonly at: number;
}

// Objects with more members than this, or with an escaped name, compare decoded names in a set.
const LIST_KEYS = 16;

/**
 * Scans records for the members named at construction: top-level names (`subject`), and names
 * one level down (`subject.account`), found when their parent is an object and itself named.
 * One per thread; not reentrant.
 */
export class RecordScanner {
  readonly #names: readonly string[];
  // The last segment of each name, as bytes.
  readonly #nameBytes: readonly Buffer[];
  readonly #byName: ReadonlyMap<string, number>;
  // For name k: its parent's index (-1 at the top level).
  readonly #parents: Int32Array;
  readonly #escapedValues: Uint8Array;
  // The names under each parent (index 0: top level, k + 1: under name k), by the byte length
  // and first byte of their last segment: #candidates[p][length * 256 + first] is the one name
  // a member name can be (k + 1), 0 for none, or SEVERAL; then #byLength[p][length] lists them.
  // So most member names are compared with one candidate or none, where a loop went over every
  // name under the parent (BENCHMARKS.md "Issue 13, seventh round").
  readonly #candidates: Int32Array[];
  readonly #byLength: Int32Array[][];
  // Per open object, by depth: which of the first 31 names it has had (as bits).
  readonly #seenNamed: Int32Array;
  readonly #maxDepth: number;
  // The spans [start, end) of the named members' values in the last line scanned; -1 if absent.
  readonly #starts: Int32Array;
  readonly #ends: Int32Array;
  // Per open container, by depth: whether it is an array and where it began.
  readonly #isArray: Uint8Array;
  readonly #containerStarts: Int32Array;
  // Per open object, by depth: the spans of its member names so far (inside the quotes), flat,
  // and, once it has an escaped name or many names, the decoded names.
  // Arrays are reused and only their first #keyCounts[d] entries count: setting an array's
  // length to 0 lets V8 drop its storage, which then grew again for every object of every line.
  readonly #keys: number[][] = [];
  readonly #keyCounts: Int32Array;
  readonly #keySets: (Set<string> | undefined)[] = [];
  // The member-name memo (see #remembered): per object that has names looked for in it (index 0:
  // the top level, k + 1: under name k), the names its members had, in order, in the line that
  // last wrote them: MEMO_SLOT bytes each (the name's length with its closing quote, then those
  // bytes), the name's index among those looked for (-1 for none), and how many are held.
  readonly #memoBytes: Uint8Array;
  readonly #memoNamed: Int32Array;
  readonly #memoCount: Int32Array;
  // Per open object, by depth: how many members it has had so far, and how many of them, from
  // the first, had the memo's names.
  readonly #ordinals: Int32Array;
  readonly #memoMatched: Int32Array;
  #topIsObject = false;
  // Set by #string: whether the string just read had an escape.
  #escaped = false;

  constructor(names: readonly string[], maxDepth = MAX_RECORD_DEPTH) {
    this.#names = names;
    this.#byName = new Map(names.map((name, k) => [name, k]));
    this.#parents = new Int32Array(names.length);
    this.#nameBytes = names.map((name, k) => {
      const dot = name.indexOf('.');
      const parent = dot < 0 ? -1 : this.#byName.get(name.slice(0, dot));
      if (parent === undefined || parent > k) throw new Error(`name its parent before ${name}`);
      this.#parents[k] = parent;
      return Buffer.from(dot < 0 ? name : name.slice(dot + 1), 'utf8');
    });
    this.#escapedValues = new Uint8Array(names.length);
    const under = [-1, ...names.map((_, k) => k)].map((parent) =>
      names.flatMap((_, k) => (this.#parents[k] === parent ? [k] : [])),
    );
    this.#byLength = under.map((ks) =>
      Array.from({ length: MAX_LISTED_NAME + 1 }, (_, length) =>
        Int32Array.from(ks.filter((k) => this.#nameBytes[k]!.length === length)),
      ),
    );
    // Names with no names under them share one empty table.
    const none = new Int32Array((MAX_LISTED_NAME + 1) * 256);
    this.#candidates = under.map((ks) => {
      if (ks.length === 0) return none;
      const table = new Int32Array((MAX_LISTED_NAME + 1) * 256);
      for (const k of ks) {
        const name = this.#nameBytes[k]!;
        if (name.length > MAX_LISTED_NAME) throw new Error(`name too long to look for: ${name}`);
        const at = name.length * 256 + (name[0] ?? 0);
        table[at] = table[at] === 0 ? k + 1 : SEVERAL;
      }
      return table;
    });
    this.#seenNamed = new Int32Array(maxDepth);
    this.#keyCounts = new Int32Array(maxDepth);
    this.#maxDepth = maxDepth;
    this.#starts = new Int32Array(names.length);
    this.#ends = new Int32Array(names.length);
    this.#isArray = new Uint8Array(maxDepth);
    this.#containerStarts = new Int32Array(maxDepth);
    for (let d = 0; d < maxDepth; d++) this.#keys.push([]);
    this.#memoBytes = new Uint8Array((names.length + 1) * MEMO_NAMES * MEMO_SLOT);
    this.#memoNamed = new Int32Array((names.length + 1) * MEMO_NAMES);
    this.#memoCount = new Int32Array(names.length + 1);
    this.#ordinals = new Int32Array(maxDepth);
    this.#memoMatched = new Int32Array(maxDepth);
  }

  get names(): readonly string[] {
    return this.#names;
  }

  /** Whether the last line accepted is a JSON object (rather than an array, string, …). */
  get isObject(): boolean {
    return this.#topIsObject;
  }

  /** Start of member `k`'s value in the last line accepted, or -1 when it has no such member. */
  valueStart(k: number): number {
    return this.#starts[k]!;
  }

  valueEnd(k: number): number {
    return this.#ends[k]!;
  }

  /** Whether member `k`'s value is a string written with an escape. */
  valueEscaped(k: number): boolean {
    return this.#escapedValues[k] === 1;
  }

  /** Checks one line (without its line break); undefined when it is acceptable. Never throws. */
  scan(b: Buffer): RecordScanFailure | undefined {
    if (!isUtf8(b)) return { ok: false, code: 'RECORD_NOT_UTF8', at: -1 };
    this.#starts.fill(-1);
    this.#topIsObject = false;
    const n = b.length;
    const maxDepth = this.#maxDepth;
    const isArray = this.#isArray;
    const containerStarts = this.#containerStarts;
    let depth = 0;
    // The named member whose value is being read at depth 1, and at depth 2, or -1.
    let field = -1;
    let child = -1;
    let i = skipSpace(b, 0, n);
    for (;;) {
      // A value starts at `i`.
      i = skipSpace(b, i, n);
      const start = i;
      const c = i < n ? b[i]! : -1;
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (depth >= maxDepth) return { ok: false, code: 'RECORD_TOO_DEEP', at: i };
        const array = c === OPEN_ARRAY;
        if (depth === 0) this.#topIsObject = !array;
        isArray[depth] = array ? 1 : 0;
        containerStarts[depth] = i;
        // A container inside a top-level member: no member of it named yet.
        if (depth === 1) child = -1;
        this.#keyCounts[depth] = 0;
        this.#seenNamed[depth] = 0;
        this.#ordinals[depth] = 0;
        this.#memoMatched[depth] = 0;
        this.#keySets[depth] = undefined;
        depth++;
        i = skipSpace(b, i + 1, n);
        const close = i < n ? b[i]! : -1;
        if (close === (array ? CLOSE_ARRAY : CLOSE_OBJECT)) {
          i++;
          depth--;
        } else {
          if (!array) {
            i = this.#member(b, i, n, depth, field);
            if (i < 0) return this.#lastFailure(i);
            if (depth === 1) field = this.#field;
            else if (depth === 2) child = this.#field;
          }
          continue;
        }
      } else if (c === QUOTE) {
        i = this.#string(b, i, n);
        if (i < 0) return syntax(~i);
      } else if (c === MINUS || isDigit(c)) {
        i = number(b, i, n);
        if (i < 0) return syntax(~i);
      } else {
        const length = literal(b, i, n);
        if (length === 0) return syntax(i);
        i += length;
      }
      // A value ended at `i`, beginning at `start`; close every container it completes.
      let valueStart = start;
      for (;;) {
        const named = depth === 1 ? field : depth === 2 ? child : -1;
        if (named >= 0) {
          this.#starts[named] = valueStart;
          this.#ends[named] = i;
          this.#escapedValues[named] = b[valueStart] === QUOTE && this.#escaped ? 1 : 0;
        }
        if (depth === 0) {
          i = skipSpace(b, i, n);
          return i === n ? undefined : syntax(i);
        }
        i = skipSpace(b, i, n);
        const next = i < n ? b[i]! : -1;
        const array = isArray[depth - 1] === 1;
        if (next === COMMA) {
          i++;
          if (!array) {
            i = this.#member(b, i, n, depth, field);
            if (i < 0) return this.#lastFailure(i);
            if (depth === 1) field = this.#field;
            else if (depth === 2) child = this.#field;
          }
          break;
        }
        if (next !== (array ? CLOSE_ARRAY : CLOSE_OBJECT)) return syntax(i);
        i++;
        depth--;
        valueStart = containerStarts[depth]!;
      }
    }
  }

  // Set by #member: the named member it read (at depth 1), or -1; and its failure's code.
  #field = -1;
  #failure: RecordScanFailure['code'] = 'RECORD_NOT_JSON';

  #lastFailure(encoded: number): RecordScanFailure {
    return { ok: false, code: this.#failure, at: ~encoded };
  }

  /**
   * Reads a member name and its colon in the object at `depth` (1-based); returns the position
   * after the colon, or ~position on failure (the code in #failure).
   */
  #member(b: Buffer, at: number, n: number, depth: number, parent: number): number {
    let i = skipSpace(b, at, n);
    this.#failure = 'RECORD_NOT_JSON';
    if (i >= n || b[i] !== QUOTE) return ~i;
    const nameStart = i + 1;
    const d = depth - 1;
    // Names are looked for at the top, and inside a named top-level member's object; there the
    // memo holds the names the last such object had (-1: no memo here).
    const memo = d === 0 ? 0 : d === 1 && parent >= 0 ? parent + 1 : -1;
    const ordinal = this.#ordinals[d]!++;
    if (memo >= 0) {
      const named = this.#remembered(b, nameStart, n, d, memo, ordinal);
      if (named !== NOT_REMEMBERED) {
        i = nameStart + this.#memoBytes[(memo * MEMO_NAMES + ordinal) * MEMO_SLOT]!;
        if (d <= 1) this.#field = named;
        i = skipSpace(b, i, n);
        if (i >= n || b[i] !== COLON) return ~i;
        return i + 1;
      }
    }
    i = this.#string(b, i, n);
    if (i < 0) return i;
    const nameEnd = i - 1;
    const escaped = this.#escaped;
    let named = -1;
    if (d === 0) named = this.#nameIndex(b, nameStart, nameEnd, escaped, -1);
    else if (d === 1 && parent >= 0)
      named = this.#nameIndex(b, nameStart, nameEnd, escaped, parent);
    if (this.#repeats(b, d, nameStart, nameEnd, escaped, named)) {
      this.#failure = 'RECORD_DUPLICATE_KEY';
      return ~(nameStart - 1);
    }
    if (memo >= 0) this.#remember(b, nameStart, nameEnd, escaped, d, memo, ordinal, named);
    if (d <= 1) this.#field = named;
    i = skipSpace(b, i, n);
    if (i >= n || b[i] !== COLON) return ~i;
    return i + 1;
  }

  /**
   * The member-name memo. Records of one source have the same names in the same order line
   * after line, so the name a member has is most often the one the member in its place had in
   * the last line: compared with it byte for byte (closing quote included), it needs neither the
   * string's check, nor the look-up among the names looked for, nor the check for a repeat —
   * the memo's names are a prefix of an earlier object's names, all plain and all different
   * (see #remember), and this object's members so far were that prefix's.
   * Returns the name's index among those looked for (-1 for none), or NOT_REMEMBERED; a name it
   * knows is recorded for #repeats as that would have recorded it.
   */
  #remembered(
    b: Buffer,
    nameStart: number,
    n: number,
    d: number,
    memo: number,
    ordinal: number,
  ): number {
    if (
      this.#memoMatched[d] !== ordinal ||
      ordinal >= this.#memoCount[memo]! ||
      this.#keySets[d] !== undefined
    )
      return NOT_REMEMBERED;
    const bytes = this.#memoBytes;
    const slot = (memo * MEMO_NAMES + ordinal) * MEMO_SLOT;
    const length = bytes[slot]!;
    if (nameStart + length > n) return NOT_REMEMBERED;
    for (let j = 0; j < length; j++)
      if (bytes[slot + 1 + j] !== b[nameStart + j]) return NOT_REMEMBERED;
    const named = this.#memoNamed[memo * MEMO_NAMES + ordinal]!;
    if (named >= 0 && named < 31) this.#seenNamed[d]! |= 1 << named;
    // As #repeats records a name (no set yet: see above).
    const keys = this.#keys[d]!;
    const count = this.#keyCounts[d]!;
    keys[count] = nameStart;
    keys[count + 1] = nameStart + length - 1;
    this.#keyCounts[d] = count + 2;
    this.#memoMatched[d] = ordinal + 1;
    return named;
  }

  /**
   * Writes a member's name into the memo at its place, when every earlier member of its object
   * had the memo's names (so the memo stays a run of different names from one object) and the
   * name is plain and short; the memo then ends there.
   */
  #remember(
    b: Buffer,
    nameStart: number,
    nameEnd: number,
    escaped: boolean,
    d: number,
    memo: number,
    ordinal: number,
    named: number,
  ): void {
    if (this.#memoMatched[d] !== ordinal) return;
    const length = nameEnd + 1 - nameStart;
    if (escaped || length >= MEMO_SLOT || ordinal >= MEMO_NAMES) {
      if (ordinal < this.#memoCount[memo]!) this.#memoCount[memo] = ordinal;
      return;
    }
    const bytes = this.#memoBytes;
    const slot = (memo * MEMO_NAMES + ordinal) * MEMO_SLOT;
    bytes[slot] = length;
    for (let j = 0; j < length; j++) bytes[slot + 1 + j] = b[nameStart + j]!;
    this.#memoNamed[memo * MEMO_NAMES + ordinal] = named;
    this.#memoCount[memo] = ordinal + 1;
    this.#memoMatched[d] = ordinal + 1;
  }

  /**
   * Whether the object at depth `d` already has this name; records it either way. `named` is
   * the name's index among those looked for, or -1.
   */
  #repeats(
    b: Buffer,
    d: number,
    start: number,
    end: number,
    escaped: boolean,
    named: number,
  ): boolean {
    const keys = this.#keys[d]!;
    const count = this.#keyCounts[d]!;
    let set = this.#keySets[d];
    if (set === undefined && (escaped || count >= LIST_KEYS * 2)) {
      set = new Set();
      for (let k = 0; k < count; k += 2) set.add(decodeName(b, keys[k]!, keys[k + 1]!));
      this.#keySets[d] = set;
    }
    if (set !== undefined) {
      const name = escaped ? decodeEscapedName(b, start, end) : decodeName(b, start, end);
      if (set.has(name)) return true;
      set.add(name);
      return false;
    }
    // No name so far had an escape: equal names are equal bytes. So a name looked for repeats
    // exactly when it was seen before in this object, and only other names need comparing.
    if (named >= 0 && named < 31) {
      const bit = 1 << named;
      const seen = this.#seenNamed[d]!;
      if ((seen & bit) !== 0) return true;
      this.#seenNamed[d] = seen | bit;
      keys[count] = start;
      keys[count + 1] = end;
      this.#keyCounts[d] = count + 2;
      return false;
    }
    const length = end - start;
    for (let k = 0; k < count; k += 2) {
      const s = keys[k]!;
      if (keys[k + 1]! - s === length && sameBytes(b, s, start, length)) return true;
    }
    keys[count] = start;
    keys[count + 1] = end;
    this.#keyCounts[d] = count + 2;
    return false;
  }

  #nameIndex(b: Buffer, start: number, end: number, escaped: boolean, parent: number): number {
    if (escaped) {
      const name = decodeEscapedName(b, start, end);
      const full = parent < 0 ? name : `${this.#names[parent]}.${name}`;
      return this.#byName.get(full) ?? -1;
    }
    const length = end - start;
    if (length > MAX_LISTED_NAME) return -1;
    const one = this.#candidates[parent + 1]![length * 256 + (length === 0 ? 0 : b[start]!)]!;
    if (one === 0) return -1;
    const names = this.#nameBytes;
    if (one !== SEVERAL) return sameName(names[one - 1]!, b, start, length) ? one - 1 : -1;
    const candidates = this.#byLength[parent + 1]![length]!;
    for (let c = 0; c < candidates.length; c++) {
      const k = candidates[c]!;
      if (sameName(names[k]!, b, start, length)) return k;
    }
    return -1;
  }

  /**
   * Reads a string starting at `at` (a quote); returns the position after its closing quote, or
   * ~position where it is invalid. Sets #escaped. Bytes from 0x80 up are parts of characters
   * (the line is valid UTF-8) and never a quote, backslash or control character, so one table
   * look-up a byte passes over everything but those three (four comparisons a byte before).
   */
  #string(b: Buffer, at: number, n: number): number {
    let escaped = false;
    let i = at + 1;
    while (i < n) {
      const c = b[i]!;
      if (STRING_PLAIN[c] === 1) {
        i++;
        continue;
      }
      if (c === QUOTE) {
        this.#escaped = escaped;
        return i + 1;
      }
      if (c === BACKSLASH) {
        escaped = true;
        const e = i + 1 < n ? b[i + 1]! : -1;
        if (e === 0x75 /* u */) {
          for (let k = 2; k < 6; k++) if (i + k >= n || !isHex(b[i + k]!)) return ~i;
          i += 6;
          continue;
        }
        if (!isSimpleEscape(e)) return ~i;
        i += 2;
        continue;
      }
      // A control character.
      return ~i;
    }
    return ~i;
  }
}

/** 1 for the bytes a string holds as they are: all but controls, the quote and the backslash. */
const STRING_PLAIN = Uint8Array.from({ length: 256 }, (_, c) =>
  c >= 0x20 && c !== QUOTE && c !== BACKSLASH ? 1 : 0,
);

/** Longest name segment a scanner looks for, in bytes (the names a build reads are short). */
const MAX_LISTED_NAME = 63;
const SEVERAL = -1;
/** The memo's room: names per object, and bytes per name (its length, the name, its closing quote). */
const MEMO_NAMES = 32;
const MEMO_SLOT = 32;
const NOT_REMEMBERED = -2;

function sameName(name: Buffer, b: Buffer, start: number, length: number): boolean {
  for (let j = 0; j < length; j++) if (name[j] !== b[start + j]) return false;
  return true;
}

function syntax(at: number): RecordScanFailure {
  return { ok: false, code: 'RECORD_NOT_JSON', at };
}

function skipSpace(b: Buffer, at: number, n: number): number {
  let i = at;
  while (i < n) {
    const c = b[i]!;
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    i++;
  }
  return i;
}

/** Reads a number at `at`; returns the position after it, or ~position where it is invalid. */
function number(b: Buffer, at: number, n: number): number {
  let i = at;
  if (b[i] === MINUS) i++;
  const first = i < n ? b[i]! : -1;
  if (first === 0x30) i++;
  else if (isDigit(first)) while (i < n && isDigit(b[i]!)) i++;
  else return ~i;
  if (i < n && b[i] === 0x2e) {
    i++;
    if (i >= n || !isDigit(b[i]!)) return ~i;
    while (i < n && isDigit(b[i]!)) i++;
  }
  const e = i < n ? b[i]! : -1;
  if (e === 0x65 || e === 0x45) {
    i++;
    const sign = i < n ? b[i]! : -1;
    if (sign === 0x2b || sign === MINUS) i++;
    if (i >= n || !isDigit(b[i]!)) return ~i;
    while (i < n && isDigit(b[i]!)) i++;
  }
  return i;
}

/** The length of `true`, `false` or `null` at `at`, or 0. */
function literal(b: Buffer, at: number, n: number): number {
  const c = b[at];
  if (c === 0x74 && at + 4 <= n && b[at + 1] === 0x72 && b[at + 2] === 0x75 && b[at + 3] === 0x65)
    return 4;
  if (c === 0x6e && at + 4 <= n && b[at + 1] === 0x75 && b[at + 2] === 0x6c && b[at + 3] === 0x6c)
    return 4;
  if (
    c === 0x66 &&
    at + 5 <= n &&
    b[at + 1] === 0x61 &&
    b[at + 2] === 0x6c &&
    b[at + 3] === 0x73 &&
    b[at + 4] === 0x65
  )
    return 5;
  return 0;
}

function sameBytes(b: Buffer, a: number, c: number, length: number): boolean {
  for (let j = 0; j < length; j++) if (b[a + j] !== b[c + j]) return false;
  return true;
}

function decodeName(b: Buffer, start: number, end: number): string {
  return b.toString('utf8', start, end);
}

function decodeEscapedName(b: Buffer, start: number, end: number): string {
  return JSON.parse(b.toString('utf8', start - 1, end + 1)) as string;
}
