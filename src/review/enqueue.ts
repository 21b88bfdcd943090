import { createHmac, hash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConsentSnapshot } from '../consent/index.js';
import { type ErrorCode, ObhutError } from '../errors/index.js';
import { createContext } from '../evaluation/evaluate-batch.js';
import { evaluateLine, MAX_RECORD_BYTES } from '../evaluation/evaluate-line.js';
import { resolveMedia } from '../evaluation/media.js';
import { type OpenedInputs, openInputs } from '../gate/sources/open-inputs.js';
import { type Line, lineContent, readFileLines } from '../io/line-reader.js';
import { compilePolicy, type Policy, REASONS, type Reason } from '../policy/index.js';
import { type Mapping, validateItem } from '../records/index.js';
import { copyRaw, ensureReviewDirs, removeMedia, writeDerived } from './files.js';
import { newItemId, newTaskId } from './ids.js';
import type { LabelsSchema, ReviewKind } from './model.js';
import type { ReviewStores } from './review-store.js';

/**
 * Makes the reviewer's copy of a recording: anonymised, with the ranges (seconds) bleeped.
 * `seed` (from `audioSeed`) is the recording's own, for drawing a per-recording McAdams alpha.
 */
export type PrepareAudio = (
  wav: Uint8Array,
  ranges: readonly { start: number; end: number }[],
  seed: string,
) => Buffer;

/**
 * The seed for a recording's anonymisation: HMAC-SHA-256 under the pseudonymisation secret of a
 * label and the record id, as hex. Queueing the same record again makes the same reviewer copy,
 * different records get independent alphas, and without the secret nobody (reviewers included)
 * can work out a recording's alpha from its record id and undo the warp with it.
 */
export function audioSeed(secret: Uint8Array, recordId: string): string {
  return createHmac('sha256', secret)
    .update('obhut/review-audio-alpha\0')
    .update(recordId)
    .digest('hex');
}

/** Makes the reviewer's copy of an image (metadata stripped, say). */
export type PrepareImage = (image: Uint8Array) => Promise<Buffer> | Buffer;

/**
 * Where records to queue come from: a JSONL file (`obhut review enqueue`) or the items of one
 * request (`POST /api/review/v1/items`). Both go through the one decision below.
 */
export interface ReviewSource {
  /** What results name as `input`: the file's path, or a label for a request. */
  readonly name: string;
  /** The folder a record's `media` path is relative to; without it, records with media are rejected. */
  readonly mediaDir?: string;
  /** The source's item-record lines, numbered from 1 (for a Parquet file: its rows). */
  lines(): Iterable<Line>;
  /** Whether results name a record's place as `line` (JSON lines) or `row` (Parquet). */
  readonly unit?: 'line' | 'row';
}

export interface EnqueueOptions extends EnqueueSetup {
  /** Files in any format `obhut build` reads, and folders of them. */
  readonly inputs: readonly string[];
  /** How rows in another schema become item records (`--map`), as for a build. */
  readonly mapping?: Mapping;
}

/** Everything a queueing needs but the records themselves. */
export interface EnqueueSetup {
  /** A policy for purpose `human_review`. */
  readonly policy: Policy;
  /** The register for `human_review` as of now. */
  readonly consent: ConsentSnapshot;
  readonly store: ReviewStores;
  readonly secret: Buffer;
  /** The home folder; media go to `<home>/review/raw` and `<home>/review/derived`. */
  readonly home: string;
  /** Reviewers per item. */
  readonly k: number;
  readonly labels: LabelsSchema;
  readonly prepareAudio: PrepareAudio;
  /** Without it, image items are queued with no reviewer copy of the image. */
  readonly prepareImage?: PrepareImage;
  /** The key of the policy's `hash` redaction operator, when it uses one. */
  readonly piiKey?: Uint8Array;
  readonly now?: Date;
}

/**
 * Where a record was, as a build's rejected.jsonl names it: the 1-based `line` of JSON lines (as
 * decompressed), or the 1-based `row` of a Parquet file.
 */
export type EnqueuePlace =
  | { readonly input: string; readonly line: number; readonly row?: never }
  | { readonly input: string; readonly row: number; readonly line?: never };

export type EnqueueRejection = EnqueuePlace & {
  readonly code: ErrorCode;
  readonly error: string;
  readonly id?: string;
};

export type EnqueueExclusion = EnqueuePlace & {
  readonly id: string;
  readonly reasons: readonly Reason[];
};

export interface EnqueueResult {
  /** read = queued + excluded + rejected (blank lines are not records). */
  readonly counts: {
    readonly read: number;
    readonly queued: number;
    readonly excluded: number;
    readonly rejected: number;
    readonly blank_lines: number;
  };
  readonly excludedByReason: Record<Reason, number>;
  readonly excluded: readonly EnqueueExclusion[];
  readonly rejected: readonly EnqueueRejection[];
  /** Queued records by position and id, with their items and tasks (random ids that name neither record nor subject). */
  readonly queued: readonly (EnqueuePlace & {
    readonly id: string;
    readonly item: string;
    readonly task: string;
    readonly kind: ReviewKind;
  })[];
}

/**
 * Queues records for human review. Each line is read, validated and decided exactly as a build
 * does it (the build's `evaluateLine`, for purpose `human_review`: objections, minors, opt-in
 * regions, private items, TDM reservations). Admitted records become review items: their text and
 * transcript redacted into the reviewer's view, their media copied to the raw folder, and for
 * audio and images a reviewer's copy made by the injected functions. Items already queued (by
 * record id) are rejected as duplicates.
 */
export async function enqueueForReview(options: EnqueueOptions): Promise<EnqueueResult> {
  const { inputs, mapping, ...setup } = options;
  // Read as a build reads them: decompressed, Parquet rows and mapped rows as item records.
  const opened = await openInputs(inputs, mapping);
  try {
    return await enqueueSources(fileSources(opened), setup);
  } finally {
    await opened.close();
  }
}

/** The opened inputs as sources: media paths relative to each input's folder. */
function fileSources(opened: OpenedInputs): ReviewSource[] {
  return opened.files.map((input, i) => {
    const source = opened.sources[i]!;
    return {
      name: input,
      mediaDir: source.dir,
      unit: source.unit === 'row' ? 'row' : 'line',
      lines: () => readLines(input, source.read),
    };
  });
}

/** `enqueueForReview` for records from any sources (files, or the items of an API request). */
export async function enqueueSources(
  sources: readonly ReviewSource[],
  options: EnqueueSetup,
): Promise<EnqueueResult> {
  const { policy } = options;
  if (policy.purpose !== 'human_review') {
    throw new ObhutError(
      'POLICY_INVALID',
      `review needs a policy for purpose human_review, not ${policy.purpose}`,
    );
  }
  if (options.consent.purpose !== 'human_review')
    throw new ObhutError('INTERNAL', 'the consent register was read for another purpose');
  if (!Number.isInteger(options.k) || options.k < 1 || options.k > 20)
    throw new ObhutError('USAGE', 'k (reviewers per item) must be an integer from 1 to 20');
  const now = options.now ?? new Date();
  await ensureReviewDirs(options.home);
  // The record is decided as it stands; redaction for the reviewer's view happens below.
  const { redact, ...deciding } = policy;
  const mediaDirs = sources.map((s) =>
    s.mediaDir === undefined ? undefined : realpath(s.mediaDir),
  );
  const ctx = {
    ...createContext({
      policy: deciding,
      consent: options.consent.index.shared,
      secret: options.secret,
      inputDirs: [],
    }),
    resolveMedia: (inputIndex: number, media: string) => {
      const dir = mediaDirs[inputIndex];
      return dir === undefined
        ? `"media" path "${media}": this source takes records without media files`
        : resolveMedia(dir, media);
    },
  };
  const compiled = compilePolicy(policy);
  // Loaded here rather than at the top: the PII detector's tables are ~1.3 MB of code that
  // `obhut serve` would otherwise parse at every start, before any item is queued (issue 13).
  const { reviewView } = await import('./view.js');
  const detect = { minScore: redact?.enabled ? redact.min_score : 0.5 };
  const replace = redact?.enabled
    ? {
        operators: redact.operators,
        default: redact.default,
        ...(options.piiKey === undefined ? {} : { hashKey: options.piiKey }),
      }
    : {};

  const counts = { read: 0, queued: 0, excluded: 0, rejected: 0, blank_lines: 0 };
  const excludedByReason = Object.fromEntries(REASONS.map((r) => [r, 0])) as Record<Reason, number>;
  const excluded: EnqueueExclusion[] = [];
  const rejected: EnqueueRejection[] = [];
  const queued: EnqueueResult['queued'][number][] = [];
  const seen = new Set<string>();

  for (const [inputIndex, source] of sources.entries()) {
    const input = source.name;
    const at = (n: number): EnqueuePlace =>
      source.unit === 'row' ? { input, row: n } : { input, line: n };
    for (const line of source.lines()) {
      const outcome = evaluateLine(line, inputIndex, ctx);
      if (outcome.kind === 'blank') {
        counts.blank_lines++;
        continue;
      }
      counts.read++;
      const reject = (code: ErrorCode, error: string, id?: string) => {
        counts.rejected++;
        rejected.push({ ...at(line.number), code, error, ...(id ? { id } : {}) });
      };
      if (outcome.kind === 'rejected') {
        reject(outcome.code, outcome.error, outcome.id);
        continue;
      }
      if (outcome.kind === 'excluded') {
        counts.excluded++;
        for (const r of outcome.reasons) excludedByReason[r]++;
        excluded.push({ ...at(line.number), id: outcome.id, reasons: outcome.reasons });
        continue;
      }
      // The handle is valid only until the next line is evaluated.
      const pseudonym =
        outcome.subject === undefined ? undefined : ctx.subjects.pseudonym(outcome.subject);
      if (seen.has(outcome.id)) {
        reject('RECORD_DUPLICATE_ID', `record id "${outcome.id}" appeared earlier`, outcome.id);
        continue;
      }
      seen.add(outcome.id);
      // For a mapped input, the item record the mapping made of the row: the view, unmasking and
      // escalation read item-record fields (text, subject), which the source row may name otherwise.
      const record = JSON.parse(lineContent(line).toString('utf8')) as Record<string, unknown>;
      const facts = validateItem(record);
      if (!facts.ok) throw new ObhutError('INTERNAL', 'an admitted record no longer validates');
      const kind = facts.value.kind;
      const view = reviewView(record, kind, options.labels, detect, replace);
      const itemId = newItemId();
      const taskId = newTaskId();
      const media = outcome.media?.source;
      const written: string[] = [];
      try {
        let rawMedia: string | undefined;
        let derivedMedia: string | undefined;
        if (media !== undefined) {
          rawMedia = `raw/${itemId}${extension(media)}`;
          await copyRaw(options.home, media, rawMedia);
          written.push(rawMedia);
          const bytes = await readFile(media);
          if (kind === 'audio') {
            derivedMedia = `derived/${itemId}.wav`;
            await writeDerived(
              options.home,
              derivedMedia,
              options.prepareAudio(bytes, view.ranges, audioSeed(options.secret, outcome.id)),
            );
          } else if (kind === 'image' && options.prepareImage) {
            derivedMedia = `derived/${itemId}${extension(media)}`;
            await writeDerived(options.home, derivedMedia, await options.prepareImage(bytes));
          }
          if (derivedMedia) written.push(derivedMedia);
        }
        const stored = await options.store.review.enqueue(
          {
            id: itemId,
            recordKey: hash('sha256', outcome.id, 'hex'),
            recordId: outcome.id,
            kind,
            subject: pseudonym,
            // Admitted under an opt-in default only because the subject consented.
            needsConsent: compiled.defaultFor(facts.value.region) === 'exclude',
            view,
            derivedMedia,
            raw: { record, media: rawMedia },
            createdAt: now.toISOString(),
          },
          { id: taskId, k: options.k },
        );
        if (!stored) {
          for (const file of written) await removeMedia(options.home, file);
          reject(
            'RECORD_DUPLICATE_ID',
            `record "${outcome.id}" is already queued for review`,
            outcome.id,
          );
          continue;
        }
        counts.queued++;
        queued.push({ ...at(line.number), id: outcome.id, item: itemId, task: taskId, kind });
      } catch (err) {
        for (const file of written) await removeMedia(options.home, file);
        if (err instanceof ObhutError && err.code === 'STORE_FAILED') throw err;
        // The reviewer's copy could not be made (an undecodable recording, say).
        const code = err instanceof ObhutError ? err.code : 'MEDIA_INVALID';
        reject(code, `media of "${outcome.id}": ${(err as Error).message}`, outcome.id);
      }
    }
  }
  return { counts, excludedByReason, excluded, rejected, queued };
}

function realpath(dir: string): string {
  try {
    return realpathSync(dir);
  } catch (err) {
    throw new ObhutError(
      'INPUT_UNREADABLE',
      `cannot open folder ${dir}: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
}

/** The item-record lines of `input`, read from `file` (the input itself or its conversion). */
function* readLines(input: string, file: string): Generator<Line> {
  try {
    yield* readFileLines(file, MAX_RECORD_BYTES);
  } catch (err) {
    if (err instanceof ObhutError) throw err;
    throw new ObhutError(
      'INPUT_UNREADABLE',
      `cannot read input ${input}: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
}

function extension(file: string): string {
  return path
    .extname(file)
    .toLowerCase()
    .replace(/[^.a-z0-9]/g, '')
    .slice(0, 9);
}
