import { parse as parseYaml, YAMLParseError } from 'yaml';
import * as z from 'zod';
import { formatZodError } from '../records/zod-errors.js';

const text = z.string().trim().min(1).max(10_000);
const name = z.string().trim().min(1).max(500);
const count = z.number().int().nonnegative();

const namedSource = z
  .object({ name, url: z.url().optional(), description: text.optional() })
  .strict();

/**
 * What an operator knows and a build cannot: who provides the model, what else it was trained
 * on, which measures were taken. Every field is optional; what is absent is reported missing.
 * docs/documents.md documents the schema field by field.
 */
export const ProviderFactsSchema = z
  .object({
    provider: z
      .object({
        name: name.optional(),
        contact: name.optional(),
        address: text.optional(),
        /** Small or medium-sized enterprise: the top-domain list may be 5 % (at most 1,000). */
        sme: z.boolean().optional(),
      })
      .strict()
      .optional(),
    model: z
      .object({
        name: name.optional(),
        version: name.optional(),
        /** Date the model was placed on the Union market (YYYY-MM-DD). */
        placed_on_market: z.iso.date().optional(),
        /** Knowledge cut-off (YYYY-MM-DD). */
        knowledge_cutoff: z.iso.date().optional(),
        dependencies: text.optional(),
      })
      .strict()
      .optional(),
    dataset: z
      .object({
        name: name.optional(),
        description: text.optional(),
        /** An SPDX identifier or a Hugging Face licence id. */
        license: name.optional(),
        /** ISO 639-1 codes. */
        languages: z
          .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/))
          .max(500)
          .optional(),
        homepage: z.url().optional(),
        citation: text.optional(),
        limitations: text.optional(),
      })
      .strict()
      .optional(),
    /** Sizes the build cannot count (tokens need the model's tokenizer; hours need decoding). */
    training_data_size: z
      .object({
        text_tokens: count.optional(),
        image_count: count.optional(),
        audio_hours: z.number().nonnegative().optional(),
        video_hours: z.number().nonnegative().optional(),
        other: text.optional(),
      })
      .strict()
      .optional(),
    sources: z
      .object({
        public_datasets: z.array(namedSource).max(10_000).optional(),
        licensed_datasets: z.array(namedSource).max(10_000).optional(),
        other_private_datasets: z.array(namedSource).max(10_000).optional(),
        crawlers: z.array(namedSource).max(1_000).optional(),
        crawl_description: text.optional(),
        user_data: z
          .object({ used: z.boolean(), description: text.optional() })
          .strict()
          .optional(),
        synthetic_data: z
          .object({ used: z.boolean(), description: text.optional() })
          .strict()
          .optional(),
        other: text.optional(),
      })
      .strict()
      .optional(),
    processing: z
      .object({
        tdm_measures: text.optional(),
        illegal_content_measures: text.optional(),
        other: text.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ProviderFacts = z.infer<typeof ProviderFactsSchema>;

/** Parses a provider facts file (YAML or JSON); an error names the line or the field. */
export function parseProviderFacts(
  source: string,
): { ok: true; value: ProviderFacts } | { ok: false; error: string } {
  let raw: unknown;
  try {
    // uniqueKeys: a key given twice could be read either way, so it is rejected.
    raw = parseYaml(source, { uniqueKeys: true, prettyErrors: true, maxAliasCount: 100 });
  } catch (err) {
    if (err instanceof YAMLParseError) return { ok: false, error: err.message };
    throw err;
  }
  const parsed = ProviderFactsSchema.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, error: formatZodError(parsed.error) };
  return { ok: true, value: parsed.data };
}
