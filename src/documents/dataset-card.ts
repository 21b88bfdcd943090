import { stringify as stringifyYaml } from 'yaml';
import type { Manifest } from '../gate/manifest.js';
import type { ContentProfile } from './content-profile.js';
import { shardOutputs } from './document-files.js';
import { count, md, table } from './markdown.js';
import { MissingFacts } from './missing-facts.js';
import type { ProviderFacts } from './provider-facts.js';

export interface CardInput {
  readonly manifest: Manifest;
  readonly profile: ContentProfile | null;
  readonly facts: ProviderFacts;
}

/** The Hugging Face `size_categories` value for a number of rows. */
export function sizeCategory(rows: number): string {
  const steps: [number, string][] = [
    [1e3, 'n<1K'],
    [1e4, '1K<n<10K'],
    [1e5, '10K<n<100K'],
    [1e6, '100K<n<1M'],
    [1e7, '1M<n<10M'],
    [1e8, '10M<n<100M'],
    [1e9, '100M<n<1B'],
    [1e10, '1B<n<10B'],
    [1e11, '10B<n<100B'],
    [1e12, '100B<n<1T'],
  ];
  for (const [bound, label] of steps) if (rows < bound) return label;
  return 'n>1T';
}

/** The YAML header's fields, as data (the tests parse the written header back into this). */
export function cardHeader({ manifest, facts }: CardInput, missing = new MissingFacts()) {
  const dataset = facts.dataset ?? {};
  const license = missing.take(dataset.license, 'license', 'dataset.license');
  const languages = missing.take(dataset.languages, 'language', 'dataset.languages');
  return {
    ...(dataset.name ? { pretty_name: dataset.name } : {}),
    ...(license === null ? {} : { license }),
    ...(languages === null ? {} : { language: languages }),
    size_categories: [sizeCategory(manifest.counts.admitted)],
    configs: [
      {
        config_name: 'default',
        data_files: [{ split: 'train', path: shardOutputs(manifest).map((s) => s.path) }],
      },
    ],
  };
}

/** README.md for a Hugging Face dataset repository holding the build folder as it is. */
export function datasetCard(input: CardInput): string {
  const { manifest, profile, facts } = input;
  const missing = new MissingFacts();
  const header = cardHeader(input, missing);
  const dataset = facts.dataset ?? {};
  const c = manifest.counts;
  const lines: string[] = [
    '---',
    stringifyYaml(header).trimEnd(),
    '---',
    '',
    `# ${md(dataset.name ?? `Obhut build ${manifest.items_root.slice(0, 16)}`)}`,
    '',
    dataset.description
      ? md(dataset.description)
      : `Items admitted by an Obhut build for the purpose "${md(manifest.purpose)}".`,
    '',
    '## Provenance',
    '',
    `${count(c.input)} records from ${count(manifest.inputs.length)} input files: ${count(c.admitted)} admitted, ${count(c.excluded)} excluded, ${count(c.rejected)} rejected. Every admitted line carries \`_obhut\` provenance (input, line, SHA-256 of the original line). \`manifest.json\` lists each input and output file with its SHA-256; \`items_root\` (${manifest.items_root}) commits to the admitted lines in order.`,
    '',
    table(
      ['input', 'records', 'sha256'],
      manifest.inputs.map((i) => [i.path, count(i.records ?? 0), i.sha256]),
    ),
  ];
  if (profile?.collected)
    lines.push(`Collected from ${md(profile.collected.from)} to ${md(profile.collected.to)}.`, '');
  if (profile && Object.keys(profile.datasets).length > 0)
    lines.push(
      'Datasets named by the items:',
      '',
      table(
        ['dataset', 'items', 'licences'],
        Object.entries(profile.datasets).map(([name, d]) => [
          name,
          count(d.items),
          d.licenses.join(', '),
        ]),
      ),
    );
  lines.push(
    '## Consent',
    '',
    `Each item was checked against the consent register for "${md(manifest.purpose)}" as of ${md(manifest.consent.at)}, read at the transparency log's signed checkpoint of size ${manifest.consent.checkpoint.size} (origin ${md(manifest.consent.checkpoint.origin)}). ${count(manifest.excluded_by_reason.objected)} items were excluded because their subject had objected, ${count(manifest.excluded_by_reason.no_consent)} for want of consent. \`subjects_root\` (${manifest.subjects_root}) commits to the ${count(manifest.subjects_count)} subjects with an admitted item; anyone can ask for a proof that they are not among them (\`obhut build prove-absent\`). \`build-receipt.json\` proves the build is in the log. Policy digest: ${manifest.policy.sha256}.`,
    '',
    '## Personal and sensitive information',
    '',
    `Subjects appear only as keyed pseudonyms (\`_obhut.subject\`). Items were excluded as private (${count(manifest.excluded_by_reason.private)}), of minors (${count(manifest.excluded_by_reason.minor)}) or of unknown age (${count(manifest.excluded_by_reason.age_unknown)}) as the policy says.`,
    '',
    manifest.pii
      ? `Personal data was redacted: ${count(manifest.pii.spans)} findings in ${count(manifest.pii.redacted_items)} items.\n\n${table(
          ['type', 'findings'],
          Object.entries(manifest.pii.spans_by_type).map(([t, n]) => [t, count(n)]),
        )}`
      : 'The policy did not redact personal data: texts and media may contain it.\n',
    manifest.safety
      ? `Media were scanned against ${count(manifest.safety.banks.length)} hash banks: ${count(manifest.safety.items_matched)} items excluded as matches.\n`
      : 'Media were not scanned against hash banks.\n',
    '## Limitations',
    '',
    dataset.limitations ? md(dataset.limitations) : '*missing* (dataset.limitations)',
    '',
    `Consent is as of ${md(manifest.consent.at)}: subjects who object later are not removed from this copy; rebuild to honour them. Rejected records (${count(c.rejected)}) are not in the data; \`rejected.jsonl\` says why.`,
    '',
  );
  if (dataset.limitations === undefined) missing.add('limitations', 'dataset.limitations');
  const gaps = missing.list();
  lines.push(
    '## Missing facts',
    '',
    gaps.length === 0
      ? 'None.\n'
      : table(
          ['field', 'to supply'],
          gaps.map((m) => [m.field, m.supply]),
        ),
  );
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
