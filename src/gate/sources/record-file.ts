import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { StagingLines } from '../../io/staging-lines.js';
import {
  applyMapping,
  MAPPING_ERROR_FIELD,
  type Mapping,
  PROVENANCE_FIELD,
} from '../../records/index.js';

/**
 * Writes converted rows as item-record lines, one line per row so a line's number is the row's:
 * the mapping (if any) applied, media held as bytes stored under `media/` beside the file, and
 * values JSON has no type for written as documented in docs/mapping.md.
 */
export class RecordFile {
  readonly path: string;
  /** With `keepRows`: the source rows as JSON, line for line with `path` (what is written). */
  readonly rowsPath: string | undefined;
  readonly #sink: StagingLines;
  readonly #rows: StagingLines | undefined;
  readonly #dir: string;
  readonly #mapping: Mapping | undefined;
  readonly #stored = new Set<string>();

  constructor(dir: string, mapping: Mapping | undefined, keepRows = false) {
    mkdirSync(path.join(dir, 'media'), { recursive: true, mode: 0o700 });
    this.#dir = dir;
    this.path = path.join(dir, 'records.jsonl');
    this.#sink = new StagingLines(this.path);
    this.rowsPath = keepRows ? path.join(dir, 'rows.jsonl') : undefined;
    this.#rows = this.rowsPath === undefined ? undefined : new StagingLines(this.rowsPath);
    this.#mapping = mapping;
  }

  /** A row (a parsed JSON line or a Parquet row as JavaScript values). */
  writeRow(row: unknown): void {
    let record = row;
    this.#rows?.writeLine(JSON.stringify(row, jsonValue));
    if (this.#mapping && isPlainObject(row) && Object.hasOwn(row, PROVENANCE_FIELD)) {
      // The row is written as it is, and its provenance is appended as this field.
      this.#write(
        JSON.stringify({
          [MAPPING_ERROR_FIELD]: `the row has a field "${PROVENANCE_FIELD}", which is reserved for the provenance Obhut adds`,
        }),
      );
      return;
    }
    if (this.#mapping) {
      const mapped = applyMapping(row, this.#mapping);
      if (!mapped.ok) {
        this.#write(JSON.stringify({ [MAPPING_ERROR_FIELD]: mapped.error }));
        return;
      }
      record = mapped.record;
    }
    if (isPlainObject(record) && record.media !== undefined) {
      const media = this.#storeMedia(record.media);
      record = media === undefined ? record : { ...record, media };
    }
    this.#write(JSON.stringify(record, jsonValue));
  }

  /** A line the evaluator rejects as RECORD_UNMAPPED with this message. */
  writeError(error: string): void {
    this.#rows?.writeLine('');
    this.#write(JSON.stringify({ [MAPPING_ERROR_FIELD]: error }));
  }

  /** A line copied as it is (a blank line, or one the evaluator will reject for its JSON). */
  writeRaw(bytes: Buffer): void {
    this.#rows?.writeLine(bytes);
    this.#write(bytes);
  }

  close(): void {
    this.#sink.close();
    this.#rows?.close();
  }

  #write(line: Buffer | string): void {
    this.#sink.writeLine(line);
  }

  /**
   * Media held in the row (a binary column, or a Hugging Face image/audio struct
   * `{ bytes, path }` with bytes) is stored once per content as `media/<sha256>.<ext>`, and the
   * record names that file. Anything else is left to the evaluator to judge.
   */
  #storeMedia(media: unknown): string | undefined {
    let bytes: Uint8Array | undefined;
    if (media instanceof Uint8Array) bytes = media;
    else if (isPlainObject(media) && media.bytes instanceof Uint8Array) bytes = media.bytes;
    else if (isPlainObject(media) && typeof media.path === 'string') return media.path;
    if (!bytes) return undefined;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const name = `media/${sha256}.${extensionOf(bytes)}`;
    if (!this.#stored.has(name)) {
      writeFileSync(path.join(this.#dir, name), bytes, { mode: 0o600 });
      this.#stored.add(name);
    }
    return name;
  }
}

/** BigInt as a number when exact, else its decimal text; bytes as base64; times in RFC 3339. */
function jsonValue(this: unknown, key: string, value: unknown): unknown {
  if (typeof value === 'bigint') {
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  }
  // JSON.stringify has already called Date's toJSON, so the holder's own value is checked.
  const own = (this as Record<string, unknown>)[key];
  if (own instanceof Uint8Array) return Buffer.from(own).toString('base64');
  if (own instanceof Map) return Object.fromEntries(own);
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !ArrayBuffer.isView(value)
  );
}

const SIGNATURES: readonly (readonly [string, readonly number[], number])[] = [
  ['png', [0x89, 0x50, 0x4e, 0x47], 0],
  ['jpg', [0xff, 0xd8, 0xff], 0],
  ['gif', [0x47, 0x49, 0x46, 0x38], 0],
  ['webp', [0x57, 0x45, 0x42, 0x50], 8],
  ['wav', [0x57, 0x41, 0x56, 0x45], 8],
];

function extensionOf(bytes: Uint8Array): string {
  for (const [ext, magic, at] of SIGNATURES) {
    if (magic.every((b, i) => bytes[at + i] === b)) return ext;
  }
  return 'bin';
}
