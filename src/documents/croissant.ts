import type { Manifest } from '../gate/manifest.js';
import type { ContentProfile } from './content-profile.js';
import { CROISSANT_CONFORMS_TO, CROISSANT_CONTEXT } from './croissant-context.js';
import { dataOutputs, encodingFormat, shardOutputs } from './document-files.js';
import { MissingFacts } from './missing-facts.js';
import type { ProviderFacts } from './provider-facts.js';

const ITEMS_FILES = 'items-files';

/** An item record field as the output schema (docs/formats.md) defines it. */
const ITEM_FIELDS: readonly { name: string; path: string; type: string; description: string }[] = [
  { name: 'id', path: '$.id', type: 'sc:Text', description: 'The record id, unique in the build.' },
  { name: 'kind', path: '$.kind', type: 'sc:Text', description: 'text, image or audio.' },
  {
    name: 'text',
    path: '$.text',
    type: 'sc:Text',
    description: 'The text, caption or transcript.',
  },
  {
    name: 'media',
    path: '$._obhut.media.path',
    type: 'sc:URL',
    description: 'The media file in media/, named by its SHA-256.',
  },
  { name: 'visibility', path: '$.visibility', type: 'sc:Text', description: 'public or private.' },
  {
    name: 'created_at',
    path: '$.created_at',
    type: 'sc:DateTime',
    description: 'When the item was created.',
  },
  {
    name: 'source_url',
    path: '$.source.url',
    type: 'sc:URL',
    description: 'Where the item was collected.',
  },
  {
    name: 'collected_at',
    path: '$.source.collected_at',
    type: 'sc:DateTime',
    description: 'When the item was collected.',
  },
  {
    name: 'source_dataset',
    path: '$.source.dataset',
    type: 'sc:Text',
    description: 'The dataset the item came from.',
  },
  {
    name: 'source_license',
    path: '$.source.license',
    type: 'sc:Text',
    description: "The item's licence, as its record states it.",
  },
  {
    name: 'subject',
    path: '$._obhut.subject',
    type: 'sc:Text',
    description: "The subject's keyed pseudonym (hex); no identity.",
  },
  {
    name: 'line_sha256',
    path: '$._obhut.sha256',
    type: 'sc:Text',
    description: 'SHA-256 of the input line.',
  },
];

export interface CroissantInput {
  readonly manifest: Manifest;
  readonly profile: ContentProfile | null;
  readonly facts: ProviderFacts;
}

/** Croissant 1.1 JSON-LD metadata for one build, with the RAI fields the manifest can fill. */
export function croissantMetadata({ manifest, profile, facts }: CroissantInput) {
  const missing = new MissingFacts();
  const dataset = facts.dataset ?? {};
  const shards = shardOutputs(manifest);
  const license = missing.take(dataset.license, 'license', 'dataset.license');
  const c = manifest.counts;
  const optout = manifest.optout;
  const crawled = (optout?.warc.length ?? 0) > 0;
  return {
    '@context': CROISSANT_CONTEXT,
    '@type': 'sc:Dataset',
    conformsTo: CROISSANT_CONFORMS_TO,
    // A name is required; without one from the provider, the build's items root names it.
    name: dataset.name ?? `obhut-build-${manifest.items_root.slice(0, 16)}`,
    description:
      dataset.description ??
      `Items admitted by an Obhut build for the purpose "${manifest.purpose}", checked against the consent register as of ${manifest.consent.at}.`,
    ...(license === null ? {} : { license }),
    ...(dataset.homepage ? { url: dataset.homepage } : {}),
    ...(dataset.citation ? { citeAs: dataset.citation } : {}),
    ...(dataset.languages ? { inLanguage: dataset.languages } : {}),
    version: manifest.tool.version,
    distribution: [
      ...dataOutputs(manifest).map((file) => ({
        '@type': 'cr:FileObject',
        '@id': file.path,
        name: file.path,
        contentUrl: file.path,
        contentSize: `${file.bytes} B`,
        ...(encodingFormat(file.path) ? { encodingFormat: encodingFormat(file.path) } : {}),
        sha256: file.sha256,
      })),
      {
        '@type': 'cr:FileSet',
        '@id': ITEMS_FILES,
        name: ITEMS_FILES,
        description: 'The items shards, in order.',
        encodingFormat: encodingFormat(shards[0]?.path ?? '') ?? 'application/jsonlines',
        includes: shards.map((s) => s.path),
      },
    ],
    recordSet: [
      {
        '@type': 'cr:RecordSet',
        '@id': 'items',
        name: 'items',
        description: 'One record per admitted item (docs/formats.md, "Admitted lines").',
        key: { '@id': 'items/id' },
        field: ITEM_FIELDS.map((f) => ({
          '@type': 'cr:Field',
          '@id': `items/${f.name}`,
          name: f.name,
          description: f.description,
          dataType: f.type,
          source: { fileSet: { '@id': ITEMS_FILES }, extract: { jsonPath: f.path } },
        })),
      },
    ],
    'rai:dataCollection': `${c.input} records from ${manifest.inputs.length} input files were decided against the consent register (log checkpoint of size ${manifest.consent.checkpoint.size}) for the purpose "${manifest.purpose}": ${c.admitted} admitted, ${c.excluded} excluded, ${c.rejected} rejected as malformed.`,
    ...(crawled ? { 'rai:dataCollectionType': ['Web Scraping'] } : {}),
    ...(profile?.collected
      ? { 'rai:dataCollectionTimeframe': [profile.collected.from, profile.collected.to] }
      : {}),
    'rai:personalSensitiveInformation': personalInformation(manifest),
    'rai:dataPreprocessingProtocol': preprocessing(manifest),
    ...(dataset.limitations ? { 'rai:dataLimitations': dataset.limitations } : {}),
    ...(facts.sources?.synthetic_data
      ? { 'rai:hasSyntheticData': facts.sources.synthetic_data.used }
      : {}),
    'prov:wasDerivedFrom': manifest.inputs.map((input, i) => ({
      '@id': `obhut:input/${i}`,
      name: input.path,
      contentSize: `${input.bytes} B`,
      sha256: input.sha256,
    })),
    'obhut:build': {
      'obhut:purpose': manifest.purpose,
      'obhut:consentAt': manifest.consent.at,
      'obhut:consentCheckpoint': {
        'obhut:origin': manifest.consent.checkpoint.origin,
        'obhut:size': manifest.consent.checkpoint.size,
        'obhut:root': manifest.consent.checkpoint.root,
      },
      'obhut:itemsRoot': manifest.items_root,
      'obhut:subjectsRoot': manifest.subjects_root,
      'obhut:subjectsCount': manifest.subjects_count,
      'obhut:policySha256': manifest.policy.sha256,
      'obhut:missing': missing.list().map((m) => `${m.field} (${m.supply})`),
    },
  };
}

export type CroissantMetadata = ReturnType<typeof croissantMetadata>;

function personalInformation(manifest: Manifest): string[] {
  const out = [
    `Items name ${manifest.subjects_count} distinct subjects, each by a keyed pseudonym (_obhut.subject); platform accounts are not in the outputs.`,
    `${manifest.consent.subjects_objected} subjects had objected and ${manifest.consent.subjects_consented} had consented for this purpose when the build read the register; items of objecting subjects were excluded (${manifest.excluded_by_reason.objected}).`,
  ];
  const pii = manifest.pii;
  if (pii) {
    const types = Object.entries(pii.spans_by_type)
      .map(([type, n]) => `${type}: ${n}`)
      .join(', ');
    out.push(
      `Personal data was redacted: ${pii.spans} findings in ${pii.redacted_items} items${types ? ` (${types})` : ''}.`,
    );
  } else {
    out.push('The policy did not redact personal data, so item texts and media may contain it.');
  }
  return out;
}

function preprocessing(manifest: Manifest): string[] {
  const out = Object.entries(manifest.excluded_by_reason)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `Excluded with reason ${reason}: ${n} items.`);
  for (const [code, n] of Object.entries(manifest.rejected_by_code))
    out.push(`Rejected as ${code}: ${n} records.`);
  if (manifest.optout) {
    const signals = Object.entries(manifest.optout.reserved_by_signal)
      .map(([type, n]) => `${type}: ${n}`)
      .join(', ');
    out.push(
      `Web opt-outs evaluated (${manifest.optout.evaluator}) from ${manifest.optout.captures.length} captures${signals ? `; excluded per signal: ${signals}` : ''}.`,
    );
  }
  if (manifest.safety) {
    const s = manifest.safety;
    out.push(
      `Media scanned against ${s.banks.length} hash banks: ${s.files_scanned} files, ${s.items_matched} items excluded as matches, ${s.files_quarantined} files quarantined.`,
    );
  }
  if (out.length === 0) out.push('No item was excluded or rejected.');
  return out;
}
