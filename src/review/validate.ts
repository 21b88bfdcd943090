import * as z from 'zod';
import type { Validation } from '../records/validate-item.js';
import { formatZodError } from '../records/zod-errors.js';
import {
  FLAG_CATEGORIES,
  type FlagCategory,
  type LabelDefinition,
  type LabelsSchema,
  type LocalText,
  type ReviewAnswer,
} from './model.js';

export const MAX_TRANSCRIPT_CHARS = 20_000;
export const MAX_NOTE_CHARS = 2_000;
export const MAX_JUSTIFICATION_CHARS = 2_000;
export const MIN_JUSTIFICATION_CHARS = 20;
const NAME = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'label names are lower case, such as transcript_quality');
const OPTION = z.string().min(1).max(100);

const LOCAL_TEXT = z
  .strictObject({ de: z.string().min(1).max(500), en: z.string().min(1).max(500) })
  .partial()
  .refine((t) => t.de !== undefined || t.en !== undefined, 'a text in de, en or both');
// An option: its value alone (older labels files), or its value and its texts.
const LABEL_OPTION = z.union([
  OPTION,
  z.strictObject({ value: OPTION, text: LOCAL_TEXT.optional() }),
]);

const labelsSchema = z
  .array(
    z.strictObject({
      name: NAME,
      text: LOCAL_TEXT.optional(),
      options: z.array(LABEL_OPTION).min(1).max(50),
      multiple: z.boolean().optional(),
    }),
  )
  .min(1)
  .max(20)
  .superRefine((labels, ctx) => {
    const seen = new Set<string>();
    for (const [i, label] of labels.entries()) {
      if (seen.has(label.name))
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `"${label.name}" twice` });
      seen.add(label.name);
      const values = label.options.map(optionValue);
      if (new Set(values).size !== values.length)
        ctx.addIssue({ code: 'custom', path: [i, 'options'], message: 'options repeat' });
    }
  });

type LabelOptionInput = z.infer<typeof LABEL_OPTION>;
const optionValue = (o: LabelOptionInput): string => (typeof o === 'string' ? o : o.value);

/**
 * Checks a labels file (`obhut review enqueue --labels`): a list of questions, each
 * `{ name, text?: { de?, en? }, options: [value | { value, text? }], multiple? }`. Plain option
 * values and no texts (the older form) still work: the console then shows the names.
 */
export function parseLabelsSchema(value: unknown): Validation<LabelsSchema> {
  const parsed = labelsSchema.safeParse(value);
  if (!parsed.success) return { ok: false, error: formatZodError(parsed.error) };
  const labels: LabelDefinition[] = parsed.data.map((label) => {
    const optionTexts: Record<string, LocalText> = {};
    for (const o of label.options)
      if (typeof o !== 'string' && o.text !== undefined) optionTexts[o.value] = o.text;
    return {
      name: label.name,
      options: label.options.map(optionValue),
      ...(label.multiple === undefined ? {} : { multiple: label.multiple }),
      ...(label.text === undefined ? {} : { text: label.text }),
      ...(Object.keys(optionTexts).length === 0 ? {} : { optionTexts }),
    };
  });
  return { ok: true, value: labels };
}

// Control characters other than tab and line breaks (PostgreSQL text refuses NUL outright).
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what it looks for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Free text a reviewer or member of staff types: bounded, no control characters. */
function plainText(max: number) {
  return z
    .string()
    .max(max)
    .refine((s) => !CONTROL.test(s), 'plain text: no control characters but tabs and line breaks');
}

const answerShape = z.strictObject({
  transcript: plainText(MAX_TRANSCRIPT_CHARS).optional(),
  labels: z.record(NAME, z.union([OPTION, z.array(OPTION).max(50)])),
});

/**
 * Checks an answer against the item's labels: every label given exactly once, from its
 * options, a list only where the label allows several; a transcript correction only for audio.
 */
export function validateAnswer(
  value: unknown,
  labels: LabelsSchema,
  kind: 'text' | 'audio' | 'image',
): Validation<ReviewAnswer> {
  const parsed = answerShape.safeParse(value);
  if (!parsed.success) return { ok: false, error: formatZodError(parsed.error) };
  const answer = parsed.data;
  if (answer.transcript !== undefined && kind !== 'audio')
    return { ok: false, error: 'transcript: only audio items have a transcript to correct' };
  const byName = new Map(labels.map((l) => [l.name, l]));
  for (const name of Object.keys(answer.labels)) {
    if (!byName.has(name)) return { ok: false, error: `labels.${name}: not a label of this task` };
  }
  for (const label of labels) {
    const given = answer.labels[label.name];
    if (given === undefined) return { ok: false, error: `labels.${label.name}: required` };
    const values = typeof given === 'string' ? [given] : given;
    if (typeof given !== 'string' && !label.multiple)
      return { ok: false, error: `labels.${label.name}: one option, not a list` };
    if (values.length === 0) return { ok: false, error: `labels.${label.name}: choose an option` };
    if (new Set(values).size !== values.length)
      return { ok: false, error: `labels.${label.name}: an option is repeated` };
    const bad = values.find((v) => !label.options.includes(v));
    if (bad !== undefined)
      return {
        ok: false,
        error: `labels.${label.name}: "${bad}" is not one of ${label.options.join(', ')}`,
      };
  }
  return { ok: true, value: answer };
}

const flagShape = z.strictObject({
  category: z.enum(FLAG_CATEGORIES),
  note: plainText(MAX_NOTE_CHARS).optional(),
});

export function validateFlag(
  value: unknown,
): Validation<{ category: FlagCategory; note?: string }> {
  const parsed = flagShape.safeParse(value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: formatZodError(parsed.error) };
}

/**
 * An optional free-text note (an answer's comment, a flag resolution's note): plain text of at
 * most `MAX_NOTE_CHARS` characters, trimmed; undefined when absent or blank. No markup is
 * interpreted; clients show it as text.
 */
export function validateNote(value: unknown): Validation<string | undefined> {
  if (value === undefined || value === null) return { ok: true, value: undefined };
  const parsed = plainText(MAX_NOTE_CHARS).safeParse(value);
  if (!parsed.success) return { ok: false, error: formatZodError(parsed.error) };
  const text = parsed.data.trim();
  return { ok: true, value: text === '' ? undefined : text };
}

export function validateJustification(value: unknown): Validation<string> {
  const parsed = plainText(MAX_JUSTIFICATION_CHARS)
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(MIN_JUSTIFICATION_CHARS, `say why, in at least ${MIN_JUSTIFICATION_CHARS} characters`),
    )
    .safeParse(value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: formatZodError(parsed.error) };
}
