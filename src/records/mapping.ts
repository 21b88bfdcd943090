import * as z from 'zod';
import { parseRfc3339 } from './time.js';

/**
 * A converted row the mapping could not turn into an item record carries its error in this
 * field; the evaluator rejects such a line (RECORD_UNMAPPED) with the row's number.
 */
export const MAPPING_ERROR_FIELD = '$obhut_mapping_error';

const TIME_UNITS = ['epoch_s', 'epoch_ms', 'rfc3339'] as const;
const Path = z.string().min(1);
const Source = z.union([
  Path,
  z.strictObject({ const: z.unknown() }),
  z.strictObject({
    from: Path,
    values: z.record(z.string(), z.unknown()).optional(),
    default: z.unknown().optional(),
    time: z.enum(TIME_UNITS).optional(),
  }),
]);
const MappingSchema = z.record(Path, Source);

export type FieldSource = z.infer<typeof Source>;
/** Item record field (dotted for nested fields) → where its value comes from. */
export type Mapping = Readonly<Record<string, FieldSource>>;

/** The mapping as read from its file, or an error saying which field is malformed. */
export function parseMapping(
  value: unknown,
): { ok: true; mapping: Mapping } | { ok: false; error: string } {
  const parsed = MappingSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `${issue.path.join('.') || '(mapping)'}: ${issue.message}` };
  }
  for (const [field, source] of Object.entries(parsed.data)) {
    if (typeof source === 'object' && 'from' in source && source.values && source.time) {
      return { ok: false, error: `${field}: give either values or time, not both` };
    }
  }
  return { ok: true, mapping: parsed.data };
}

export type Mapped = { ok: true; record: Record<string, unknown> } | { ok: false; error: string };

/**
 * The item record a row maps to. A path the row lacks (or holds null) leaves the field out, as
 * a missing field in an item record; a `default` fills it instead. Values are copied as they
 * are (bytes stay bytes, for the converter to store as media).
 */
export function applyMapping(row: unknown, mapping: Mapping): Mapped {
  const record: Record<string, unknown> = {};
  for (const [field, source] of Object.entries(mapping)) {
    const value = resolve(row, source, field);
    if (value instanceof MappingError) return { ok: false, error: value.message };
    if (value !== undefined) setPath(record, field, value);
  }
  return { ok: true, record };
}

class MappingError {
  constructor(readonly message: string) {}
}

function resolve(row: unknown, source: FieldSource, field: string): unknown {
  if (typeof source === 'string') return present(lookup(row, source));
  if ('const' in source) return source.const;
  const value = present(lookup(row, source.from));
  if (value === undefined) return source.default;
  if (source.values) {
    const key = keyOf(value);
    if (key !== undefined && Object.hasOwn(source.values, key)) return source.values[key];
    if (source.default !== undefined) return source.default;
    return new MappingError(
      `field ${field}: value ${describe(value)} of ${source.from} is not in the mapping's values`,
    );
  }
  if (source.time) {
    const iso = toRfc3339(value, source.time);
    return (
      iso ??
      new MappingError(
        `field ${field}: value ${describe(value)} of ${source.from} is not a time in ${source.time}`,
      )
    );
  }
  return value;
}

function present(value: unknown): unknown {
  return value === null ? undefined : value;
}

/**
 * A column, or a dotted path into nested structs and JSON objects. A column whose own name
 * has dots is found first, so flat exports with dotted headers need no escaping.
 */
export function lookup(row: unknown, path: string): unknown {
  if (!isRecord(row)) return undefined;
  if (Object.hasOwn(row, path)) return row[path];
  let at: unknown = row;
  for (const part of path.split('.')) {
    if (!isRecord(at) || !Object.hasOwn(at, part)) return undefined;
    at = at[part];
  }
  return at;
}

function setPath(record: Record<string, unknown>, field: string, value: unknown): void {
  const parts = field.split('.');
  let at = record;
  for (const part of parts.slice(0, -1)) {
    const next = at[part];
    if (isRecord(next)) at = next;
    else {
      const created: Record<string, unknown> = {};
      at[part] = created;
      at = created;
    }
  }
  at[parts[parts.length - 1]!] = value;
}

/** Source booleans and numbers match their JSON text (`"true"`, `"1"`). */
function keyOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'bigint') {
    return String(value);
  }
  return undefined;
}

function describe(value: unknown): string {
  const key = keyOf(value);
  const text = key === undefined ? `(${typeof value})` : JSON.stringify(key);
  return text.length > 80 ? `${text.slice(0, 77)}…"` : text;
}

function toRfc3339(value: unknown, unit: (typeof TIME_UNITS)[number]): string | undefined {
  let ms: number | undefined;
  if (value instanceof Date) ms = value.getTime();
  else if (unit === 'rfc3339') ms = typeof value === 'string' ? parseRfc3339(value) : undefined;
  else {
    const n =
      typeof value === 'number' || typeof value === 'bigint'
        ? Number(value)
        : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)
          ? Number(value)
          : Number.NaN;
    ms = unit === 'epoch_s' ? n * 1000 : n;
  }
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !ArrayBuffer.isView(value) &&
    !(value instanceof Date)
  );
}
