import type { ErrorCode } from '../errors/index.js';
import { SAMPLE_ERROR_FIELD, WARC_ERROR_FIELD } from '../records/error-fields.js';
import { MAPPING_ERROR_FIELD, PROVENANCE_FIELD } from '../records/index.js';
import { type RecordScanFailure, RecordScanner } from '../records/record-scanner.js';
import { parseStrictJson } from '../records/strict-json.js';
import { isRfc3339Bytes } from '../records/time.js';

/**
 * The members a build's decision reads (validate-item.ts, and the error fields converters leave
 * in a line they could not convert), with those of `subject`, `source` and `signals` it reads.
 * Nothing else of a record is decoded.
 */
const POLICY_FIELDS = [
  'id',
  'kind',
  'text',
  'media',
  'subject',
  'visibility',
  'created_at',
  'source',
  'signals',
  PROVENANCE_FIELD,
  SAMPLE_ERROR_FIELD,
  WARC_ERROR_FIELD,
  MAPPING_ERROR_FIELD,
  'subject.platform',
  'subject.account',
  'subject.age',
  'subject.region',
  'source.url',
  'source.collector',
  'source.dataset',
  'source.license',
  'source.collected_at',
  'source.legal_basis',
  'signals.tdm_reserved',
] as const;
const at = (name: (typeof POLICY_FIELDS)[number]) => POLICY_FIELDS.indexOf(name);
const [ID, KIND, TEXT, MEDIA, SUBJECT, VISIBILITY, CREATED_AT, SOURCE, SIGNALS] = [
  at('id'),
  at('kind'),
  at('text'),
  at('media'),
  at('subject'),
  at('visibility'),
  at('created_at'),
  at('source'),
  at('signals'),
];
const [PROVENANCE, SAMPLE_ERROR, WARC_ERROR, MAPPING_ERROR] = [
  at(PROVENANCE_FIELD),
  at(SAMPLE_ERROR_FIELD),
  at(WARC_ERROR_FIELD),
  at(MAPPING_ERROR_FIELD),
];
const [PLATFORM, ACCOUNT, AGE, REGION] = [
  at('subject.platform'),
  at('subject.account'),
  at('subject.age'),
  at('subject.region'),
];
const [URL, COLLECTOR, DATASET, LICENSE, COLLECTED_AT, LEGAL_BASIS] = [
  at('source.url'),
  at('source.collector'),
  at('source.dataset'),
  at('source.license'),
  at('source.collected_at'),
  at('source.legal_basis'),
];
const TDM_RESERVED = at('signals.tdm_reserved');

/** Where the scanner from policyFieldScanner() keeps each member the policy reads. */
export const FIELD = {
  ID,
  KIND,
  TEXT,
  MEDIA,
  SUBJECT,
  VISIBILITY,
  CREATED_AT,
  SOURCE,
  SIGNALS,
  PROVENANCE,
  SAMPLE_ERROR,
  WARC_ERROR,
  MAPPING_ERROR,
  PLATFORM,
  ACCOUNT,
  AGE,
  REGION,
  URL,
  COLLECTOR,
  DATASET,
  LICENSE,
  COLLECTED_AT,
  LEGAL_BASIS,
  TDM_RESERVED,
} as const;
/**
 * Members whose values repeat from record to record (kinds, platforms, licences, collectors …):
 * their strings are decoded once and then recognised by their bytes (see ShortStrings).
 */
const REPEATING = [
  KIND,
  VISIBILITY,
  PLATFORM,
  AGE,
  REGION,
  COLLECTOR,
  DATASET,
  LICENSE,
  LEGAL_BASIS,
] as const;

export type ReadRecord =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly code: ErrorCode; readonly error: string };

export function policyFieldScanner(): RecordScanner {
  return new RecordScanner(POLICY_FIELDS);
}

/**
 * Checks a record line (UTF-8, strict JSON) in one pass over its bytes and returns an object
 * with only the members the policy reads, as JSON.parse would give them: validateItem and
 * decide() see the same values as from the whole record. `subject`, `source` and `signals`
 * hold only the members validateItem reads; a record's `text` is only checked for being a
 * non-empty string, so "x" stands in for it (as for `source.url`, only checked for being a
 * string); `_obhut` only for being there; a valid timestamp only for being one, so VALID_TIME
 * stands in for it (an invalid one is decoded, for validateItem to reject). A rejected line is
 * read again by the reference parser, which says why and where.
 */
export function readRecordFields(bytes: Buffer, scanner: RecordScanner): ReadRecord {
  const failure = scanner.scan(bytes);
  if (failure) return scanFailure(bytes, failure);
  return readScannedRecord(bytes, scanner);
}

/** Why a line the scanner refused is rejected, as the reference parser says it. */
export function scanFailure(bytes: Buffer, failure: RecordScanFailure): ReadRecord {
  if (failure.code === 'RECORD_NOT_UTF8') {
    return { ok: false, code: 'RECORD_NOT_UTF8', error: 'line is not valid UTF-8' };
  }
  // The reference gives the message (with the key's path or the character position). Should it
  // accept what the scanner refused, its value is used: the property test says it never does.
  return parseStrictJson(bytes.toString('utf8'));
}

/** readRecordFields for a line `scanner` has just accepted. */
export function readScannedRecord(bytes: Buffer, scanner: RecordScanner): ReadRecord {
  // A record that is not an object is rejected by validateItem whatever it holds.
  if (!scanner.isObject) return { ok: true, value: JSON.parse(bytes.toString('utf8')) };
  const fields = reader.of(bytes, scanner);
  // One shape for every record (a member it lacks is undefined, as validateItem reads it).
  const record: Record<string, unknown> = {
    id: fields.value(ID),
    kind: fields.value(KIND),
    text: fields.anyString(TEXT),
    media: fields.value(MEDIA),
    subject: fields.isObject(SUBJECT)
      ? {
          // The pseudonym cache keeps these; being decoded on their own, they keep no line alive.
          platform: fields.value(PLATFORM),
          account: fields.value(ACCOUNT),
          age: fields.value(AGE),
          region: fields.value(REGION),
        }
      : fields.value(SUBJECT),
    visibility: fields.value(VISIBILITY),
    created_at: fields.time(CREATED_AT),
    source: fields.isObject(SOURCE)
      ? {
          url: fields.anyString(URL),
          collector: fields.value(COLLECTOR),
          dataset: fields.value(DATASET),
          license: fields.value(LICENSE),
          collected_at: fields.time(COLLECTED_AT),
          legal_basis: fields.value(LEGAL_BASIS),
        }
      : fields.value(SOURCE),
    signals: fields.isObject(SIGNALS)
      ? { tdm_reserved: fields.value(TDM_RESERVED) }
      : fields.value(SIGNALS),
    [SAMPLE_ERROR_FIELD]: fields.value(SAMPLE_ERROR),
    [WARC_ERROR_FIELD]: fields.value(WARC_ERROR),
    [MAPPING_ERROR_FIELD]: fields.value(MAPPING_ERROR),
  };
  // validateItem asks whether the member is there at all.
  if (scanner.valueStart(PROVENANCE) >= 0) record[PROVENANCE_FIELD] = 0;
  return { ok: true, value: record };
}

/** Values of the members a scan found, decoded as JSON.parse would decode them. */
class FieldReader {
  bytes: Buffer = Buffer.alloc(0);
  // Set by `of` before any read.
  scanner!: RecordScanner;
  readonly #repeating: (ShortStrings | undefined)[] = POLICY_FIELDS.map((_, k) =>
    (REPEATING as readonly number[]).includes(k) ? new ShortStrings() : undefined,
  );

  /** Reads the line just scanned; one reader per thread, reused line after line. */
  of(bytes: Buffer, scanner: RecordScanner): this {
    this.bytes = bytes;
    this.scanner = scanner;
    return this;
  }

  isObject(k: number): boolean {
    const start = this.scanner.valueStart(k);
    return start >= 0 && this.bytes[start] === 0x7b;
  }

  /**
   * A member only checked for being a (non-empty) string, such as the record's text or its
   * source URL: "x" stands in for a non-empty string, so it is not decoded.
   */
  anyString(k: number): unknown {
    const start = this.scanner.valueStart(k);
    if (start < 0 || this.bytes[start] !== 0x22) return this.value(k);
    return this.scanner.valueEnd(k) - start === 2 ? '' : 'x';
  }

  /**
   * A member only checked for being an RFC 3339 date-time (`created_at`, `source.collected_at`):
   * when its bytes are one, VALID_TIME stands in for it, so it is not decoded; any other value
   * is read as it is, for validateItem to reject with its message.
   */
  time(k: number): unknown {
    const start = this.scanner.valueStart(k);
    if (
      start >= 0 &&
      this.bytes[start] === 0x22 &&
      !this.scanner.valueEscaped(k) &&
      isRfc3339Bytes(this.bytes, start + 1, this.scanner.valueEnd(k) - 1)
    )
      return VALID_TIME;
    return this.value(k);
  }

  /**
   * Member k's value, or undefined when absent. A string without escapes is decoded from its
   * bytes; anything else is parsed.
   */
  value(k: number): unknown {
    const scanner = this.scanner;
    const start = scanner.valueStart(k);
    if (start < 0) return undefined;
    const bytes = this.bytes;
    // Each string is decoded on its own: decoding the whole line once and slicing it made twice
    // the garbage (the line's text) and measured ~4 % slower per line than ten small decodes.
    if (bytes[start] === 0x22 && !scanner.valueEscaped(k)) {
      const repeating = this.#repeating[k];
      return repeating
        ? repeating.get(bytes, start + 1, scanner.valueEnd(k) - 1)
        : bytes.toString('utf8', start + 1, scanner.valueEnd(k) - 1);
    }
    return JSON.parse(bytes.toString('utf8', start, scanner.valueEnd(k)));
  }
}

/** A date-time validateItem accepts, standing in for one the reader found valid in the bytes. */
const VALID_TIME = '1970-01-01T00:00:00Z';

const SHORT_SLOTS = 16;
const SHORT_BYTES = 48;
/** Lookups after which a member whose strings mostly missed stops being looked up. */
const SHORT_TRIAL = 4096;

/**
 * The strings of one member whose values repeat, by their bytes: a direct-mapped table of the
 * last 16 values seen, compared byte for byte, so a repeated value is neither decoded again nor
 * allocated (nine such members a line were a tenth of a build's decoding and garbage). A member
 * that turns out to vary from record to record is decoded as any other after a trial.
 */
class ShortStrings {
  readonly #bytes = new Uint8Array(SHORT_SLOTS * SHORT_BYTES);
  readonly #lengths = new Int32Array(SHORT_SLOTS).fill(-1);
  readonly #strings: string[] = new Array<string>(SHORT_SLOTS).fill('');
  #lookups = 0;
  #hits = 0;
  #off = false;

  get(b: Buffer, start: number, end: number): string {
    const length = end - start;
    if (this.#off || length > SHORT_BYTES) return b.toString('utf8', start, end);
    let h = length;
    for (let i = start; i < end; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
    const slot = (h ^ (h >>> 16)) & (SHORT_SLOTS - 1);
    const at = slot * SHORT_BYTES;
    const known = this.#bytes;
    if (++this.#lookups === SHORT_TRIAL && this.#hits * 2 < SHORT_TRIAL) this.#off = true;
    if (this.#lengths[slot] === length) {
      let j = 0;
      while (j < length && known[at + j] === b[start + j]) j++;
      if (j === length) {
        this.#hits++;
        return this.#strings[slot]!;
      }
    }
    const text = b.toString('utf8', start, end);
    b.copy(known, at, start, end);
    this.#lengths[slot] = length;
    this.#strings[slot] = text;
    return text;
  }
}

const reader = new FieldReader();
