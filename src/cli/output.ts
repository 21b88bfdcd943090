/** Formats rows as an aligned plain-text table (numbers right-aligned). */
export function table(rows: readonly (readonly (string | number)[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, String(cell).length);
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) =>
          typeof cell === 'number'
            ? String(cell).padStart(widths[i]!)
            : String(cell).padEnd(widths[i]!),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

// A camelCase identifier. Keys of another shape are data (reason and error codes, entity types,
// region codes) and are printed as they are.
const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;

/** `alreadyPresent` → `already_present`; anything not camelCase is returned unchanged. */
export function snakeCase(name: string): string {
  return CAMEL_CASE.test(name) ? name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : name;
}

/**
 * The CLI's one JSON style, as in the build manifest and the API: every key snake_case. Applied
 * once at the output boundary, so the domain keeps TypeScript's camelCase names.
 */
export function snakeCaseKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const plain = 'toJSON' in value && typeof value.toJSON === 'function' ? value.toJSON() : value;
  if (plain === null || typeof plain !== 'object') return plain;
  if (Array.isArray(plain)) return plain.map(snakeCaseKeys);
  return Object.fromEntries(
    Object.entries(plain as Record<string, unknown>).map(([k, v]) => [
      snakeCase(k),
      snakeCaseKeys(v),
    ]),
  );
}

/** The text `--json` prints: `data` with snake_case keys, indented, with a final newline. */
export function jsonText(data: unknown): string {
  return `${JSON.stringify(snakeCaseKeys(data), null, 2)}\n`;
}
