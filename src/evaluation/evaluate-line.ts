import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import type { ConsentState, PseudonymCache } from '../consent/index.js';
import type { ErrorCode } from '../errors/index.js';
import { type Line, lastNonSpace, lineContent } from '../io/line-reader.js';
import type * as Optout from '../optout/index.js';
import type { CaptureSet, Consulted, Signal } from '../optout/index.js';
import type * as Pii from '../pii/index.js';
import type { DetectOptions, PiiCounts, RedactOptions } from '../pii/index.js';
import { type CompiledPolicy, decide, type OptoutPolicy, type Reason } from '../policy/index.js';
import { SAMPLE_ERROR_FIELD, WARC_ERROR_FIELD } from '../records/error-fields.js';
import {
  type ItemFacts,
  type ItemKind,
  MAPPING_ERROR_FIELD,
  PROVENANCE_FIELD,
  validateItem,
} from '../records/index.js';
import { parseStrictJson } from '../records/strict-json.js';
import { CommonFacts } from './common-facts.js';
import { fingerprintId } from './id-set.js';
import type { MediaEntry } from './media.js';
import { policyFieldScanner, readScannedRecord, scanFailure } from './read-record.js';

export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/** An id's 64-bit fingerprint; the duplicate check happens later, in input order. */
export interface Fingerprint {
  readonly hi: number;
  readonly lo: number;
}

export type LineOutcome =
  | { readonly kind: 'blank' }
  | {
      readonly kind: 'rejected';
      readonly code: ErrorCode;
      readonly error: string;
      readonly id?: string;
      readonly fingerprint?: Fingerprint;
    }
  | {
      readonly kind: 'excluded';
      readonly id: string;
      readonly fingerprint: Fingerprint;
      readonly reasons: readonly Reason[];
      /** The web opt-outs that reserved the item, when opt-outs were evaluated. */
      readonly signals?: readonly Signal[];
      /** An excluded item's media, for the safety scan (which reads every item's media). */
      readonly scan?: ExcludedMedia;
    }
  | {
      readonly kind: 'admitted';
      readonly id: string;
      /** The record's kind: a build's safety scan PDQ-hashes the media of `image` items. */
      readonly itemKind: ItemKind;
      readonly fingerprint: Fingerprint;
      /**
       * The line as written to the dataset is `head`, the input bytes up to their closing
       * brace, then the `_obhut` provenance (see `Provenance`) and the brace. The caller lays
       * them out where it keeps lines and hashes them there (see evaluate-batch.ts), without a
       * string or a copy each.
       */
      readonly head: Buffer;
      readonly provenance: Provenance;
      /**
       * When the record names a subject: its handle in the context's pseudonym cache, valid
       * until the cache's next lookup (the next line), for its pseudonym.
       */
      readonly subject?: number;
      readonly media?: { readonly source: string; readonly entry: MediaEntry };
      /** Findings redacted per type, when the policy redacts and something was found. */
      readonly pii?: PiiCounts;
    };

/**
 * An admitted line's provenance: `{"input":…,"line":…,"sha256":"…"`, then `,"subject":"…"`
 * when the record names one, then `more` (media, opt-out evidence) and the closing brace; see
 * writeProvenance in evaluate-batch.ts.
 */
export interface Provenance {
  readonly input: number;
  readonly line: number;
  /** SHA-256 of the input line as read, hex. */
  readonly sha256: string;
  /** The members after the subject, each starting with a comma, or ''. */
  readonly more: string;
}

export interface ExcludedMedia {
  readonly source: string;
  readonly itemKind: ItemKind;
  /** The record as read, for a finding's provenance. */
  readonly record: string;
  readonly subject?: string;
}

export interface LineContext {
  readonly policy: CompiledPolicy;
  /** Pseudonym and consent state of each subject, cached per account. */
  readonly subjects: PseudonymCache<ConsentState>;
  /** Resolves a record's media path (relative to input `inputIndex`), or says why it cannot be used. */
  readonly resolveMedia: (inputIndex: number, media: string) => { file: string } | string;
  readonly describeMedia: (file: string) => MediaEntry;
  /** Whether excluded items name their media (see ExcludedMedia); only a safety scan needs it. */
  readonly scanExcludedMedia?: boolean;
  /** When the policy redacts personal data: how to find it and what to replace it with. */
  readonly redact?: {
    readonly detect: DetectOptions;
    readonly redact: RedactOptions;
    readonly lib: RedactLib;
  };
  /**
   * Web opt-outs, when the build evaluates them (a crawl as input, --signals, or a policy that
   * names `optout`); otherwise only `signals.tdm_reserved` counts, as decide() reads it.
   */
  readonly optout?: {
    readonly policy: OptoutPolicy;
    readonly captures: CaptureSet;
    readonly lib: OptoutLib;
  };
}

/**
 * The PII and web opt-out code a context calls. A context gets them from its creator, which
 * imports them only when the policy redacts or evaluates opt-outs: an evaluation worker then
 * starts without libphonenumber's metadata and parse5 (see evaluate-batch.ts).
 */
export type RedactLib = Pick<typeof Pii, 'redactItemLine' | 'textSpans'>;
export type OptoutLib = Pick<typeof Optout, 'evaluateOptout' | 'optoutInputOf'>;

const CLOSE_BRACE = 0x7d;
// One per thread (each worker loads its own copy of this module); it keeps no state between lines.
const scanner = policyFieldScanner();
const commonFacts = new CommonFacts();
// Appended after the record's last field: `,"_obhut":`.
export const PROVENANCE_KEY = `,${JSON.stringify(PROVENANCE_FIELD)}:`;

/**
 * Reads, validates and decides one input line, and for an admitted record writes the output
 * line and its leaf hash. Pure but for reading media files; safe to run in a worker thread.
 */
export function evaluateLine(line: Line, inputIndex: number, ctx: LineContext): LineOutcome {
  return evaluateLineWith(line, inputIndex, ctx, true);
}

/**
 * evaluateLine, with or without the common-shape path (common-facts.ts): a property test holds
 * the two to the same outcome for every line.
 */
export function evaluateLineWith(
  line: Line,
  inputIndex: number,
  ctx: LineContext,
  common: boolean,
): LineOutcome {
  if (line.tooLong) {
    return reject('RECORD_TOO_LARGE', `line is longer than ${MAX_RECORD_BYTES} bytes (16 MiB)`);
  }
  const bytes = lineContent(line);
  const end = lastNonSpace(bytes);
  if (end < 0) return { kind: 'blank' };
  // Redaction rewrites fields in the line's text and web opt-outs read any field, so both need
  // the whole record parsed; otherwise only the fields the policy reads are (read-record.ts).
  const whole = ctx.redact !== undefined || ctx.optout !== undefined;
  let text: string | undefined;
  let located: ReturnType<RedactLib['textSpans']> | undefined;
  let value: unknown;
  if (whole) {
    if (!isUtf8(bytes)) return reject('RECORD_NOT_UTF8', 'line is not valid UTF-8');
    text = bytes.toString('utf8');
    // Field positions are collected only when redaction may rewrite fields in place.
    located = ctx.redact ? ctx.redact.lib.textSpans() : undefined;
    const parsed = parseStrictJson(text, located ? { onValue: located.onValue } : {});
    if (!parsed.ok) return reject(parsed.code, parsed.error);
    value = parsed.value;
  } else {
    const failure = scanner.scan(bytes);
    if (failure === undefined && common && commonFacts.read(bytes, scanner)) {
      const facts = commonFacts;
      const known = facts.hasAccount
        ? ctx.subjects.findBytes(
            bytes,
            facts.platformStart,
            facts.platformEnd,
            facts.accountStart,
            facts.accountEnd,
          )
        : undefined;
      return settle(line, inputIndex, ctx, bytes, end, facts, known, undefined);
    }
    const read =
      failure === undefined ? readScannedRecord(bytes, scanner) : scanFailure(bytes, failure);
    if (!read.ok) return reject(read.code, read.error);
    value = read.value;
  }
  // A WebDataset sample that could not become a record (see io/webdataset.ts).
  const sampleError = (value as Record<string, unknown> | null)?.[SAMPLE_ERROR_FIELD];
  if (typeof sampleError === 'string') return reject('SAMPLE_INVALID', sampleError);
  const warcError = (value as Record<string, unknown> | null)?.[WARC_ERROR_FIELD];
  if (typeof warcError === 'string') {
    const id = (value as { id?: unknown }).id;
    return reject('WARC_INVALID', warcError, typeof id === 'string' ? id : undefined);
  }
  // A row a --map mapping could not convert (see gate/sources/mapped.ts).
  const mappingError = (value as Record<string, unknown> | null)?.[MAPPING_ERROR_FIELD];
  if (typeof mappingError === 'string') return reject('RECORD_UNMAPPED', mappingError);
  const valid = validateItem(value);
  if (!valid.ok) {
    const id = (value as { id?: unknown } | null)?.id;
    return reject('RECORD_INVALID', valid.error, typeof id === 'string' ? id : undefined);
  }
  const facts = valid.value;
  // A handle into the cache, valid until its next lookup (none happens while this line is read);
  // the pseudonym's hex is made only where it is written.
  const known = facts.account ? ctx.subjects.find(facts.account) : undefined;
  return settle(line, inputIndex, ctx, bytes, end, facts, known, { value, text, located });
}

/** What only a line parsed whole has: its value, and its text and field places for redaction. */
interface Whole {
  readonly value: unknown;
  readonly text: string | undefined;
  readonly located: ReturnType<RedactLib['textSpans']> | undefined;
}

/**
 * Decides a valid record from its facts and its subject's handle (`known`), and makes the
 * outcome: for an admitted record, the parts of its output line.
 */
function settle(
  line: Line,
  inputIndex: number,
  ctx: LineContext,
  bytes: Buffer,
  end: number,
  facts: ItemFacts,
  known: number | undefined,
  whole: Whole | undefined,
): LineOutcome {
  const fingerprint = fingerprintId(facts.id);
  // The opt-out evaluator decides the reservation (the record's own flag is one of its
  // signals); decide() then reports it as tdm_reserved among the other reasons.
  const optout = ctx.optout
    ? ctx.optout.lib.evaluateOptout(
        ctx.optout.lib.optoutInputOf(
          whole?.value as Record<string, unknown>,
          facts.kind,
          facts.tdmReserved,
          ctx.optout.captures,
        ),
        ctx.optout.policy,
      )
    : undefined;
  const decision = decide(
    optout ? { ...facts, tdmReserved: optout.reserved } : facts,
    known === undefined ? 'none' : ctx.subjects.value(known),
    ctx.policy,
  );
  if (!decision.admit) {
    // An excluded item's media is not checked (its reasons are what matter) but is named for the
    // safety scan: a duty to report abuse material does not depend on consent or age.
    const resolved =
      facts.media === undefined || !ctx.scanExcludedMedia
        ? undefined
        : ctx.resolveMedia(inputIndex, facts.media);
    const scan: ExcludedMedia | undefined =
      resolved === undefined || typeof resolved === 'string'
        ? undefined
        : {
            source: resolved.file,
            itemKind: facts.kind,
            record: bytes.toString('utf8'),
            ...(known === undefined ? {} : { subject: ctx.subjects.pseudonym(known) }),
          };
    const excluded: { -readonly [K in keyof Excluded]: Excluded[K] } = {
      kind: 'excluded',
      id: facts.id,
      fingerprint,
      reasons: decision.reasons,
    };
    if (optout?.reserved) excluded.signals = optout.signals;
    if (scan !== undefined) excluded.scan = scan;
    return excluded;
  }

  let mediaFile: string | undefined;
  if (facts.media !== undefined) {
    const resolved = ctx.resolveMedia(inputIndex, facts.media);
    if (typeof resolved === 'string')
      return reject('MEDIA_INVALID', resolved, facts.id, fingerprint);
    mediaFile = resolved.file;
  }

  // A validated record is a JSON object, so its last non-space byte is its closing brace.
  if (bytes[end] !== CLOSE_BRACE)
    return reject('RECORD_NOT_JSON', 'record does not end with "}"', facts.id);
  const entry = mediaFile === undefined ? undefined : ctx.describeMedia(mediaFile);
  // Redaction rewrites only the fields it redacts, in the line's text; the provenance still
  // names the input line as it was read.
  let head = bytes.subarray(0, end);
  let pii: PiiCounts | undefined;
  if (ctx.redact && whole?.located && whole.text !== undefined) {
    const redacted = ctx.redact.lib.redactItemLine(
      whole.text,
      whole.value as Record<string, unknown>,
      whole.located.spans,
      ctx.redact.detect,
      ctx.redact.redact,
    );
    if (Object.keys(redacted.counts).length > 0) pii = redacted.counts;
    if (redacted.line !== undefined) {
      const rewritten = Buffer.from(redacted.line, 'utf8');
      head = rewritten.subarray(0, lastNonSpace(rewritten));
    }
  }
  // The provenance object's JSON is written out by the caller from these parts, in the key
  // order JSON.stringify would give (see Provenance): JSON.stringify of an object per record,
  // and later a string per record, were a visible share of a build.
  let more = '';
  if (entry !== undefined) more += `,"media":${JSON.stringify(entry)}`;
  if (optout !== undefined) {
    more += `,"optout":${JSON.stringify(optoutEvidence(ctx.optout!.policy, optout.consulted))}`;
  }
  // Optional members are set one by one: a spread of `{}` or `{ subject }` made two objects
  // more per admitted line, and garbage is a fifth of a build's time.
  const admitted: { -readonly [K in keyof Admitted]: Admitted[K] } = {
    kind: 'admitted',
    id: facts.id,
    itemKind: facts.kind,
    fingerprint,
    head,
    provenance: {
      input: inputIndex,
      line: line.number,
      sha256: hash('sha256', bytes, 'hex'),
      more,
    },
  };
  if (known !== undefined) admitted.subject = known;
  if (entry !== undefined) admitted.media = { source: mediaFile!, entry };
  if (pii !== undefined) admitted.pii = pii;
  return admitted;
}

type Admitted = Extract<LineOutcome, { kind: 'admitted' }>;
type Excluded = Extract<LineOutcome, { kind: 'excluded' }>;

/**
 * What an admitted item was checked against: the signal types evaluated and the captures read,
 * with their digests, so an audit can show that nothing reserved it.
 */
function optoutEvidence(policy: OptoutPolicy, consulted: readonly Consulted[]) {
  const captures = new Map<string, { url: string; status?: number; sha256?: string }>();
  for (const c of consulted) {
    if (c.url !== undefined && !captures.has(c.url)) {
      captures.set(c.url, { url: c.url, status: c.status, sha256: c.sha256 });
    }
  }
  return { checked: policy.signals, captures: [...captures.values()] };
}

function reject(
  code: ErrorCode,
  error: string,
  id?: string,
  fingerprint?: Fingerprint,
): LineOutcome {
  return {
    kind: 'rejected',
    code,
    error,
    ...(id === undefined ? {} : { id }),
    ...(fingerprint === undefined ? {} : { fingerprint }),
  };
}
