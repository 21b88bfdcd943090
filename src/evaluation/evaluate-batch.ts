import { realpathSync } from 'node:fs';
import {
  ConsentIndex,
  type ConsentState,
  PseudonymCache,
  type SharedConsentIndex,
  type SharedPseudonymTable,
} from '../consent/index.js';
import { ObhutError } from '../errors/index.js';
import { sha256Into } from '../merkle/sha256-into.js';
import type * as Optout from '../optout/index.js';
import type { DatedCapture } from '../optout/index.js';
import type * as Pii from '../pii/index.js';
import { compilePolicy, type OptoutPolicy, type Policy } from '../policy/index.js';
import {
  evaluateLine,
  type LineContext,
  type LineOutcome,
  PROVENANCE_KEY,
  type Provenance,
} from './evaluate-line.js';
import type { KeptMedia } from './kept-media.js';
import { batchLines, type LineBatch } from './line-batch.js';
import { describeMedia, resolveMedia } from './media.js';

/** Everything an evaluator needs, in a form that can be sent to a worker thread. */
export interface EvaluatorSetup {
  readonly policy: Policy;
  /** Subjects' consent states for the policy's purpose, in shared memory. */
  readonly consent: SharedConsentIndex;
  readonly secret: Uint8Array;
  /**
   * One pseudonym table for every evaluating thread of a build, so a subject is pseudonymised
   * once, not once per thread; without it each thread keeps a smaller table of its own.
   */
  readonly pseudonyms?: SharedPseudonymTable;
  /** Absolute folder of each input, for resolving media paths. */
  readonly inputDirs: readonly string[];
  /** The key of the policy's `hash` redaction operator, when it uses one. */
  readonly piiKey?: Uint8Array;
  /** Web opt-outs to evaluate, with the crawl's robots.txt and tdmrep.json captures. */
  readonly optout?: { readonly policy: OptoutPolicy; readonly captures: readonly DatedCapture[] };
  /** Name excluded items' media too, for a build's safety scan. */
  readonly scanExcludedMedia?: boolean;
}

/** An outcome as it crosses threads: an admitted line's bytes travel packed in the batch result. */
export type PackedOutcome =
  | Exclude<LineOutcome, { kind: 'admitted' }>
  | (Omit<Extract<LineOutcome, { kind: 'admitted' }>, 'head' | 'provenance' | 'subject'> & {
      readonly length: number;
      /** Whether the record names a subject; its pseudonym is then next in `subjects`. */
      readonly hasSubject: boolean;
    });

export interface BatchResult {
  readonly seq: number;
  readonly inputIndex: number;
  /** Per line: its number and outcome, in input order. */
  readonly numbers: Uint32Array;
  readonly outcomes: readonly PackedOutcome[];
  /** The admitted lines, back to back, in order; each outcome says its length. */
  readonly admitted: Uint8Array;
  /** The admitted lines' 32-byte leaf hashes, back to back, in order. */
  readonly leafHashes: Uint8Array;
  /** The 32-byte pseudonyms of the admitted lines that name a subject, back to back, in order. */
  readonly subjects: Uint8Array;
}

// The pseudonyms of a batch are written here as they come, then copied out at their size.
let subjectScratch = Buffer.alloc(0);

/** The modules a setup needs beyond the always-loaded ones; see loadEvaluationLibs. */
export interface EvaluationLibs {
  readonly pii?: typeof Pii;
  readonly optout?: typeof Optout;
}

/**
 * Imports the PII code when the policy redacts and the opt-out code when the setup evaluates
 * web opt-outs. Loaded statically, they (libphonenumber's metadata, parse5) were a large part
 * of an evaluation worker's start-up on builds that use neither.
 */
export async function loadEvaluationLibs(setup: EvaluatorSetup): Promise<EvaluationLibs> {
  const [pii, optout] = await Promise.all([
    setup.policy.redact?.enabled ? import('../pii/index.js') : undefined,
    setup.optout ? import('../optout/index.js') : undefined,
  ]);
  return { ...(pii ? { pii } : {}), ...(optout ? { optout } : {}) };
}

/**
 * Builds the per-thread evaluation context from a setup and the modules it needs; with `kept`,
 * media files' bytes are kept there as they are described (see KeptMedia).
 */
export function createContext(
  setup: EvaluatorSetup,
  libs: EvaluationLibs = {},
  kept?: KeptMedia,
): LineContext {
  const index = ConsentIndex.open(setup.consent);
  const realDirs = setup.inputDirs.map((dir) => realpathSync(dir));
  const redact = setup.policy.redact;
  return {
    policy: compilePolicy(setup.policy),
    subjects: new PseudonymCache<ConsentState>(
      setup.secret,
      (digest) => index.get(digest),
      setup.pseudonyms,
    ),
    resolveMedia: (inputIndex, media) => resolveMedia(realDirs[inputIndex]!, media),
    describeMedia: kept ? (file) => describeMedia(file, kept) : describeMedia,
    ...(setup.optout
      ? {
          optout: {
            policy: setup.optout.policy,
            captures: needed(libs.optout, 'optout').CaptureSet.of(setup.optout.captures),
            lib: needed(libs.optout, 'optout'),
          },
        }
      : {}),
    ...(setup.scanExcludedMedia ? { scanExcludedMedia: true } : {}),
    ...(redact?.enabled
      ? {
          redact: {
            detect: { minScore: redact.min_score },
            redact: {
              operators: redact.operators,
              default: redact.default,
              ...(setup.piiKey === undefined ? {} : { hashKey: setup.piiKey }),
            },
            lib: needed(libs.pii, 'pii'),
          },
        }
      : {}),
  };
}

/**
 * Evaluates every line of a batch. Admitted lines and their leaf hashes are packed into two
 * blocks, which move between threads without a copy, instead of two small buffers per record.
 */
export function evaluateBatch(batch: LineBatch, ctx: LineContext): BatchResult {
  const outcomes: PackedOutcome[] = [];
  const count = batch.numbers.length;
  if (subjectScratch.length < count * 32) subjectScratch = Buffer.allocUnsafeSlow(count * 32);
  const leafHashes = Buffer.allocUnsafeSlow(count * 32);
  const lines = new PackedLines(batch.data.length + count * PROVENANCE_GUESS);
  let subjectBytes = 0;
  let admittedCount = 0;
  for (const line of batchLines(batch)) {
    const outcome = evaluateLine(line, batch.inputIndex, ctx);
    if (outcome.kind !== 'admitted') {
      outcomes.push(outcome);
      continue;
    }
    const subject = outcome.subject;
    lines.append(
      outcome.head,
      outcome.provenance,
      subject,
      ctx.subjects,
      leafHashes,
      admittedCount * 32,
    );
    admittedCount++;
    if (subject !== undefined) {
      ctx.subjects.copyDigest(subject, subjectScratch, subjectBytes);
      subjectBytes += 32;
    }
    const packed: {
      -readonly [K in keyof Extract<PackedOutcome, { kind: 'admitted' }>]: Extract<
        PackedOutcome,
        { kind: 'admitted' }
      >[K];
    } = {
      kind: 'admitted',
      id: outcome.id,
      itemKind: outcome.itemKind,
      fingerprint: outcome.fingerprint,
      length: lines.lastLength,
      hasSubject: subject !== undefined,
    };
    if (outcome.media !== undefined) packed.media = outcome.media;
    if (outcome.pii !== undefined) packed.pii = outcome.pii;
    outcomes.push(packed);
  }
  const packedSubjects = Buffer.allocUnsafeSlow(subjectBytes);
  subjectScratch.copy(packedSubjects, 0, 0, subjectBytes);
  return {
    seq: batch.seq,
    inputIndex: batch.inputIndex,
    numbers: batch.numbers,
    outcomes,
    admitted: lines.bytes(),
    leafHashes: leafHashes.subarray(0, admittedCount * 32),
    subjects: packedSubjects,
  };
}

// Bytes a line grows by when admitted (the provenance), for sizing a batch's output block.
const PROVENANCE_GUESS = 160;
const LEAF_PREFIX = 0x00;
/** The provenance's fixed parts, as bytes: see Provenance. */
const OPEN = Buffer.from(`${PROVENANCE_KEY}{"input":`, 'latin1');
const LINE = Buffer.from(',"line":', 'latin1');
const SHA256 = Buffer.from(',"sha256":"', 'latin1');
const SUBJECT = Buffer.from('","subject":"', 'latin1');
const CLOSE = Buffer.from('"', 'latin1');
const BRACES = Buffer.from('}}', 'latin1');
/** The longest provenance without `more`: the fixed parts, two numbers and two digests. */
const PROVENANCE_MOST =
  OPEN.length +
  LINE.length +
  SHA256.length +
  SUBJECT.length +
  CLOSE.length +
  BRACES.length +
  2 * 16 +
  2 * 64;

/**
 * Admitted lines back to back in one block, each hashed in place as an RFC 6962 leaf: the byte
 * before a line (the previous line's last byte, or a spare first byte) is set to the leaf
 * prefix for the digest and put back after, so no line is copied or allocated on its own. The
 * provenance is written into the block from its parts, with no string made for it (a string
 * per admitted line, and the pseudonym's hex, were part of a build's garbage).
 */
class PackedLines {
  #buf: Buffer;
  #at = 1;
  lastLength = 0;

  constructor(capacity: number) {
    this.#buf = Buffer.allocUnsafeSlow(capacity + 1);
  }

  append(
    head: Buffer,
    provenance: Provenance,
    subject: number | undefined,
    subjects: PseudonymCache<ConsentState>,
    hashes: Buffer,
    hashAt: number,
  ): void {
    const most = head.length + PROVENANCE_MOST + provenance.more.length * 3;
    if (this.#at + most > this.#buf.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.#buf.length * 2, this.#at + most));
      this.#buf.copy(bigger, 0, 0, this.#at);
      this.#buf = bigger;
    }
    const buf = this.#buf;
    const start = this.#at;
    let at = start + head.copy(buf, start);
    buf.set(OPEN, at);
    at = writeDecimal(buf, at + OPEN.length, provenance.input);
    buf.set(LINE, at);
    at = writeDecimal(buf, at + LINE.length, provenance.line);
    buf.set(SHA256, at);
    at += SHA256.length;
    at += buf.write(provenance.sha256, at, 'latin1');
    if (subject !== undefined) {
      buf.set(SUBJECT, at);
      at += SUBJECT.length;
      subjects.writeHex(subject, buf, at);
      at += 64;
    }
    buf.set(CLOSE, at);
    at += CLOSE.length;
    if (provenance.more.length > 0) at += buf.write(provenance.more, at);
    buf.set(BRACES, at);
    const end = at + BRACES.length;
    const before = buf[start - 1]!;
    buf[start - 1] = LEAF_PREFIX;
    sha256Into(buf.subarray(start - 1, end), hashes, hashAt);
    buf[start - 1] = before;
    this.#at = end;
    this.lastLength = end - start;
  }

  /** The lines, as a view of the block (which is handed over with it). */
  bytes(): Buffer {
    return this.#buf.subarray(1, this.#at);
  }
}

/** Writes a non-negative integer in decimal (as JSON and String give it) at `at`; returns the end. */
function writeDecimal(buf: Buffer, at: number, n: number): number {
  if (n < 10) {
    buf[at] = 0x30 + n;
    return at + 1;
  }
  let digits = 1;
  for (let p = 10; p <= n; p *= 10) digits++;
  let rest = n;
  for (let i = at + digits - 1; i >= at; i--) {
    const next = Math.floor(rest / 10);
    buf[i] = 0x30 + (rest - next * 10);
    rest = next;
  }
  return at + digits;
}

function needed<T>(lib: T | undefined, name: string): T {
  if (lib === undefined) {
    throw new ObhutError(
      'INTERNAL',
      `the evaluation context needs the ${name} module: load it with loadEvaluationLibs`,
    );
  }
  return lib;
}
