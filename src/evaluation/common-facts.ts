import type { Age, ItemFacts, ItemKind, Visibility } from '../records/index.js';
import { AGES, ITEM_KINDS, LEGAL_BASES, VISIBILITIES } from '../records/item-record.js';
import type { RecordScanner } from '../records/record-scanner.js';
import { regionCode } from '../records/regions.js';
import { isRfc3339Bytes } from '../records/time.js';
import { FIELD } from './read-record.js';

/**
 * The facts of a record of the common shape, read straight from the byte ranges a
 * policyFieldScanner() scan left: no record object, no string but the id (and a media path), no
 * validateItem. A record is of the common shape when every member the policy reads is absent or
 * written plainly (a string without escapes, a known keyword, a valid timestamp, a two-letter
 * region) and validateItem would accept it; for anything else `read` says false and the caller
 * takes the general path (readScannedRecord, validateItem), which gives every message. So this
 * path never rejects; a property test (test/evaluation/common-facts.test.ts) holds the two paths
 * to the same outcome for every line.
 *
 * Decoding the fields into an object and validating it cost ~1.5 µs a line of a build's ~13
 * (BENCHMARKS.md, "Issue 13, the build's floor").
 */
export class CommonFacts implements ItemFacts {
  id = '';
  kind: ItemKind = 'text';
  media: string | undefined = undefined;
  /** Never set: the subject is named by its byte ranges (see `hasAccount`), not decoded. */
  readonly account = undefined;
  region: string | undefined = undefined;
  age: Age = 'unknown';
  visibility: Visibility = 'public';
  tdmReserved = false;
  /** Whether the record names a subject: its platform and account are then `platform*`, `account*`. */
  hasAccount = false;
  platformStart = 0;
  platformEnd = 0;
  accountStart = 0;
  accountEnd = 0;

  /**
   * Reads the line `scanner` has just accepted; false when it is not of the common shape (and
   * then the fields hold nothing to use). One per thread, reused line after line.
   */
  read(b: Buffer, scanner: RecordScanner): boolean {
    if (!scanner.isObject) return false;
    // Members that make a line something else (a converter's error, a provenance already there).
    if (
      scanner.valueStart(FIELD.PROVENANCE) >= 0 ||
      scanner.valueStart(FIELD.SAMPLE_ERROR) >= 0 ||
      scanner.valueStart(FIELD.WARC_ERROR) >= 0 ||
      scanner.valueStart(FIELD.MAPPING_ERROR) >= 0
    )
      return false;

    // id: a plain string of 1 to 512 bytes. Its UTF-16 length is then at most 512 too, and a
    // string without escapes in valid UTF-8 holds no lone surrogate.
    const idStart = scanner.valueStart(FIELD.ID);
    if (!plainString(b, scanner, FIELD.ID)) return false;
    const idBytes = scanner.valueEnd(FIELD.ID) - idStart - 2;
    if (idBytes < 1 || idBytes > MAX_ID_BYTES) return false;

    const kind = keyword(b, scanner, FIELD.KIND, KINDS);
    if (kind === undefined) return false;
    // text: absent or any string (its content is not read); a text item needs a non-empty one.
    const textStart = scanner.valueStart(FIELD.TEXT);
    if (textStart >= 0 && b[textStart] !== QUOTE) return false;
    if (kind === 'text' && (textStart < 0 || scanner.valueEnd(FIELD.TEXT) - textStart === 2))
      return false;

    const mediaStart = scanner.valueStart(FIELD.MEDIA);
    if (
      mediaStart >= 0 &&
      (!plainString(b, scanner, FIELD.MEDIA) || scanner.valueEnd(FIELD.MEDIA) - mediaStart === 2)
    )
      return false;

    let visibility: Visibility = 'public';
    if (scanner.valueStart(FIELD.VISIBILITY) >= 0) {
      const v = keyword(b, scanner, FIELD.VISIBILITY, VISIBILITY_WORDS);
      if (v === undefined) return false;
      visibility = v;
    }
    if (!absentOrTime(b, scanner, FIELD.CREATED_AT)) return false;
    if (!this.#source(b, scanner)) return false;

    let tdmReserved = false;
    const signalsStart = scanner.valueStart(FIELD.SIGNALS);
    if (signalsStart >= 0) {
      if (b[signalsStart] !== OPEN_OBJECT) return false;
      const at = scanner.valueStart(FIELD.TDM_RESERVED);
      if (at >= 0) {
        // true or false: the scanner accepted a literal there, so its first byte says which.
        if (b[at] === 0x74 /* t */) tdmReserved = true;
        else if (b[at] !== 0x66 /* f */) return false;
      }
    }
    if (!this.#subject(b, scanner)) return false;

    this.id = b.toString('utf8', idStart + 1, idStart + 1 + idBytes);
    this.kind = kind;
    this.media =
      mediaStart < 0
        ? undefined
        : b.toString('utf8', mediaStart + 1, scanner.valueEnd(FIELD.MEDIA) - 1);
    this.visibility = visibility;
    this.tdmReserved = tdmReserved;
    return true;
  }

  /** `source`: absent, or an object whose members validateItem reads are of the right kinds. */
  #source(b: Buffer, scanner: RecordScanner): boolean {
    const start = scanner.valueStart(FIELD.SOURCE);
    if (start < 0) return true;
    if (b[start] !== OPEN_OBJECT) return false;
    for (const k of SOURCE_STRINGS) {
      const at = scanner.valueStart(k);
      if (at >= 0 && b[at] !== QUOTE) return false;
    }
    if (!absentOrTime(b, scanner, FIELD.COLLECTED_AT)) return false;
    return (
      scanner.valueStart(FIELD.LEGAL_BASIS) < 0 ||
      keyword(b, scanner, FIELD.LEGAL_BASIS, LEGAL_BASIS_WORDS) !== undefined
    );
  }

  /** `subject`: absent, or an object with plain platform and account (both or neither), age, region. */
  #subject(b: Buffer, scanner: RecordScanner): boolean {
    this.hasAccount = false;
    this.age = 'unknown';
    this.region = undefined;
    const start = scanner.valueStart(FIELD.SUBJECT);
    if (start < 0) return true;
    if (b[start] !== OPEN_OBJECT) return false;
    const platform = scanner.valueStart(FIELD.PLATFORM);
    const account = scanner.valueStart(FIELD.ACCOUNT);
    if (platform >= 0 || account >= 0) {
      // Both non-empty and plain: the UTF-8 bytes are then the pseudonym's key as they stand (a
      // plain string holds no NUL: the scanner refuses control characters).
      if (!plainString(b, scanner, FIELD.PLATFORM) || !plainString(b, scanner, FIELD.ACCOUNT))
        return false;
      const platformEnd = scanner.valueEnd(FIELD.PLATFORM) - 1;
      const accountEnd = scanner.valueEnd(FIELD.ACCOUNT) - 1;
      if (platformEnd === platform + 1 || accountEnd === account + 1) return false;
      this.hasAccount = true;
      this.platformStart = platform + 1;
      this.platformEnd = platformEnd;
      this.accountStart = account + 1;
      this.accountEnd = accountEnd;
    }
    if (scanner.valueStart(FIELD.AGE) >= 0) {
      const age = keyword(b, scanner, FIELD.AGE, AGE_WORDS);
      if (age === undefined) return false;
      this.age = age;
    }
    const region = scanner.valueStart(FIELD.REGION);
    if (region >= 0) {
      // Two ASCII letters naming an assigned code, as normaliseRegion reads them; anything else
      // (escapes, other characters, unassigned codes) goes the general way.
      if (scanner.valueEnd(FIELD.REGION) - region !== 4 || b[region] !== QUOTE) return false;
      const code = REGION_OF_LETTERS[letter(b[region + 1]!) * 26 + letter(b[region + 2]!)];
      if (code === undefined) return false;
      this.region = code;
    }
    return true;
  }
}

const QUOTE = 0x22;
const OPEN_OBJECT = 0x7b;
const MAX_ID_BYTES = 512;
// The schema's own lists (item-record.ts), so the two paths cannot come to know different words.
const KINDS = words<ItemKind>(ITEM_KINDS);
const VISIBILITY_WORDS = words<Visibility>(VISIBILITIES);
const AGE_WORDS = words<Age>(AGES);
const LEGAL_BASIS_WORDS = words(LEGAL_BASES);
const SOURCE_STRINGS = [FIELD.URL, FIELD.COLLECTOR, FIELD.DATASET, FIELD.LICENSE] as const;

/** The assigned region code for two ASCII letters in either case, by letter pair (26 × 26). */
const REGION_OF_LETTERS: (string | undefined)[] = Array.from({ length: 26 * 26 }, (_, k) =>
  regionCode(String.fromCharCode(0x41 + Math.floor(k / 26), 0x41 + (k % 26))),
);

/** A letter's place in the alphabet (either case), or an index past the table for any other byte. */
function letter(c: number): number {
  const upper = c & ~0x20;
  return upper >= 0x41 && upper <= 0x5a && c >= 0x41 ? upper - 0x41 : 26 * 26;
}

/** Whether member `k` is there as a string without escapes. */
function plainString(b: Buffer, scanner: RecordScanner, k: number): boolean {
  const start = scanner.valueStart(k);
  return start >= 0 && b[start] === QUOTE && !scanner.valueEscaped(k);
}

/** Absent, or a plain string that is an RFC 3339 date-time (as isRfc3339 says of its text). */
function absentOrTime(b: Buffer, scanner: RecordScanner, k: number): boolean {
  const start = scanner.valueStart(k);
  if (start < 0) return true;
  return plainString(b, scanner, k) && isRfc3339Bytes(b, start + 1, scanner.valueEnd(k) - 1);
}

interface Word<T> {
  readonly bytes: Buffer;
  readonly value: T;
}

function words<T extends string>(list: readonly T[]): readonly Word<T>[] {
  return list.map((value) => ({ bytes: Buffer.from(value, 'latin1'), value }));
}

/** Which of `list` member `k` is, written plainly; undefined when absent or anything else. */
function keyword<T>(
  b: Buffer,
  scanner: RecordScanner,
  k: number,
  list: readonly Word<T>[],
): T | undefined {
  const start = scanner.valueStart(k) + 1;
  if (start <= 0 || b[start - 1] !== QUOTE) return undefined;
  const length = scanner.valueEnd(k) - 1 - start;
  for (let w = 0; w < list.length; w++) {
    const word = list[w]!.bytes;
    if (word.length !== length) continue;
    let j = 0;
    while (j < length && word[j] === b[start + j]) j++;
    if (j === length) return list[w]!.value;
  }
  return undefined;
}
