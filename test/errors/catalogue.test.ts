import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors/index.js';

describe('docs/errors.md', () => {
  it('documents exactly the codes in the catalogue, with the same exit status and HTTP status', () => {
    const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    const documented = new Map<string, { exit: number; http: number }>();
    for (const match of doc.matchAll(/^\| `([A-Z0-9_]+)` *\| (\d) *\| (\d{3}) *\|/gm)) {
      documented.set(match[1]!, { exit: Number(match[2]), http: Number(match[3]) });
    }
    const catalogue = new Map(
      Object.entries(ERROR_CODES).map(([code, info]) => [
        code,
        { exit: info.exit, http: info.http },
      ]),
    );
    expect(documented).toEqual(catalogue);
  });
});
