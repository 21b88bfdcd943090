import type { ErrorCode } from '../errors/index.js';
import { SAMPLE_ERROR_FIELD } from '../io/webdataset.js';
import { MAPPING_ERROR_FIELD, PROVENANCE_FIELD } from '../records/index.js';
import { RecordScanner } from '../records/record-scanner.js';
import { parseStrictJson } from '../records/strict-json.js';
import { WARC_ERROR_FIELD } from '../warc/index.js';

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
const TOP_LEVEL = POLICY_FIELDS.filter((name) => !name.includes('.'));
const TEXT = POLICY_FIELDS.indexOf('text');
const PROVENANCE = POLICY_FIELDS.indexOf(PROVENANCE_FIELD);
// For each top-level member read whole from its children: the children's indexes and names.
const CHILDREN = TOP_LEVEL.map((parent) =>
  POLICY_FIELDS.flatMap((name, k) =>
    name.startsWith(`${parent}.`) ? [{ k, name: name.slice(parent.length + 1) }] : [],
  ),
);

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
 * non-empty string, so "x" stands in for it; `_obhut` only for being there. A rejected line is
 * read again by the reference parser, which says why and where.
 */
export function readRecordFields(bytes: Buffer, scanner: RecordScanner): ReadRecord {
  const failure = scanner.scan(bytes);
  if (failure) {
    if (failure.code === 'RECORD_NOT_UTF8') {
      return { ok: false, code: 'RECORD_NOT_UTF8', error: 'line is not valid UTF-8' };
    }
    // The reference gives the message (with the key's path or the character position). Should it
    // accept what the scanner refused, its value is used: the property test says it never does.
    return parseStrictJson(bytes.toString('utf8'));
  }
  // A record that is not an object is rejected by validateItem whatever it holds.
  if (!scanner.isObject) return { ok: true, value: JSON.parse(bytes.toString('utf8')) };
  const record: Record<string, unknown> = {};
  for (let k = 0; k < TOP_LEVEL.length; k++) {
    const start = scanner.valueStart(k);
    if (start < 0) continue;
    const children = CHILDREN[k]!;
    let value: unknown;
    if (k === PROVENANCE) value = 0;
    else if (k === TEXT && bytes[start] === 0x22) {
      value = scanner.valueEnd(k) - start === 2 ? '' : 'x';
    } else if (children.length > 0 && bytes[start] === 0x7b) {
      const object: Record<string, unknown> = {};
      for (const child of children) {
        if (scanner.valueStart(child.k) >= 0) object[child.name] = valueOf(bytes, scanner, child.k);
      }
      value = object;
    } else value = valueOf(bytes, scanner, k);
    record[TOP_LEVEL[k]!] = value;
  }
  return { ok: true, value: record };
}

/** Member k's value: a string without escapes is decoded as it is, anything else parsed. */
function valueOf(bytes: Buffer, scanner: RecordScanner, k: number): unknown {
  const start = scanner.valueStart(k);
  const end = scanner.valueEnd(k);
  if (bytes[start] === 0x22 && !scanner.valueEscaped(k)) {
    return bytes.toString('utf8', start + 1, end - 1);
  }
  return JSON.parse(bytes.toString('utf8', start, end));
}
