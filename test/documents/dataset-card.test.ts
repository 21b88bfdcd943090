import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { datasetCard, sizeCategory } from '../../src/documents/dataset-card.js';
import { manifestFixture } from './manifest-fixture.js';

function header(card: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(card);
  expect(match, 'a YAML header between --- lines').not.toBeNull();
  return parseYaml(match![1]!) as Record<string, unknown>;
}

describe('datasetCard', () => {
  it('has a YAML header whose data_files are the shards', () => {
    const manifest = manifestFixture();
    const card = datasetCard({
      manifest,
      profile: null,
      facts: { dataset: { name: 'Posts', license: 'cc-by-4.0', languages: ['de', 'en'] } },
    });
    expect(header(card)).toEqual({
      pretty_name: 'Posts',
      license: 'cc-by-4.0',
      language: ['de', 'en'],
      size_categories: ['n<1K'],
      configs: [
        {
          config_name: 'default',
          data_files: [{ split: 'train', path: ['items-00000.jsonl', 'items-00001.jsonl'] }],
        },
      ],
    });
    for (const section of [
      '## Provenance',
      '## Consent',
      '## Personal and sensitive information',
      '## Limitations',
    ])
      expect(card).toContain(section);
    expect(card).toContain(manifest.subjects_root);
    expect(card).toContain(manifest.policy.sha256);
  });

  it('leaves licence and languages out of the header when unknown, and lists them as missing', () => {
    const card = datasetCard({ manifest: manifestFixture(), profile: null, facts: {} });
    const h = header(card);
    expect(h.license).toBeUndefined();
    expect(h.language).toBeUndefined();
    expect(card).toMatch(/## Missing facts[\s\S]*license[\s\S]*language[\s\S]*limitations/);
  });

  it('keeps record text from adding markup', () => {
    const card = datasetCard({
      manifest: manifestFixture(),
      profile: null,
      facts: { dataset: { description: '# Heading\n<script>x</script>' } },
    });
    expect(card).not.toContain('<script>');
    expect(card).not.toMatch(/^# Heading/m);
  });
});

describe('sizeCategory', () => {
  it('uses the Hub size categories', () => {
    expect(sizeCategory(0)).toBe('n<1K');
    expect(sizeCategory(999)).toBe('n<1K');
    expect(sizeCategory(1000)).toBe('1K<n<10K');
    expect(sizeCategory(2_500_000)).toBe('1M<n<10M');
    expect(sizeCategory(2e12)).toBe('n>1T');
  });
});
