// JSON for the corpus's own records. JSON.stringify took over half of the generator's time (its
// fast path only arrived in later V8 versions); the records are small trees of strings, numbers
// and booleans whose strings rarely need escaping, so a direct walk is much cheaper. Output is
// identical to JSON.stringify for such values; anything else is delegated to it.

// Characters JSON must escape, plus lone surrogates, which JSON.stringify writes as \uXXXX.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

export function toJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object': {
      if (value === null || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) {
        return JSON.stringify(value);
      }
      let out = '{';
      for (const key in value) {
        const field = (value as Record<string, unknown>)[key];
        if (field === undefined) continue;
        if (out.length > 1) out += ',';
        out += `${toJson(key)}:${toJson(field)}`;
      }
      return `${out}}`;
    }
    default:
      return JSON.stringify(value);
  }
}
