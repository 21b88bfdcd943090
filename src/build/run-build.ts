import { createHash, hash } from 'node:crypto';
import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type ConsentSnapshot, PseudonymCache } from '../consent/index.js';
import { ObhutError } from '../errors/index.js';
import { FileSink } from '../io/file-sink.js';
import { readFileLines } from '../io/line-reader.js';
import { TreeHasher } from '../merkle/index.js';
import {
  canonicalPolicyJson,
  compilePolicy,
  type Policy,
  REASONS,
  type Reason,
} from '../policy/index.js';
import { TOOL_VERSION } from '../version.js';
import { evaluateLine, type LineContext, MAX_RECORD_BYTES } from './evaluate-line.js';
import { IdFingerprintSet } from './id-set.js';
import { type FileEntry, MANIFEST_FORMAT, type Manifest } from './manifest.js';
import { MediaCopier } from './media-copier.js';
import { OutputFolder } from './output-folder.js';

export interface BuildOptions {
  readonly inputs: readonly string[];
  readonly out: string;
  readonly policy: Policy;
  readonly consent: ConsentSnapshot;
  readonly secret: Buffer;
  /** Fail without publishing anything if any record is rejected. */
  readonly strict?: boolean;
  readonly overwrite?: boolean;
  /** Admitted records per items-NNNNN.jsonl file. */
  readonly shardRecords?: number;
  readonly onProgress?: (progress: BuildProgress) => void;
}

export interface BuildProgress {
  readonly bytesRead: number;
  readonly bytesTotal: number;
  readonly records: number;
}

export interface RejectedRecord {
  readonly input: string;
  readonly line: number;
  readonly code: string;
  readonly error: string;
  readonly id?: string;
}

export interface BuildResult {
  readonly out: string;
  readonly manifest: Manifest;
  readonly manifestSha256: string;
  /** The first rejections, for showing on the terminal; all of them are in rejected.jsonl. */
  readonly rejectedSample: readonly RejectedRecord[];
}

export const DEFAULT_SHARD_RECORDS = 100_000;
const REJECTED_SAMPLE = 20;
// Report progress every 4096 lines (a bit mask, as this runs per line).
const PROGRESS_EVERY = 4095;

/** Runs one build: reads every input once, decides every record, and publishes the outputs atomically. */
export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const shardRecords = options.shardRecords ?? DEFAULT_SHARD_RECORDS;
  const inputSizes = options.inputs.map((input) => inputSize(input));
  const bytesTotal = inputSizes.reduce((a, b) => a + b, 0);
  const folder = await OutputFolder.create(options.out, options.overwrite ?? false);
  const sinks: FileSink[] = [];
  try {
    const compiled = compilePolicy(options.policy);
    const ids = new IdFingerprintSet();
    const pseudonyms = new PseudonymCache(options.secret);
    const media = new MediaCopier(folder.staging);
    const tree = new TreeHasher();
    const excludedSink = track(sinks, new FileSink(path.join(folder.staging, 'excluded.jsonl')));
    const rejectedSink = track(sinks, new FileSink(path.join(folder.staging, 'rejected.jsonl')));
    const shardEntries: FileEntry[] = [];
    let shard: FileSink | undefined;
    const byReason = Object.fromEntries(REASONS.map((r) => [r, 0])) as Record<Reason, number>;
    const byCode: Record<string, number> = {};
    const rejectedSample: RejectedRecord[] = [];
    const inputs: FileEntry[] = [];
    const counts = { input: 0, admitted: 0, excluded: 0, rejected: 0, blank_lines: 0 };
    let bytesRead = 0;

    for (const [inputIndex, input] of options.inputs.entries()) {
      const inputDir = path.dirname(path.resolve(input));
      const ctx: LineContext = {
        policy: compiled,
        consent: options.consent,
        pseudonyms,
        ids,
        resolveMedia: (m) => media.resolve(inputDir, m),
      };
      const inputHash = createHash('sha256');
      let inputBytes = 0;
      let records = 0;
      const lines = readFileLines(input, MAX_RECORD_BYTES, (chunk) => {
        inputHash.update(chunk);
        inputBytes += chunk.length;
      });
      for (const line of lines) {
        if ((line.number & PROGRESS_EVERY) === 0) {
          options.onProgress?.({
            bytesRead: bytesRead + inputBytes,
            bytesTotal,
            records: counts.input,
          });
        }
        const outcome = evaluateLine(line, ctx);
        if (outcome.kind === 'blank') {
          counts.blank_lines++;
          continue;
        }
        counts.input++;
        records++;
        if (outcome.kind === 'rejected') {
          counts.rejected++;
          byCode[outcome.code] = (byCode[outcome.code] ?? 0) + 1;
          const rejected: RejectedRecord = {
            input,
            line: line.number,
            code: outcome.code,
            error: outcome.error,
            ...(outcome.id === undefined ? {} : { id: outcome.id }),
          };
          rejectedSink.writeLine(JSON.stringify(rejected));
          if (rejectedSample.length < REJECTED_SAMPLE) rejectedSample.push(rejected);
        } else if (outcome.kind === 'excluded') {
          counts.excluded++;
          for (const reason of outcome.reasons) byReason[reason]++;
          excludedSink.writeLine(JSON.stringify({ id: outcome.id, reasons: outcome.reasons }));
        } else {
          counts.admitted++;
          const provenance = {
            input: inputIndex,
            line: line.number,
            sha256: outcome.sha256,
            ...(outcome.subject === undefined ? {} : { subject: outcome.subject }),
            ...(outcome.mediaFile === undefined ? {} : { media: media.copy(outcome.mediaFile) }),
          };
          const written = leafLine(outcome.head, `,"_obhut":${JSON.stringify(provenance)}}`);
          tree.appendLeafHash(hash('sha256', written.withPrefix, 'buffer'));
          if (!shard || shard.records >= shardRecords) {
            if (shard) shardEntries.push(entry(shard));
            shard = track(
              sinks,
              new FileSink(path.join(folder.staging, shardName(shardEntries.length))),
            );
          }
          shard.writeLine(written.line);
        }
      }
      bytesRead += inputBytes;
      options.onProgress?.({ bytesRead, bytesTotal, records: counts.input });
      inputs.push({
        path: input,
        bytes: inputBytes,
        sha256: inputHash.digest('hex'),
        records,
      });
    }

    if (options.strict && counts.rejected > 0) {
      throw new StrictBuildFailure(counts.rejected, rejectedSample);
    }

    // Always at least one items file, so an empty build still says so explicitly.
    // The open shard is closed here; an empty build still gets one, empty, items file.
    shard ??= track(sinks, new FileSink(path.join(folder.staging, shardName(0))));
    shardEntries.push(entry(shard));
    const outputs: FileEntry[] = [...shardEntries, entry(excludedSink), entry(rejectedSink)].sort(
      (a, b) => a.path.localeCompare(b.path),
    );

    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      tool: { name: 'obhut', version: TOOL_VERSION },
      purpose: options.policy.purpose,
      counts,
      excluded_by_reason: byReason,
      rejected_by_code: Object.fromEntries(
        Object.entries(byCode).sort(([a], [b]) => a.localeCompare(b)),
      ),
      inputs,
      outputs,
      media: { files: media.files, bytes: media.bytes },
      policy: {
        sha256: createHash('sha256').update(canonicalPolicyJson(options.policy)).digest('hex'),
        effective: JSON.parse(canonicalPolicyJson(options.policy)) as Policy,
      },
      consent: {
        at: options.consent.at,
        events_considered: options.consent.eventsConsidered,
        events_sha256: options.consent.eventsSha256,
        subjects_objected: options.consent.objected,
        subjects_consented: options.consent.consented,
      },
      items_root: tree.root().toString('hex'),
    };
    const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
    await writeFile(path.join(folder.staging, 'manifest.json'), manifestText, { flag: 'wx' });
    await folder.publish();
    return {
      out: folder.target,
      manifest,
      manifestSha256: createHash('sha256').update(manifestText).digest('hex'),
      rejectedSample,
    };
  } catch (err) {
    for (const sink of sinks) sink.abort();
    await folder.discard();
    throw err;
  }
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
 * Lays out an admitted line behind the RFC 6962 leaf prefix byte, so its leaf hash is one
 * one-shot digest and the line itself is a view of the same memory.
 */
function leafLine(head: Buffer, tail: string): { withPrefix: Buffer; line: Buffer } {
  const tailBytes = Buffer.byteLength(tail);
  const withPrefix = Buffer.allocUnsafe(1 + head.length + tailBytes);
  withPrefix[0] = LEAF_PREFIX;
  head.copy(withPrefix, 1);
  withPrefix.write(tail, 1 + head.length);
  return { withPrefix, line: withPrefix.subarray(1) };
}

const LEAF_PREFIX = 0x00;

function shardName(index: number): string {
  return `items-${String(index).padStart(5, '0')}.jsonl`;
}

function track(sinks: FileSink[], sink: FileSink): FileSink {
  sinks.push(sink);
  return sink;
}

function entry(sink: FileSink): FileEntry {
  const { bytes, sha256, records } = sink.close();
  return { path: path.basename(sink.path), bytes, sha256, records };
}

function inputSize(input: string): number {
  try {
    const stat = statSync(input);
    if (!stat.isFile()) throw new Error('not a regular file');
    return stat.size;
  } catch (err) {
    throw new ObhutError(
      'INPUT_UNREADABLE',
      `cannot read input ${input}: ${(err as Error).message}`,
      { cause: err },
    );
  }
}
