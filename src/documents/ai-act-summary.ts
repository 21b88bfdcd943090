import type { Manifest } from '../gate/manifest.js';
import { type ContentProfile, mergeProfiles } from './content-profile.js';
import { type MissingFact, MissingFacts } from './missing-facts.js';
import type { ProviderFacts } from './provider-facts.js';

export const AI_ACT_SUMMARY_FORMAT = 'obhut-ai-act-summary/1';

/** The template this summary follows; docs/documents.md cites it. */
export const AI_ACT_TEMPLATE = {
  title:
    'Explanatory Notice and Template for the Public Summary of Training Content for general-purpose AI models',
  publisher: 'European Commission, AI Office',
  published: '2025-07-24',
  legal_basis: 'Article 53(1)(d) of Regulation (EU) 2024/1689 (AI Act)',
  url: 'https://digital-strategy.ec.europa.eu/en/faqs/template-general-purpose-ai-model-providers-summarise-their-training-content',
} as const;

/** One build the model was trained on: its manifest and what its items files held. */
export interface SummaryBuild {
  readonly manifest: Manifest;
  /** Known when the manifest was read from a finished build; absent while the build writes it. */
  readonly manifestSha256?: string;
  /** Null when the items files could not be profiled (a format the profiler does not read). */
  readonly profile: ContentProfile | null;
}

export interface SummaryInput {
  readonly builds: readonly SummaryBuild[];
  /** `NAME@VERSION` as given on the command line; a label only (not looked up in a registry). */
  readonly model?: string;
  readonly facts: ProviderFacts;
}

type Modality = 'text' | 'image' | 'audio' | 'video';

/** The template's size ranges per modality (section 1.3), smallest first. */
const SIZE_RANGES: Record<Modality, { unit: string; bounds: [number, string][]; above: string }> = {
  text: {
    unit: 'tokens',
    bounds: [
      [1e9, 'Less than 1 billion tokens'],
      [1e13, '1 billion to 10 trillion tokens'],
    ],
    above: 'More than 10 trillion tokens',
  },
  image: {
    unit: 'images',
    bounds: [
      [1e6, 'Less than 1 million images'],
      [1e9, '1 million to 1 billion images'],
    ],
    above: 'More than 1 billion images',
  },
  audio: {
    unit: 'hours',
    bounds: [
      [1e4, 'Less than 10,000 hours'],
      [1e6, '10,000 to 1 million hours'],
    ],
    above: 'More than 1 million hours',
  },
  video: {
    unit: 'hours',
    bounds: [
      [1e4, 'Less than 10,000 hours'],
      [1e6, '10,000 to 1 million hours'],
    ],
    above: 'More than 1 million hours',
  },
};

export function sizeRange(modality: Modality, value: number): string {
  const ranges = SIZE_RANGES[modality];
  for (const [bound, label] of ranges.bounds) if (value < bound) return label;
  return ranges.above;
}

/** The public summary of training content, as data; `aiActMarkdown` renders it. */
export function aiActSummary(input: SummaryInput) {
  const { facts } = input;
  const missing = new MissingFacts();
  const profiles = input.builds.map((b) => b.profile);
  const profile = profiles.every((p) => p !== null) ? mergeProfiles(profiles) : null;
  if (profile === null)
    missing.add('*', 'some items files could not be read, so content figures are left empty');
  const label = input.model === undefined ? undefined : splitModel(input.model);
  const general = {
    provider: {
      name: missing.take(
        facts.provider?.name,
        'general_information.provider.name',
        'provider.name',
      ),
      contact: missing.take(
        facts.provider?.contact,
        'general_information.provider.contact',
        'provider.contact',
      ),
      sme: facts.provider?.sme ?? null,
    },
    model: {
      name: missing.take(
        label?.name ?? facts.model?.name,
        'general_information.model.name',
        '--model NAME@VERSION or model.name',
      ),
      version: missing.take(
        label?.version ?? facts.model?.version,
        'general_information.model.version',
        '--model NAME@VERSION or model.version',
      ),
      placed_on_market: missing.take(
        facts.model?.placed_on_market,
        'general_information.model.placed_on_market',
        'model.placed_on_market',
      ),
      knowledge_cutoff: facts.model?.knowledge_cutoff ?? null,
      dependencies: facts.model?.dependencies ?? null,
    },
    builds: input.builds.map((b) => ({
      ...(b.manifestSha256 ? { manifest_sha256: b.manifestSha256 } : {}),
      purpose: b.manifest.purpose,
      items_root: b.manifest.items_root,
      admitted: b.manifest.counts.admitted,
      consent_at: b.manifest.consent.at,
    })),
    modalities: modalities(profile, facts, missing),
  };
  return {
    format: AI_ACT_SUMMARY_FORMAT,
    template: AI_ACT_TEMPLATE,
    general_information: general,
    data_sources: dataSources(input.builds, profile, facts, missing),
    data_processing: dataProcessing(input.builds, facts, missing),
    missing: missing.list() as MissingFact[],
  };
}

export type AiActSummary = ReturnType<typeof aiActSummary>;

function modalities(profile: ContentProfile | null, facts: ProviderFacts, missing: MissingFacts) {
  const size = facts.training_data_size ?? {};
  const kinds = profile?.by_kind ?? {};
  const fromProvider: Record<Modality, number | undefined> = {
    text: size.text_tokens,
    image: size.image_count,
    audio: size.audio_hours,
    video: size.video_hours,
  };
  const key: Record<Modality, string> = {
    text: 'training_data_size.text_tokens',
    image: 'training_data_size.image_count',
    audio: 'training_data_size.audio_hours',
    video: 'training_data_size.video_hours',
  };
  return (['text', 'image', 'audio', 'video'] as const).map((modality) => {
    const itemsInBuilds = kinds[modality] ?? 0;
    let value = fromProvider[modality];
    let source: 'provider' | 'builds' | null = value === undefined ? null : 'provider';
    // The builds count images exactly; tokens and hours need a tokenizer or decoding.
    if (value === undefined && modality === 'image' && profile) {
      value = itemsInBuilds;
      source = 'builds';
    }
    const present = itemsInBuilds > 0 || (value !== undefined && value > 0);
    if (present && value === undefined)
      missing.add(`general_information.modalities.${modality}.size`, key[modality]);
    return {
      modality,
      present,
      items_in_builds: profile ? itemsInBuilds : null,
      ...(modality === 'text' && profile ? { characters_in_builds: profile.text_characters } : {}),
      size:
        value === undefined
          ? null
          : { value, unit: SIZE_RANGES[modality].unit, range: sizeRange(modality, value), source },
    };
  });
}

function dataSources(
  builds: readonly SummaryBuild[],
  profile: ContentProfile | null,
  facts: ProviderFacts,
  missing: MissingFacts,
) {
  const sources = facts.sources ?? {};
  const known = new Set(
    [
      ...(sources.public_datasets ?? []),
      ...(sources.licensed_datasets ?? []),
      ...(sources.other_private_datasets ?? []),
    ].map((d) => d.name),
  );
  // Datasets the items name by `source.dataset`: whether public or licensed only the provider knows.
  const unclassified = Object.entries(profile?.datasets ?? {})
    .filter(([name]) => !known.has(name))
    .map(([name, d]) => ({ name, items: d.items, licenses: d.licenses }));
  for (const d of unclassified)
    missing.add(
      `data_sources.datasets.${d.name}`,
      'list it under sources.public_datasets, licensed_datasets or other_private_datasets',
    );
  const warcInputs = builds.flatMap((b) => b.manifest.optout?.warc ?? []);
  // A WARC input or a named crawler says yes; only the provider's empty crawler list says no.
  const crawled =
    warcInputs.length > 0 || (sources.crawlers?.length ?? 0) > 0
      ? true
      : missing.take(
          sources.crawlers && false,
          'data_sources.crawled_data.used',
          'sources.crawlers (an empty list if none were used)',
        );
  if (warcInputs.length > 0 && !sources.crawlers)
    missing.add('data_sources.crawled_data.crawlers', 'sources.crawlers');
  return {
    public_datasets: listed(sources.public_datasets, 'sources.public_datasets', missing),
    private_datasets: {
      licensed: listed(sources.licensed_datasets, 'sources.licensed_datasets', missing),
      other: listed(sources.other_private_datasets, 'sources.other_private_datasets', missing),
    },
    datasets_named_by_items: unclassified,
    crawled_data: {
      used: crawled,
      crawlers: sources.crawlers ?? [],
      description: sources.crawl_description ?? null,
      warc_inputs: warcInputs.length,
      pages_admitted_from_crawls: warcInputs.reduce((n, w) => n + w.items, 0),
      collection_period: collectionPeriod(profile, crawled !== false, missing),
      top_domains: topDomains(profile, facts.provider?.sme, missing),
    },
    user_data: {
      used: missing.take(
        sources.user_data?.used,
        'data_sources.user_data.used',
        'sources.user_data',
      ),
      description: sources.user_data?.description ?? null,
      items_by_legal_basis: profile?.legal_basis ?? null,
    },
    synthetic_data: {
      used: missing.take(
        sources.synthetic_data?.used,
        'data_sources.synthetic_data.used',
        'sources.synthetic_data',
      ),
      description: sources.synthetic_data?.description ?? null,
    },
    other_sources: sources.other ?? null,
  };
}

function listed<T>(value: readonly T[] | undefined, key: string, missing: MissingFacts) {
  return missing.take(value, `data_sources.${key.replace('sources.', '')}`, key);
}

/** The period the items were collected in; the template asks for it of crawled data. */
function collectionPeriod(
  profile: ContentProfile | null,
  required: boolean,
  missing: MissingFacts,
) {
  if (!profile?.collected) {
    if (required)
      missing.add(
        'data_sources.crawled_data.collection_period',
        "no admitted item has source.collected_at; add it to the items' records",
      );
    return null;
  }
  return {
    from: profile.collected.from,
    to: profile.collected.to,
    items_without_date: profile.items_without_collected_at,
  };
}

/**
 * The template asks for the top 10 % of domain names by size of content (5 %, at most 1,000,
 * for SMEs). Size is counted here in admitted items per host of `source.url`.
 */
export function topDomains(
  profile: ContentProfile | null,
  sme: boolean | undefined,
  missing: MissingFacts,
) {
  if (!profile) return null;
  const entries = Object.entries(profile.domains).sort(
    ([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0),
  );
  const withUrl = entries.reduce((n, [, c]) => n + c, 0) + profile.domains_overflow_items;
  // Without knowing whether the provider is an SME, the larger (10 %) list is given.
  if (sme === undefined) missing.add('data_sources.crawled_data.top_domains.rule', 'provider.sme');
  const take =
    sme === true
      ? Math.min(Math.ceil(entries.length * 0.05), 1000)
      : Math.ceil(entries.length * 0.1);
  return {
    rule: sme === true ? 'top 5 % of domains, at most 1,000 (SME)' : 'top 10 % of domains',
    measure: 'admitted items per host of source.url',
    domains_total: entries.length,
    domains_not_kept: profile.domains_overflow_items > 0,
    items_with_url: withUrl,
    domains: entries.slice(0, take).map(([domain, items]) => ({
      domain,
      items,
      share: withUrl === 0 ? 0 : Math.round((items / withUrl) * 1e6) / 1e6,
    })),
  };
}

function dataProcessing(
  builds: readonly SummaryBuild[],
  facts: ProviderFacts,
  missing: MissingFacts,
) {
  const processing = facts.processing ?? {};
  const optout = builds.map((b) => b.manifest.optout);
  const bySignal: Record<string, number> = {};
  for (const o of optout)
    for (const [type, n] of Object.entries(o?.reserved_by_signal ?? {}))
      bySignal[type] = (bySignal[type] ?? 0) + n;
  const safety = builds.map((b) => b.manifest.safety);
  const scanned = safety.filter((s) => s !== undefined);
  if (scanned.length < builds.length && processing.illegal_content_measures === undefined)
    missing.add(
      'data_processing.illegal_content.measures',
      'processing.illegal_content_measures (some builds were not scanned against hash banks)',
    );
  return {
    tdm_opt_outs: {
      measures: missing.take(
        processing.tdm_measures,
        'data_processing.tdm_opt_outs.measures',
        'processing.tdm_measures',
      ),
      builds_honouring_item_reservations: builds.filter(
        (b) => b.manifest.policy.effective.honor_tdm_reservation,
      ).length,
      builds_evaluating_web_opt_outs: optout.filter((o) => o !== undefined).length,
      user_agents: [...new Set(optout.flatMap((o) => o?.policy.user_agents ?? []))],
      signals_evaluated: [...new Set(optout.flatMap((o) => o?.policy.signals ?? []))],
      signal_captures: optout.reduce((n, o) => n + (o?.captures.length ?? 0), 0),
      items_excluded_as_reserved: builds.reduce(
        (n, b) => n + b.manifest.excluded_by_reason.tdm_reserved,
        0,
      ),
      reserved_by_signal: bySignal,
    },
    illegal_content: {
      measures: processing.illegal_content_measures ?? null,
      builds_scanned: scanned.length,
      banks: [...new Set(scanned.flatMap((s) => s.banks.map((b) => b.name)))],
      files_scanned: scanned.reduce((n, s) => n + s.files_scanned + s.excluded_files_scanned, 0),
      items_excluded_as_matches: scanned.reduce((n, s) => n + s.items_matched, 0),
      findings: scanned.reduce((n, s) => n + s.findings, 0),
      files_quarantined: scanned.reduce((n, s) => n + s.files_quarantined, 0),
    },
    other: processing.other ?? null,
  };
}

function splitModel(label: string): { name: string; version?: string } {
  const at = label.lastIndexOf('@');
  return at <= 0 ? { name: label } : { name: label.slice(0, at), version: label.slice(at + 1) };
}
