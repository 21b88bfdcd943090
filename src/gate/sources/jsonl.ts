import path from 'node:path';
import type { InputSource } from './source.js';

/** Item-record JSONL is read where it lies; media paths are relative to its folder. */
export function jsonlSource(input: string): InputSource {
  return { read: input, dir: path.dirname(path.resolve(input)) };
}
