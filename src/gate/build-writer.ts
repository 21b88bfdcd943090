import path from 'node:path';
import type { ErrorCode } from '../errors/index.js';
import type { BatchResult, PackedOutcome } from '../evaluation/evaluate-batch.js';
import { SpillingIdSet } from '../evaluation/id-spill-set.js';
import type { KeptMedia } from '../evaluation/kept-media.js';
import { FileSink } from '../io/file-sink.js';
import { StagingLines } from '../io/staging-lines.js';
import { TreeHasher } from '../merkle/index.js';
import { REASONS, type Reason, type SignalType } from '../policy/index.js';
import type { FileEntry } from './manifest.js';
import { MediaCopier } from './media-copier.js';
import { SourceRows } from './source-rows.js';
import { SUBJECT_BYTES } from './subject-bytes.js';
import { SubjectCollector } from './subject-set.js';

/**
 * A rejected record names its place in its input: the 1-based `line` of a JSON lines file (as
 * decompressed), or the 1-based `row` of a Parquet file.
 */
export type RejectedRecord = RejectedPlace & {
  readonly code: string;
  readonly error: string;
  readonly id?: string;
};

type RejectedPlace =
  | { readonly input: string; readonly line: number; readonly row?: never }
  | { readonly input: string; readonly row: number; readonly line?: never };

/** How an input is reported and written; see the BuildWriter constructor. */
export interface InputShape {
  readonly unit?: 'row';
  readonly rows?: string;
}

/** Where a rejected record was, for messages: `file:12` or `file row 12`. */
export function rejectedPlace(r: { input: string; line?: number; row?: number }): string {
  return r.row === undefined ? `${r.input}:${r.line}` : `${r.input} row ${r.row}`;
}

const REJECTED_SAMPLE = 20;
/** Reason lists whose JSON the writer keeps (see #reasonsJson): more than a few batches hold. */
const REASON_LISTS_KEPT = 256;

export const SUBJECTS_FILE = 'subjects.bin';

/** What `BuildWriter.finish` returns: the output files and the build's subject list. */
export interface FinishedOutputs {
  /** Every output file, sorted by name (subjects.bin included). */
  readonly outputs: FileEntry[];
  readonly subjects: { readonly count: number; readonly root: Buffer };
  /** With `admittedFile`: that file, and how many admitted rows it lists. */
  readonly admitted?: { readonly file: string; readonly rows: number };
}

/** The staging file of admitted rows a Parquet build writes instead of JSON items files. */
export const ADMITTED_FILE = '.admitted';
const PROVENANCE_AT = Buffer.from(',"_obhut":{"input":');
const DELIMITER = '\x01';

/**
 * Applies evaluated lines, in input order, to the output folder: the duplicate-id check (which
 * needs every earlier id), the items shards, excluded.jsonl, rejected.jsonl, media, the counts,
 * the Merkle tree over admitted lines and the set of subjects with an admitted item.
 */
export class BuildWriter {
  readonly counts = { input: 0, admitted: 0, excluded: 0, rejected: 0, blank_lines: 0 };
  readonly byReason = Object.fromEntries(REASONS.map((r) => [r, 0])) as Record<Reason, number>;
  /** Excluded items per web opt-out signal type that reserved them (an item may count under several). */
  readonly reservedBySignal: Partial<Record<SignalType, number>> = {};
  readonly byCode: Partial<Record<ErrorCode, number>> = {};
  readonly rejectedSample: RejectedRecord[] = [];
  /** Admitted items with redacted findings, and the findings per type. */
  readonly pii = { redactedItems: 0, byType: {} as Record<string, number> };
  readonly recordsPerInput: number[];
  readonly tree = new TreeHasher();
  readonly media: MediaCopier;
  readonly #ids: SpillingIdSet;
  readonly #reasonsText = new Map<readonly string[], string>();
  readonly #subjects: SubjectCollector;
  readonly #sinks: FileSink[] = [];
  readonly #excluded: FileSink;
  readonly #rejected: FileSink;
  readonly #shardEntries: FileEntry[] = [];
  #shard: FileSink | undefined;
  readonly #rows: (SourceRows | undefined)[];
  readonly #admitted: StagingLines | undefined;
  #admittedRows = 0;

  constructor(
    private readonly dir: string,
    private readonly inputs: readonly string[],
    private readonly shardRecords: number,
    /**
     * Per input: whether its positions are Parquet rows (`unit: 'row'`) rather than lines, and
     * for a mapped input the file of its source rows, which is what is written when admitted.
     */
    private readonly shapes: readonly InputShape[] = [],
    /**
     * Set for `--format parquet`: instead of JSON items files, each admitted row is listed in
     * the staging file ADMITTED_FILE as `seq \x01 input \x01 row \x01 provenance JSON`, which
     * DuckDB reads to join the rows back to their inputs (writeParquetItems). Reading JSON items
     * files back and parsing each provenance in JavaScript cost seconds per 100,000 rows.
     */
    admittedFile = false,
    /** Media bytes kept when items were described, to write into the output without a read. */
    kept?: KeptMedia,
  ) {
    this.#admitted = admittedFile ? new StagingLines(path.join(dir, ADMITTED_FILE)) : undefined;
    this.#rows = shapes.map((shape) => (shape.rows ? new SourceRows(shape.rows) : undefined));
    this.media = new MediaCopier(dir, kept);
    // Inside the staging folder so it goes wherever the build goes; removed before publishing.
    this.#ids = new SpillingIdSet(path.join(dir, '.ids.spill'));
    this.#subjects = new SubjectCollector(path.join(dir, '.subjects.spill'));
    this.recordsPerInput = inputs.map(() => 0);
    this.#excluded = this.#open('excluded.jsonl');
    this.#rejected = this.#open('rejected.jsonl');
  }

  apply(result: BatchResult): void {
    const admitted = asBuffer(result.admitted);
    const hashes = asBuffer(result.leafHashes);
    const subjects = result.subjects;
    const outcomes = result.outcomes;
    let at = 0;
    let admittedIndex = 0;
    let subjectIndex = 0;
    // A plain loop and no object per line: this runs a million times for the bench corpus.
    for (let i = 0; i < outcomes.length; i++) {
      const original = outcomes[i]!;
      const outcome = checkDuplicate(original, this.#ids);
      const line = result.numbers[i]!;
      if (original.kind !== 'admitted') {
        this.#applyOne(outcome, result.inputIndex, line);
        continue;
      }
      // Consume the packed bytes even if the duplicate check turned it into a rejection.
      const start = at;
      at += original.length;
      const leafAt = admittedIndex++ * 32;
      if (original.hasSubject) {
        if (outcome.kind === 'admitted') this.#subjects.add(subjects, subjectIndex * SUBJECT_BYTES);
        subjectIndex++;
      }
      if (outcome.kind !== 'admitted') this.#applyOne(outcome, result.inputIndex, line);
      else
        this.#applyAdmitted(original, admitted, start, at, hashes, leafAt, result.inputIndex, line);
    }
  }

  #applyOne(outcome: PackedOutcome, inputIndex: number, line: number): void {
    if (outcome.kind === 'blank') {
      this.counts.blank_lines++;
      return;
    }
    this.counts.input++;
    this.recordsPerInput[inputIndex]!++;
    switch (outcome.kind) {
      case 'rejected': {
        this.counts.rejected++;
        this.byCode[outcome.code] = (this.byCode[outcome.code] ?? 0) + 1;
        const input = this.inputs[inputIndex]!;
        const rejected: RejectedRecord = {
          ...(this.shapes[inputIndex]?.unit === 'row' ? { input, row: line } : { input, line }),
          code: outcome.code,
          error: outcome.error,
          ...(outcome.id === undefined ? {} : { id: outcome.id }),
        };
        this.#rejected.writeLine(JSON.stringify(rejected));
        if (this.rejectedSample.length < REJECTED_SAMPLE) this.rejectedSample.push(rejected);
        return;
      }
      case 'excluded':
        this.counts.excluded++;
        for (const reason of outcome.reasons) this.byReason[reason]++;
        // The same text as JSON.stringify({ id, reasons, signals? }), without an object and a
        // spread for each of the half of a build's lines that are excluded.
        this.#excluded.writeLine(
          outcome.signals
            ? JSON.stringify({ id: outcome.id, reasons: outcome.reasons, signals: outcome.signals })
            : `{"id":${JSON.stringify(outcome.id)},"reasons":${this.#reasonsJson(outcome.reasons)}}`,
        );
        if (outcome.signals) {
          for (const type of new Set(outcome.signals.map((s) => s.type))) {
            this.reservedBySignal[type] = (this.reservedBySignal[type] ?? 0) + 1;
          }
        }
        return;
      case 'admitted':
        throw new Error('an admitted outcome goes through #applyAdmitted');
    }
  }

  /**
   * JSON.stringify(reasons), made once per list: excluded items share a few lists (one per set
   * of reasons from decide(), one per batch and set from a worker). Bounded: it starts over.
   */
  #reasonsJson(reasons: readonly string[]): string {
    let json = this.#reasonsText.get(reasons);
    if (json === undefined) {
      if (this.#reasonsText.size >= REASON_LISTS_KEPT) this.#reasonsText.clear();
      json = JSON.stringify(reasons);
      this.#reasonsText.set(reasons, json);
    }
    return json;
  }

  /** An admitted line: its bytes are `admitted[start, end)`, its leaf hash at `leafAt` in `hashes`. */
  #applyAdmitted(
    outcome: Extract<PackedOutcome, { kind: 'admitted' }>,
    admitted: Buffer,
    start: number,
    end: number,
    hashes: Buffer,
    leafAt: number,
    inputIndex: number,
    line: number,
  ): void {
    this.counts.input++;
    this.recordsPerInput[inputIndex]!++;
    this.counts.admitted++;
    if (outcome.media) this.media.place(outcome.media.source, outcome.media.entry);
    if (outcome.pii) {
      this.pii.redactedItems++;
      for (const [type, n] of Object.entries(outcome.pii))
        this.pii.byType[type] = (this.pii.byType[type] ?? 0) + n;
    }
    // A mapped input's admitted line is its source row with the provenance.
    const rows = this.#rows[inputIndex];
    let written: Buffer;
    if (rows) {
      const out = rows.rewrite(line, admitted.subarray(start, end));
      this.tree.appendLeafHash(out.leafHash);
      written = out.line;
    } else {
      this.tree.appendLeafHashAt(hashes, leafAt);
      written = admitted;
    }
    if (this.#admitted) {
      const view = rows ? written : admitted.subarray(start, end);
      // The provenance JSON as the items line ends with it (no newline or control character).
      const at = view.lastIndexOf(PROVENANCE_AT);
      const provenance = view.subarray(at + 10, view.length - 1);
      this.#admitted.writeLine(
        Buffer.concat([
          Buffer.from(
            `${this.#admittedRows++}${DELIMITER}${inputIndex}${DELIMITER}${line}${DELIMITER}`,
          ),
          provenance,
        ]),
      );
      return;
    }
    if (!this.#shard || this.#shard.records >= this.shardRecords) {
      if (this.#shard) this.#shardEntries.push(entry(this.#shard));
      this.#shard = this.#open(shardName(this.#shardEntries.length));
    }
    if (rows) this.#shard.writeLine(written);
    else this.#shard.writeLineOf(admitted, start, end);
  }

  /** Closes every file and writes subjects.bin; returns the output entries, sorted by name. */
  finish(): FinishedOutputs {
    this.#ids.close();
    this.#closeRows();
    // An empty build still gets one, empty, items file, so it says so explicitly.
    if (!this.#admitted) {
      this.#shard ??= this.#open(shardName(0));
      this.#shardEntries.push(entry(this.#shard));
    }
    this.#admitted?.close();
    const subjects = this.#subjects.finish(path.join(this.dir, SUBJECTS_FILE));
    const outputs = [
      ...this.#shardEntries,
      entry(this.#excluded),
      entry(this.#rejected),
      subjects.entry,
    ].sort((a, b) => (a.path < b.path ? -1 : 1));
    return {
      outputs,
      subjects: { count: subjects.count, root: subjects.root },
      ...(this.#admitted
        ? { admitted: { file: path.join(this.dir, ADMITTED_FILE), rows: this.#admittedRows } }
        : {}),
    };
  }

  abort(): void {
    this.#ids.close();
    this.#closeRows();
    this.#subjects.close();
    this.#admitted?.abort();
    for (const sink of this.#sinks) sink.abort();
  }

  #closeRows(): void {
    for (const rows of this.#rows) rows?.close();
    this.#rows.fill(undefined);
  }

  #open(name: string): FileSink {
    const sink = new FileSink(path.join(this.dir, name));
    this.#sinks.push(sink);
    return sink;
  }
}

/** Ids must be unique across a build's inputs; a repeat is rejected, whatever else was found. */
function checkDuplicate(outcome: PackedOutcome, ids: SpillingIdSet): PackedOutcome {
  if (outcome.kind === 'blank' || outcome.fingerprint === undefined) return outcome;
  if (ids.add(outcome.fingerprint.hi, outcome.fingerprint.lo)) return outcome;
  const id = outcome.id!;
  return {
    kind: 'rejected',
    code: 'RECORD_DUPLICATE_ID',
    error: `id "${id}" appeared earlier in this build's inputs`,
    id,
  };
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function shardName(index: number): string {
  return `items-${String(index).padStart(5, '0')}.jsonl`;
}

function entry(sink: FileSink): FileEntry {
  const { bytes, sha256, records } = sink.close();
  return { path: path.basename(sink.path), bytes, sha256, records };
}
