// The placeholders redaction writes into review text (src/pii/redact.ts): `[PERSON_1]` with the
// `placeholder` operator, `[PERSON_3f9a0c1b2d4e]` with `hash`.

/** One placeholder; the capture group keeps it when a text is split on it. */
export const PLACEHOLDER = /(\[[A-Z][A-Z_]*_[0-9a-f]{1,12}\])/g;

/** The distinct placeholders in `text`, in the order they first appear. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(text.match(PLACEHOLDER) ?? [])];
}
