import { realpathSync } from 'node:fs';
import {
  ConsentIndex,
  type ConsentState,
  PseudonymCache,
  type SharedConsentIndex,
} from '../consent/index.js';
import { CaptureSet, type DatedCapture } from '../optout/index.js';
import { compilePolicy, type OptoutPolicy, type Policy } from '../policy/index.js';
import { evaluateLine, type LineContext, type LineOutcome } from './evaluate-line.js';
import { batchLines, type LineBatch } from './line-batch.js';
import { describeMedia, resolveMedia } from './media.js';

/** Everything an evaluator needs, in a form that can be sent to a worker thread. */
export interface EvaluatorSetup {
  readonly policy: Policy;
  /** Subjects' consent states for the policy's purpose, in shared memory. */
  readonly consent: SharedConsentIndex;
  readonly secret: Uint8Array;
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
  | (Omit<Extract<LineOutcome, { kind: 'admitted' }>, 'line' | 'leafHash' | 'subject'> & {
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

/** Builds the per-thread evaluation context from a setup. */
export function createContext(setup: EvaluatorSetup): LineContext {
  const index = ConsentIndex.open(setup.consent);
  const realDirs = setup.inputDirs.map((dir) => realpathSync(dir));
  const redact = setup.policy.redact;
  return {
    policy: compilePolicy(setup.policy),
    subjects: new PseudonymCache<ConsentState>(setup.secret, (digest) => index.get(digest)),
    resolveMedia: (inputIndex, media) => resolveMedia(realDirs[inputIndex]!, media),
    describeMedia,
    ...(setup.optout
      ? {
          optout: {
            policy: setup.optout.policy,
            captures: CaptureSet.of(setup.optout.captures),
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
  const lines: Uint8Array[] = [];
  const maxSubjects = batch.numbers.length * 32;
  if (subjectScratch.length < maxSubjects) subjectScratch = Buffer.allocUnsafeSlow(maxSubjects);
  let subjectBytes = 0;
  let bytes = 0;
  for (const line of batchLines(batch)) {
    const outcome = evaluateLine(line, batch.inputIndex, ctx);
    if (outcome.kind !== 'admitted') {
      outcomes.push(outcome);
      continue;
    }
    const { line: written, leafHash, subject, ...rest } = outcome;
    lines.push(written, leafHash);
    bytes += written.length;
    if (subject !== undefined) {
      subjectScratch.write(subject, subjectBytes, 32, 'hex');
      subjectBytes += 32;
    }
    outcomes.push({ ...rest, length: written.length, hasSubject: subject !== undefined });
  }
  const admitted = Buffer.allocUnsafeSlow(bytes);
  const leafHashes = Buffer.allocUnsafeSlow((lines.length / 2) * 32);
  for (let i = 0, at = 0; i < lines.length; i += 2) {
    admitted.set(lines[i]!, at);
    at += lines[i]!.length;
    leafHashes.set(lines[i + 1]!, (i / 2) * 32);
  }
  const packedSubjects = Buffer.allocUnsafeSlow(subjectBytes);
  subjectScratch.copy(packedSubjects, 0, 0, subjectBytes);
  return {
    seq: batch.seq,
    inputIndex: batch.inputIndex,
    numbers: batch.numbers,
    outcomes,
    admitted,
    leafHashes,
    subjects: packedSubjects,
  };
}
