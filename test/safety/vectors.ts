import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The PDQ reference vectors (test/vectors/pdq/; sources and licences in its README). */
export const VECTORS_DIR = fileURLToPath(new URL('../vectors/pdq/', import.meta.url));

export function vectorPath(relative: string): string {
  return `${VECTORS_DIR}${relative}`;
}

/** Rows of a simple CSV (quoted fields may hold commas, not quotes or newlines). */
export function readCsv(relative: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(vectorPath(relative), 'utf8').trim().split('\n');
  const split = (line: string): string[] =>
    [...line.matchAll(/("[^"]*"|[^,]*)(,|$)/g)]
      .slice(0, -1)
      .map((m) => m[1]!.replace(/^"|"$/g, ''));
  const names = split(header!);
  return lines.map((line) => {
    const cells = split(line);
    return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? '']));
  });
}
