import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import type { ConsentSnapshot, PseudonymCache } from '../consent/index.js';
import type { ErrorCode } from '../errors/index.js';
import type { Line } from '../io/line-reader.js';
import { type CompiledPolicy, decide, type Reason } from '../policy/index.js';
import { type ItemFacts, validateItem } from '../records/index.js';
import type { IdFingerprintSet } from './id-set.js';

export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

export type LineOutcome =
  | { readonly kind: 'blank' }
  | {
      readonly kind: 'rejected';
      readonly code: ErrorCode;
      readonly error: string;
      readonly id?: string;
    }
  | { readonly kind: 'excluded'; readonly id: string; readonly reasons: readonly Reason[] }
  | {
      readonly kind: 'admitted';
      readonly facts: ItemFacts;
      /** The record's bytes up to (not including) its closing brace, ready for provenance. */
      readonly head: Buffer;
      readonly sha256: string;
      readonly subject: string | undefined;
      /** Absolute path of the item's media file, checked to exist inside the input folder. */
      readonly mediaFile: string | undefined;
    };

export interface LineContext {
  readonly policy: CompiledPolicy;
  readonly consent: ConsentSnapshot;
  readonly pseudonyms: PseudonymCache;
  readonly ids: IdFingerprintSet;
  /** Resolves a record's media path to a file, or explains why it cannot be used. */
  readonly resolveMedia: (media: string) => { file: string } | string;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CLOSE_BRACE = 0x7d;

/** Reads, validates and decides one input line. Media checks are the caller's. */
export function evaluateLine(line: Line, ctx: LineContext): LineOutcome {
  if (line.tooLong) {
    return reject('RECORD_TOO_LARGE', `line is longer than ${MAX_RECORD_BYTES} bytes (16 MiB)`);
  }
  let bytes = line.bytes;
  if (line.number === 1 && bytes.subarray(0, 3).equals(UTF8_BOM)) bytes = bytes.subarray(3);
  const end = lastNonSpace(bytes);
  if (end < 0) return { kind: 'blank' };
  if (!isUtf8(bytes)) return reject('RECORD_NOT_UTF8', 'line is not valid UTF-8');

  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    return reject('RECORD_NOT_JSON', `not valid JSON: ${(err as Error).message}`);
  }
  const valid = validateItem(value);
  if (!valid.ok) {
    const id =
      typeof (value as { id?: unknown } | null)?.id === 'string'
        ? (value as { id: string }).id
        : undefined;
    return reject('RECORD_INVALID', valid.error, id);
  }
  const facts = valid.value;
  if (!ctx.ids.add(facts.id)) {
    return reject(
      'RECORD_DUPLICATE_ID',
      `id "${facts.id}" appeared earlier in this build's inputs`,
      facts.id,
    );
  }

  let mediaFile: string | undefined;
  if (facts.media !== undefined) {
    const resolved = ctx.resolveMedia(facts.media);
    if (typeof resolved === 'string') return reject('MEDIA_INVALID', resolved, facts.id);
    mediaFile = resolved.file;
  }

  const subject = facts.account ? ctx.pseudonyms.of(facts.account) : undefined;
  const decision = decide(facts, ctx.consent.stateOf(subject), ctx.policy);
  if (!decision.admit) return { kind: 'excluded', id: facts.id, reasons: decision.reasons };

  // A validated record is a JSON object, so its last non-space byte is its closing brace.
  if (bytes[end] !== CLOSE_BRACE) return reject('RECORD_NOT_JSON', 'record does not end with "}"');
  return {
    kind: 'admitted',
    facts,
    head: bytes.subarray(0, end),
    sha256: hash('sha256', bytes, 'hex'),
    subject,
    mediaFile,
  };
}

function lastNonSpace(bytes: Buffer): number {
  let i = bytes.length - 1;
  while (i >= 0) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a) break;
    i--;
  }
  return i;
}

function reject(code: ErrorCode, error: string, id?: string): LineOutcome {
  return id === undefined
    ? { kind: 'rejected', code, error }
    : { kind: 'rejected', code, error, id };
}
