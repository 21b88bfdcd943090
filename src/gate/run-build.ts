import { createHash } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';
import type { ConsentSnapshot } from '../consent/index.js';
import { createPseudonymTable } from '../consent/pseudonym-cache.js';
import { ObhutError } from '../errors/index.js';
import type { BatchResult } from '../evaluation/evaluate-batch.js';
import { MAX_RECORD_BYTES } from '../evaluation/evaluate-line.js';
import { KeptMedia } from '../evaluation/kept-media.js';
import { type LineBatch, LineBatcher } from '../evaluation/line-batch.js';
import { encodeEntry, type Receipt, type TransparencyLog } from '../log/index.js';
import type { StoredCheckpoint } from '../log/log-storage.js';
import { CaptureSet } from '../optout/capture-set.js';
import { canonicalPolicyJson, type Policy } from '../policy/index.js';
import type { Mapping } from '../records/index.js';
import { type Finding, findingId, findingLogEntry } from '../safety/finding.js';
import type { FindingStore } from '../safety/safety-store.js';
import { TOOL_VERSION } from '../version.js';
import { addBuildDocuments, type BuildDocumentsHook } from './build-documents-hook.js';
import type { BuildRegistry } from './build-registry.js';
import { BuildWriter, type FinishedOutputs, type RejectedRecord } from './build-writer.js';
import {
  checkOutputCompression,
  compressItemFiles,
  type OutputCompression,
} from './compress-outputs.js';
import { createEvaluator } from './evaluator-pool.js';
import { logBuild } from './log-build.js';
import { MANIFEST_FORMAT, type Manifest, type OptoutSummary } from './manifest.js';
import { optoutSummary, prepareOptout } from './optout-setup.js';
import { OutputFolder } from './output-folder.js';
import { itemsFormatFor } from './output-format.js';
import { checkParquetOutput, writeParquetItems } from './parquet-output.js';
import { requireRedactionKey } from './redaction-key.js';
import type { SafetyOptions, SafetySummary } from './safety-scan.js';
import { expandInputs, inputSize, prepareSources, readSourceLines } from './sources/index.js';

export { type RejectedRecord, rejectedPlace } from './build-writer.js';

export interface BuildOptions {
  /** Files (any format in docs/formats.md) and folders of them. */
  readonly inputs: readonly string[];
  /** How rows in another schema become item records (`--map`); without it rows must be item records. */
  readonly mapping?: Mapping;
  readonly out: string;
  readonly policy: Policy;
  /** The register as of `--at`, read at `checkpoint` (its `logSize` must be the checkpoint's size). */
  readonly consent: ConsentSnapshot;
  /** The log's signed checkpoint the register was read at; recorded in the manifest. */
  readonly checkpoint: StoredCheckpoint;
  /** The transparency log the build is appended to, as a `build` entry, before it is published. */
  readonly log: TransparencyLog;
  /** Records the build with its subjects, and the safety scan's findings, once they are logged. */
  readonly registry: BuildRegistry & Pick<FindingStore, 'recordFinding'>;
  readonly secret: Buffer;
  /** Fail without publishing anything if any record is rejected. */
  readonly strict?: boolean;
  readonly overwrite?: boolean;
  /** Admitted records per items-NNNNN.jsonl file. */
  readonly shardRecords?: number;
  /** Write the items files compressed (`items-00000.jsonl.gz` / `.zst`); leaves stay the lines. */
  readonly compress?: OutputCompression;
  /**
   * `parquet`: items files in the inputs' Parquet schema plus `_obhut` (all inputs Parquet).
   * Default: the inputs' format (Parquet when every input is Parquet; a mix is refused).
   */
  readonly format?: 'jsonl' | 'parquet';
  /** Worker threads evaluating records; 0 evaluates on this thread. Default: by input size and cores. */
  readonly workers?: number;
  /** Heap limits of each worker; a worker that exceeds them is retired and its lines evaluated here. */
  readonly workerHeapLimits?: ResourceLimits;
  readonly onProgress?: (progress: BuildProgress) => void;
  /** The key of the policy's `hash` redaction operator (required when the policy uses it). */
  readonly piiKey?: Uint8Array;
  /** Hash banks to scan admitted media against; matched items are excluded and quarantined. */
  readonly safety?: SafetyOptions;
  /** WARC files whose robots.txt and tdmrep.json captures the items are checked against. */
  readonly signals?: readonly string[];
  /** Writes documents describing the build into it (`--docs`); the manifest lists them. */
  readonly documents?: BuildDocumentsHook;
}

export interface BuildProgress {
  readonly bytesRead: number;
  readonly bytesTotal: number;
  readonly records: number;
}

export interface BuildResult {
  readonly out: string;
  readonly manifest: Manifest;
  readonly manifestSha256: string;
  /** The first 16 hex digits of `manifestSha256`. */
  readonly buildId: string;
  /** The build entry's index in the transparency log. */
  readonly logIndex: number;
  /** The build entry's receipt, also written to build-receipt.json. */
  readonly receipt: Receipt;
  /** The first rejections, for showing on the terminal; all of them are in rejected.jsonl. */
  readonly rejectedSample: readonly RejectedRecord[];
  /** Worker threads that ran out of memory; their lines were evaluated on the main thread. */
  readonly workersRetired: number;
  /** The findings recorded (and logged) for media that matched a bank. */
  readonly findings: readonly Finding[];
}

export const DEFAULT_SHARD_RECORDS = 100_000;
export { RECEIPT_FILE } from './log-build.js';
/** A build's id is this many leading hex digits of its manifest's SHA-256. */
export const BUILD_ID_HEX = 16;
// Below this, starting worker threads costs more than it saves.
const PARALLEL_MIN_BYTES = 32 * 1024 * 1024;
const MAX_WORKERS = 4;
/** Media bytes a batch keeps from description to output (see KeptMedia); beyond, files are read again. */
const KEPT_MEDIA_BYTES = 64 * 1024 * 1024;
/**
 * Lines per batch in a scanned build without workers: few enough that their media (at a few
 * hundred KB an image) fit the kept bytes, and that evaluating one is short beside decoding it.
 */
const SCANNED_BATCH_LINES = 64;
/** Batches being scanned while the build's thread evaluates the next one. */
const SCAN_AHEAD = 1;

/**
 * Runs one build: reads every input once, decides every record, appends the build to the
 * transparency log, records it in the store and publishes the outputs atomically. Reading, the
 * duplicate check and writing stay on this thread, in input order; parsing, validation,
 * decisions and hashing of each batch of lines may run in workers.
 */
export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  if (options.consent.logSize !== options.checkpoint.size) {
    throw new ObhutError(
      'INTERNAL',
      `the consent register was read at log size ${options.consent.logSize}, not at the build's checkpoint (${options.checkpoint.size})`,
    );
  }
  requireRedactionKey(options.policy, options.piiKey);
  if (options.mapping && options.policy.redact?.enabled) {
    // A mapped build writes each admitted source row as it is; redaction would have to rewrite
    // the mapped record, which is not written, so the personal data would pass unredacted.
    throw new ObhutError(
      'USAGE',
      "a build with --map writes the source rows unchanged and cannot redact them: drop the policy's redact key or convert the rows to item records first",
    );
  }
  if (options.compress) checkOutputCompression(options.compress);
  const shardRecords = options.shardRecords ?? DEFAULT_SHARD_RECORDS;
  // A folder stands for the supported files in it; the manifest and reports name each file.
  const inputFiles = expandInputs(options.inputs, options.out);
  const bytesTotal = inputFiles.map(inputSize).reduce((a, b) => a + b, 0);
  const workers = options.workers ?? (bytesTotal >= PARALLEL_MIN_BYTES ? defaultWorkers() : 0);
  // Parquet in, Parquet out, unless --format says otherwise.
  const format = itemsFormatFor(inputFiles, options.format, options.compress);
  if (format === 'parquet') await checkParquetOutput(inputFiles);
  const folder = await OutputFolder.create(options.out, options.overwrite ?? false, inputFiles);
  // Inputs other than item-record JSONL are converted into the staging folder first; the
  // conversions are removed again before publishing.
  const captures = new CaptureSet();
  const prepared = await (async () => {
    const sources = await prepareSources(
      inputFiles,
      folder.staging,
      captures,
      options.mapping,
      true,
    );
    return { sources, optout: await prepareOptout(options, sources, captures) };
  })().catch(async (err) => {
    await folder.discard();
    throw err;
  });
  const { sources, optout } = prepared;
  // A scanned build without workers reads each media file once: the scan and the copy into
  // the output take the bytes read when the item was described.
  const kept = options.safety && workers === 0 ? new KeptMedia(KEPT_MEDIA_BYTES) : undefined;
  const writer = new BuildWriter(
    folder.staging,
    inputFiles,
    shardRecords,
    sources,
    format === 'parquet',
    kept,
  );
  const evaluator = await createEvaluator(
    {
      policy: options.policy,
      consent: options.consent.index.shared,
      secret: options.secret,
      // Shared only when several threads evaluate (see EvaluatorSetup.pseudonyms).
      ...(workers > 0 ? { pseudonyms: createPseudonymTable() } : {}),
      inputDirs: sources.map((source) => source.dir),
      ...(options.safety ? { scanExcludedMedia: true } : {}),
      ...(options.piiKey === undefined ? {} : { piiKey: options.piiKey }),
      ...(optout ? { optout: { policy: optout.policy, captures: captures.list() } } : {}),
    },
    workers,
    options.workerHeapLimits,
    kept,
  );
  // Enough batches in flight to keep every worker busy while this thread writes and evaluates.
  const maxPending = evaluator.window;
  // Loaded only to scan: it brings sharp and libvips (~0.3 CPU-s) into a build.
  const scanner = options.safety
    ? new (await import('./safety-scan.js')).SafetyScanner(options.safety, inputFiles, kept)
    : undefined;
  // Batches whose scan has started, oldest first; written in this order.
  const scanning: Promise<BatchResult>[] = [];
  try {
    // A scanned build without workers takes small batches, so that their media bytes stay kept
    // and the next batch is evaluated while this one's images decode (see SCAN_AHEAD).
    const batcher = new LineBatcher(kept ? SCANNED_BATCH_LINES : undefined);
    const inputs: { path: string; bytes: number; sha256: string }[] = [];
    let bytesRead = 0;
    let applied = 0;
    // Each submitted batch's block, until its result is written and the block can be reused.
    const blocks = new Map<number, Uint8Array>();
    const write = async (result: BatchResult) => {
      writer.apply(result);
      const block = blocks.get(result.seq);
      if (block) {
        blocks.delete(result.seq);
        batcher.recycle(block);
      }
      kept?.releaseBatch();
      // Let the event loop run now and then, so signals (Ctrl-C) are handled mid-build even
      // when every batch is evaluated on this thread.
      if (++applied % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
      options.onProgress?.({ bytesRead, bytesTotal, records: writer.counts.input });
    };
    const drain = async (limit: number) => {
      // Whatever is already evaluated is written at once; beyond the window, this thread waits.
      while (evaluator.pending > limit || (evaluator.pending > 0 && evaluator.ready)) {
        const evaluated = await evaluator.next();
        if (!scanner) {
          await write(evaluated);
          continue;
        }
        // The scan goes on while this thread evaluates and writes; a failure is taken up when
        // the batch's turn comes (or after the build failed, see below), never left unhandled.
        const scan = scanner.scan(evaluated);
        scan.catch(() => {});
        scanning.push(scan);
        while (scanning.length > SCAN_AHEAD) await write(await scanning.shift()!);
      }
      if (limit === 0) while (scanning.length > 0) await write(await scanning.shift()!);
    };
    const submit = (batch: LineBatch) => {
      blocks.set(batch.seq, batch.data);
      kept?.startBatch();
      evaluator.submit(batch);
    };

    for (const [inputIndex, input] of inputFiles.entries()) {
      const source = sources[inputIndex]!;
      const inputHash = createHash('sha256');
      let inputBytes = 0;
      // A converted input (decompressed, Parquet, …) is named in the manifest by the file as
      // given, hashed by its converter; hashing the conversion again would be wasted.
      const hashing = source.converted === undefined;
      // A compressed input is read as it decompresses: onRead then sees the compressed bytes,
      // so the digest and size are the file's as given.
      const groups = readSourceLines(source, MAX_RECORD_BYTES, (chunk) => {
        if (hashing) inputHash.update(chunk);
        inputBytes += chunk.length;
        bytesRead += chunk.length;
      });
      for await (const lines of groups) {
        for (const line of lines) {
          batcher.add(line);
          if (batcher.full) {
            submit(batcher.take(inputIndex));
            await drain(maxPending);
            // Workers' answers arrive only while the event loop runs; this thread may have been
            // evaluating a batch itself since it last waited.
            if (workers > 0) await new Promise((resolve) => setImmediate(resolve));
          }
        }
      }
      if (!batcher.empty) submit(batcher.take(inputIndex));
      const { converted } = source;
      inputs.push(
        converted
          ? { path: input, bytes: converted.bytes, sha256: converted.sha256 }
          : { path: input, bytes: inputBytes, sha256: inputHash.digest('hex') },
      );
    }
    await drain(0);
    for (const source of sources) {
      if (source.workDir) await rm(source.workDir, { recursive: true, force: true });
    }

    const { counts } = writer;
    if (options.strict && counts.rejected > 0) {
      throw new StrictBuildFailure(counts.rejected, writer.rejectedSample);
    }
    const plain = writer.finish();
    const parquet = plain.admitted
      ? await writeParquetItems(folder.staging, plain.admitted, inputFiles, shardRecords)
      : undefined;
    const finished = options.compress
      ? {
          ...plain,
          outputs: await compressItemFiles(folder.staging, plain.outputs, options.compress),
        }
      : parquet
        ? {
            ...plain,
            outputs: [...plain.outputs, ...parquet.outputs].sort((a, b) =>
              a.path < b.path ? -1 : 1,
            ),
          }
        : plain;
    const draft: Manifest = {
      ...buildManifest(
        options,
        writer,
        finished,
        inputs,
        scanner?.summary(),
        optout && optoutSummary(optout, writer, sources, captures),
      ),
      // Parquet rows' leaves are their canonical JSON, read back from the written files.
      ...(parquet ? { items_root: parquet.itemsRoot } : {}),
    };
    const manifest = options.documents
      ? await addBuildDocuments(draft, folder.staging, options.documents)
      : draft;
    const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
    await writeFile(path.join(folder.staging, 'manifest.json'), manifestText, { flag: 'wx' });
    const manifestSha256 = createHash('sha256').update(manifestText).digest('hex');
    const buildId = manifestSha256.slice(0, BUILD_ID_HEX);
    // Nothing may fail between logging and publishing: the log cannot take an entry back, and
    // the portal shows recorded builds. Under the lock, only this build changes the target.
    folder.checkPublishable();

    // Logged before publishing, so a published build always has its entry; the output is locked
    // and checked above, so the rename that publishes cannot fail for want of its target.
    // Findings are logged with (and before) the build they belong to; the store keeps the
    // provenance, the log only hashes and ids.
    const foundAt = new Date().toISOString();
    const findings: Finding[] = (scanner?.pending ?? []).map((p) => ({
      ...p,
      id: findingId(buildId, p.bank, p.file.sha256, p.provenance.recordId),
      buildId,
      status: 'open',
      foundAt,
      updatedAt: foundAt,
    }));
    await options.log.writer.appendAll(
      findings.map((f) => ({ entry: encodeEntry(findingLogEntry(f)) })),
    );
    for (const f of findings) await options.registry.recordFinding(f);
    const { logIndex, receipt } = await logBuild(
      options.log,
      options.registry,
      folder.staging,
      options.policy.purpose,
      manifest,
      manifestSha256,
      buildId,
    );
    await folder.publish();
    return {
      out: folder.target,
      manifest,
      manifestSha256,
      buildId,
      logIndex,
      receipt,
      rejectedSample: writer.rejectedSample,
      workersRetired: evaluator.retired,
      findings,
    };
  } catch (err) {
    // Images still being scanned are let finish before the output goes: a match among them
    // may be writing into the quarantine.
    await Promise.allSettled(scanning);
    writer.abort();
    await folder.discard();
    throw err;
  } finally {
    await evaluator.close();
  }
}

/** What a manifest says of a build's setting; a merged sharded build has it from its plan. */
export interface ManifestSetting {
  readonly policy: Policy;
  readonly consent: Pick<
    ConsentSnapshot,
    'at' | 'eventsConsidered' | 'eventsSha256' | 'objected' | 'consented'
  >;
  readonly checkpoint: Pick<StoredCheckpoint, 'size' | 'root' | 'note'>;
  readonly log: Pick<TransparencyLog, 'origin'>;
}

export function buildManifest(
  options: ManifestSetting,
  writer: BuildWriter,
  finished: FinishedOutputs,
  inputs: readonly { path: string; bytes: number; sha256: string }[],
  safety: SafetySummary | undefined,
  optout?: OptoutSummary,
): Manifest {
  const { outputs, subjects } = finished;
  const { checkpoint } = options;
  const policyJson = canonicalPolicyJson(options.policy);
  return {
    format: MANIFEST_FORMAT,
    tool: { name: 'obhut', version: TOOL_VERSION },
    purpose: options.policy.purpose,
    counts: writer.counts,
    excluded_by_reason: writer.byReason,
    rejected_by_code: Object.fromEntries(
      Object.entries(writer.byCode).sort(([a], [b]) => (a < b ? -1 : 1)),
    ),
    inputs: inputs.map((input, i) => ({ ...input, records: writer.recordsPerInput[i]! })),
    outputs,
    media: { files: writer.media.files, bytes: writer.media.bytes },
    policy: {
      sha256: createHash('sha256').update(policyJson).digest('hex'),
      effective: JSON.parse(policyJson) as Policy,
    },
    consent: {
      at: options.consent.at,
      events_considered: options.consent.eventsConsidered,
      events_sha256: options.consent.eventsSha256,
      subjects_objected: options.consent.objected,
      subjects_consented: options.consent.consented,
      checkpoint: {
        origin: options.log.origin,
        size: checkpoint.size,
        root: checkpoint.root.toString('base64'),
        note: checkpoint.note,
      },
    },
    items_root: writer.tree.root().toString('hex'),
    subjects_root: subjects.root.toString('hex'),
    subjects_count: subjects.count,
    ...(options.policy.redact?.enabled
      ? {
          pii: {
            redacted_items: writer.pii.redactedItems,
            spans: Object.values(writer.pii.byType).reduce((a, b) => a + b, 0),
            spans_by_type: Object.fromEntries(
              Object.entries(writer.pii.byType).sort(([a], [b]) => (a < b ? -1 : 1)),
            ),
          },
        }
      : {}),
    ...(safety === undefined ? {} : { safety }),
    ...(optout === undefined ? {} : { optout }),
  };
}

/** Thrown by a --strict build that met rejected records; carries what the user must fix. */
export class StrictBuildFailure extends ObhutError {
  constructor(
    readonly rejectedCount: number,
    readonly rejectedSample: readonly RejectedRecord[],
  ) {
    super(
      'RECORDS_REJECTED',
      `${rejectedCount} record(s) rejected; --strict build published nothing`,
    );
  }
}

/**
 * This thread is busy too (reading, hashing inputs and outputs, writing), so one core is left
 * to it. On two cores one worker measured nearly as fast as two, with a fifth less memory.
 */
function defaultWorkers(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, MAX_WORKERS));
}
