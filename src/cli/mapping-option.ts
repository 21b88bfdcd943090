import { readFile } from 'node:fs/promises';
import { ObhutError } from '../errors/index.js';
import { type Mapping, parseMapping } from '../records/index.js';

/** The `--map` file (YAML, or JSON, which is YAML too), or MAPPING_INVALID naming what is wrong. */
export async function loadMapping(file: string): Promise<Mapping> {
  let value: unknown;
  try {
    // yaml is loaded only when a mapping is given.
    const { parse } = await import('yaml');
    value = parse(await readFile(file, 'utf8'), { uniqueKeys: true });
  } catch (err) {
    throw new ObhutError(
      'MAPPING_INVALID',
      `cannot read mapping ${file}: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
  const parsed = parseMapping(value);
  if (!parsed.ok) throw new ObhutError('MAPPING_INVALID', `mapping ${file}: ${parsed.error}`);
  return parsed.mapping;
}
