import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { MAX_RECORD_BYTES } from '../../evaluation/evaluate-line.js';
import { lastNonSpace, lineContent, readFileLines } from '../../io/line-reader.js';
import type { Mapping } from '../../records/index.js';
import { parseStrictJson } from '../../records/strict-json.js';
import { RecordFile } from './record-file.js';
import type { InputSource } from './source.js';

/**
 * JSON lines in another schema become item records through the mapping, line for line, so
 * numbers in the reports are the source's. A line that is not a JSON object is copied as it
 * is, for the evaluator to reject with the same error as an unmapped build would.
 */
export async function mappedSource(
  source: InputSource,
  workDir: string,
  mapping: Mapping,
): Promise<InputSource> {
  await mkdir(workDir, { recursive: true, mode: 0o700 });
  const file = new RecordFile(workDir, mapping);
  const digest = createHash('sha256');
  let bytes = 0;
  try {
    const onRead = (chunk: Buffer) => {
      digest.update(chunk);
      bytes += chunk.length;
    };
    for (const line of readFileLines(source.read, MAX_RECORD_BYTES, onRead)) {
      if (line.tooLong) {
        file.writeError(`line is longer than ${MAX_RECORD_BYTES} bytes`);
        continue;
      }
      const content = lineContent(line);
      const row = lastNonSpace(content) < 0 || !isUtf8(content) ? undefined : parseObject(content);
      if (row === undefined) file.writeRaw(line.bytes);
      else file.writeRow(row);
    }
  } finally {
    file.close();
  }
  return {
    read: file.path,
    // What is written for an admitted record is its line as read, not the mapped record.
    rows: source.read,
    // Media paths stay relative to the source's folder; bytes are not held in JSON lines.
    dir: source.dir,
    converted: source.converted ?? { bytes, sha256: digest.digest('hex') },
    workDir: source.workDir ?? workDir,
  };
}

/**
 * The row as an object, read as strictly as an item record (a repeated key or excessive depth
 * is not mapped, so the evaluator rejects the raw line with the same error as without --map).
 */
function parseObject(content: Buffer): object | undefined {
  const parsed = parseStrictJson(content.toString('utf8'));
  if (!parsed.ok) return undefined;
  const value = parsed.value;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}
