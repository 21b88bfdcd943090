import { hash } from 'node:crypto';
import { MAX_RECORD_BYTES } from '../evaluation/evaluate-line.js';
import { type Line, lastNonSpace, lineContent, readFileLines } from '../io/line-reader.js';
import { leafHash } from '../merkle/index.js';
import { PROVENANCE_FIELD } from '../records/index.js';

const PROVENANCE_KEY = Buffer.from(`,${JSON.stringify(PROVENANCE_FIELD)}:{"input":`);
const SHA256_KEY = Buffer.from('"sha256":"');

/**
 * The source rows of a mapped input, read in step with the build: what a mapped build writes is
 * the source row as it was, not the item record the mapping made of it for validation and
 * policy. Admitted lines arrive in input order, so one forward pass over the rows file serves
 * them all.
 */
export class SourceRows {
  readonly #lines: Generator<Line>;
  #current: Line | undefined;

  constructor(file: string) {
    this.#lines = readFileLines(file, MAX_RECORD_BYTES);
  }

  /**
   * The admitted line for row `number`: the row's bytes up to its closing brace, then the
   * provenance the evaluator appended to the mapped record, with its `sha256` now naming the
   * row as read. Returns the line and its RFC 6962 leaf hash.
   */
  rewrite(number: number, evaluated: Buffer): { line: Buffer; leafHash: Buffer } {
    while (this.#current === undefined || this.#current.number < number) {
      const next = this.#lines.next();
      if (next.done) throw new Error(`the source rows end before row ${number}`);
      this.#current = next.value;
    }
    if (this.#current.number !== number || this.#current.tooLong) {
      throw new Error(`source row ${number} is not in step with the mapped records`);
    }
    const row = lineContent(this.#current);
    const end = lastNonSpace(row);
    const at = evaluated.lastIndexOf(PROVENANCE_KEY);
    if (end < 0 || row[end] !== 0x7d || at < 0) {
      throw new Error(`source row ${number} is not the JSON object its record was mapped from`);
    }
    const tail = Buffer.from(evaluated.subarray(at));
    const sha = tail.indexOf(SHA256_KEY) + SHA256_KEY.length;
    tail.write(hash('sha256', row, 'hex'), sha, 'latin1');
    const line = Buffer.concat([row.subarray(0, end), tail]);
    return { line, leafHash: leafHash(line) };
  }

  close(): void {
    this.#lines.return(undefined);
  }
}
