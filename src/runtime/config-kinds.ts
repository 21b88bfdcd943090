// The kinds of value a variable of config-schema.ts can hold. Each builder gives the reader of
// the variable's text (with its error message) and the type, default and bound that
// docs/configuration.md shows, so the two cannot say different things. Values stay strings,
// numbers and booleans, so the parsed object can be frozen whole.
//
// Plain functions, not zod schemas: every command reads its settings at start, and loading zod
// and building 34 schemas was a large part of `obhut consent status`'s start-up (issue 13;
// BENCHMARKS.md, "start-up, second round").

/** How docs/configuration.md shows one variable. */
export interface VariableDoc {
  /** The heading of its table in docs/configuration.md. */
  readonly section: string;
  readonly type: string;
  /** The value used when the variable is unset or empty, or what unset means. */
  readonly default: string;
  readonly bound: string;
  readonly description: string;
}

type Doc = Omit<VariableDoc, 'section'>;
type Text = string | undefined;

/**
 * Reads a variable's text (undefined when unset or empty). A problem is pushed to `issues` as
 * the end of "<variable> …"; the value returned then is not used.
 */
export type Reader<T> = (text: Text, issues: string[]) => T;

interface Entry<T> {
  readonly read: Reader<T>;
  readonly doc: Doc;
}

/** One variable of the schema: how its text is read, and how docs/configuration.md shows it. */
export interface Variable<T> {
  readonly read: Reader<T>;
  readonly doc: VariableDoc;
}

export function section<S extends Record<string, Entry<unknown>>>(
  title: string,
  entries: S,
): { [K in keyof S]: Variable<ReturnType<S[K]['read']>> } {
  const shape: Record<string, Variable<unknown>> = {};
  for (const [name, { read, doc }] of Object.entries(entries)) {
    shape[name] = { read, doc: { section: title, ...doc } };
  }
  return shape as { [K in keyof S]: Variable<ReturnType<S[K]['read']>> };
}

/**
 * The one reading of an integer variable: decimal digits only (no sign, exponent or fraction),
 * from `min` to `max`; undefined when the text is not such a number.
 */
export function parseInteger(text: string, min: number, max?: number): number | undefined {
  if (!/^[0-9]+$/.test(text)) return undefined;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min || (max !== undefined && n > max)) return undefined;
  return n;
}

function integerRule(min: number, max: number | undefined): string {
  if (max !== undefined) return `an integer from ${min} to ${max}`;
  return min === 1 ? 'a positive integer' : `an integer of at least ${min}`;
}

function integerEntry(
  o: { min: number; max?: number; description: string },
  fallback: number | undefined,
  unset: string,
) {
  return {
    read: (text: Text, issues: string[]) => {
      if (text === undefined) return fallback;
      const n = parseInteger(text, o.min, o.max);
      if (n === undefined) issues.push(`must be ${integerRule(o.min, o.max)}, got ${text}`);
      return n ?? fallback;
    },
    doc: {
      type: 'integer',
      default: unset,
      bound: o.max === undefined ? `≥ ${o.min}` : `${o.min}–${o.max}`,
      description: o.description,
    },
  };
}

export function integer(o: {
  min: number;
  max?: number;
  default: number;
  description: string;
}): Entry<number> {
  return integerEntry(o, o.default, String(o.default)) as Entry<number>;
}

export function optionalInteger(o: {
  min: number;
  max?: number;
  unset: string;
  description: string;
}): Entry<number | undefined> {
  return integerEntry(o, undefined, o.unset);
}

/** A condition on a text variable: what it must satisfy, as said in the error and the docs. */
export interface Check {
  readonly test: (value: string) => boolean;
  /** Completes "<variable> must …". */
  readonly rule: string;
  readonly bound: string;
}

function textEntry(
  o: { type?: string; check?: Check; description: string },
  fallback: string | undefined,
  unset: string,
) {
  return {
    read: (text: Text, issues: string[]) => {
      if (text === undefined) return fallback;
      if (o.check && !o.check.test(text)) issues.push(`must ${o.check.rule}`);
      return text;
    },
    doc: {
      type: o.type ?? 'text',
      default: unset,
      bound: o.check?.bound ?? '—',
      description: o.description,
    },
  };
}

export function text(o: {
  type?: string;
  default: string;
  check?: Check;
  description: string;
}): Entry<string> {
  return textEntry(o, o.default, `\`${o.default}\``) as Entry<string>;
}

export function optionalText(o: {
  type?: string;
  unset: string;
  check?: Check;
  description: string;
}): Entry<string | undefined> {
  return textEntry(o, undefined, o.unset);
}

export function oneOf<const V extends readonly [string, ...string[]]>(o: {
  values: V;
  default: V[number];
  description: string;
}): Entry<V[number]> {
  const listed = o.values.map((v) => `\`${v}\``).join(', ');
  return {
    read: (text: Text, issues: string[]): V[number] => {
      if (text === undefined) return o.default;
      if (!(o.values as readonly string[]).includes(text))
        issues.push(`must be one of ${o.values.join(', ')}, got ${text}`);
      return text as V[number];
    },
    doc: { type: 'one of', default: `\`${o.default}\``, bound: listed, description: o.description },
  };
}

export function flag(o: { description: string }): Entry<boolean> {
  return {
    read: (text: Text, issues: string[]) => {
      if (text !== undefined && text !== '0' && text !== '1')
        issues.push(`must be 0 or 1, got ${text}`);
      return text === '1';
    },
    doc: { type: 'flag', default: '`0`', bound: '`0` or `1`', description: o.description },
  };
}

export const atLeastBytes = (bytes: number): Check => ({
  test: (v) => Buffer.byteLength(v, 'utf8') >= bytes,
  rule: `be at least ${bytes} bytes long`,
  bound: `≥ ${bytes} bytes`,
});
