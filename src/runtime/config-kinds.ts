import * as z from 'zod';

// The kinds of value a variable of config-schema.ts can hold. Each builder gives the zod schema
// (reading the variable's text, with the error message) and the type, default and bound that
// docs/configuration.md shows, so the two cannot say different things. Values stay strings,
// numbers and booleans, so the parsed object can be frozen whole.

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
interface Entry<T extends z.ZodType> {
  readonly schema: T;
  readonly doc: Doc;
}
type Text = string | undefined;

/** The documentation of each variable, keyed by its schema. */
export const VARIABLE_DOCS = z.registry<VariableDoc>();

export function section<S extends Record<string, Entry<z.ZodType>>>(
  title: string,
  entries: S,
): { [K in keyof S]: S[K]['schema'] } {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, { schema, doc }] of Object.entries(entries)) {
    shape[name] = schema.register(VARIABLE_DOCS, { section: title, ...doc });
  }
  return shape as { [K in keyof S]: S[K]['schema'] };
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
    schema: z
      .string()
      .optional()
      .transform((text, ctx) => {
        if (text === undefined) return fallback;
        const n = parseInteger(text, o.min, o.max);
        if (n === undefined)
          ctx.addIssue({
            code: 'custom',
            message: `must be ${integerRule(o.min, o.max)}, got ${text}`,
          });
        return n ?? fallback;
      }),
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
}): Entry<z.ZodType<number, Text>> {
  return integerEntry(o, o.default, String(o.default)) as Entry<z.ZodType<number, Text>>;
}

export function optionalInteger(o: {
  min: number;
  max?: number;
  unset: string;
  description: string;
}): Entry<z.ZodType<number | undefined, Text>> {
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
    schema: z
      .string()
      .optional()
      .transform((text, ctx) => {
        if (text === undefined) return fallback;
        if (o.check && !o.check.test(text))
          ctx.addIssue({ code: 'custom', message: `must ${o.check.rule}` });
        return text;
      }),
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
}): Entry<z.ZodType<string, Text>> {
  return textEntry(o, o.default, `\`${o.default}\``) as Entry<z.ZodType<string, Text>>;
}

export function optionalText(o: {
  type?: string;
  unset: string;
  check?: Check;
  description: string;
}): Entry<z.ZodType<string | undefined, Text>> {
  return textEntry(o, undefined, o.unset);
}

export function oneOf<const V extends readonly [string, ...string[]]>(o: {
  values: V;
  default: V[number];
  description: string;
}): Entry<z.ZodType<V[number], Text>> {
  const listed = o.values.map((v) => `\`${v}\``).join(', ');
  return {
    schema: z
      .string()
      .optional()
      .transform((text, ctx): V[number] => {
        if (text === undefined) return o.default;
        if (!(o.values as readonly string[]).includes(text))
          ctx.addIssue({
            code: 'custom',
            message: `must be one of ${o.values.join(', ')}, got ${text}`,
          });
        return text as V[number];
      }),
    doc: { type: 'one of', default: `\`${o.default}\``, bound: listed, description: o.description },
  };
}

export function flag(o: { description: string }): Entry<z.ZodType<boolean, Text>> {
  return {
    schema: z
      .string()
      .optional()
      .transform((text, ctx) => {
        if (text !== undefined && text !== '0' && text !== '1')
          ctx.addIssue({ code: 'custom', message: `must be 0 or 1, got ${text}` });
        return text === '1';
      }),
    doc: { type: 'flag', default: '`0`', bound: '`0` or `1`', description: o.description },
  };
}

export const atLeastBytes = (bytes: number): Check => ({
  test: (v) => Buffer.byteLength(v, 'utf8') >= bytes,
  rule: `be at least ${bytes} bytes long`,
  bound: `≥ ${bytes} bytes`,
});
