import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aiActMarkdown } from '../../src/documents/ai-act-markdown.js';
import { aiActSummary, sizeRange, topDomains } from '../../src/documents/ai-act-summary.js';
import { ContentProfiler } from '../../src/documents/content-profile.js';
import { MissingFacts } from '../../src/documents/missing-facts.js';
import type { ProviderFacts } from '../../src/documents/provider-facts.js';
import { manifestFixture } from './manifest-fixture.js';

function profileOf(domains: Record<string, number>, kinds: Record<string, number> = {}) {
  const p = new ContentProfiler();
  for (const [host, n] of Object.entries(domains))
    for (let i = 0; i < n; i++)
      p.add({ kind: 'text', text: 'ab', source: { url: `https://${host}/${i}` } });
  for (const [kind, n] of Object.entries(kinds)) for (let i = 0; i < n; i++) p.add({ kind });
  return p.finish();
}

const FULL_FACTS: ProviderFacts = {
  provider: { name: 'Acme AI', contact: 'ai@acme.test', sme: false },
  model: { placed_on_market: '2026-02-01' },
  training_data_size: { text_tokens: 2_000_000_000 },
  sources: {
    public_datasets: [{ name: 'wiki@1', url: 'https://wiki.test/' }],
    licensed_datasets: [],
    other_private_datasets: [],
    crawlers: [],
    user_data: { used: false },
    synthetic_data: { used: true, description: 'paraphrases' },
  },
  processing: { tdm_measures: 'robots.txt honoured', illegal_content_measures: 'hash matching' },
};

describe('aiActSummary', () => {
  const build = { manifest: manifestFixture(), profile: profileOf({ 'a.test': 3, 'b.test': 1 }) };

  it('has every section of the template', () => {
    const s = aiActSummary({ builds: [build], facts: {} });
    expect(Object.keys(s.general_information)).toEqual(
      expect.arrayContaining(['provider', 'model', 'modalities']),
    );
    expect(s.general_information.modalities.map((m) => m.modality)).toEqual([
      'text',
      'image',
      'audio',
      'video',
    ]);
    expect(Object.keys(s.data_sources)).toEqual(
      expect.arrayContaining([
        'public_datasets',
        'private_datasets',
        'crawled_data',
        'user_data',
        'synthetic_data',
        'other_sources',
      ]),
    );
    expect(Object.keys(s.data_sources.crawled_data)).toEqual(
      expect.arrayContaining(['crawlers', 'collection_period', 'top_domains']),
    );
    expect(Object.keys(s.data_processing)).toEqual(['tdm_opt_outs', 'illegal_content', 'other']);
    const md = aiActMarkdown(s);
    for (const heading of [
      '## 1. General information',
      '### 1.3 Modalities and size of training data',
      '## 2. List of data sources',
      '### 2.3 Data crawled and scraped from online sources',
      '### 2.4 User data',
      '### 2.5 Synthetic data',
      '## 3. Data processing aspects',
      '### 3.1 Respect of reservation of rights',
      '### 3.2 Removal of illegal content',
      '## Missing facts',
    ])
      expect(md).toContain(heading);
  });

  it('lists what it does not know as missing, with null values, instead of inventing them', () => {
    const s = aiActSummary({ builds: [build], facts: {} });
    expect(s.general_information.provider.name).toBeNull();
    expect(s.general_information.model.name).toBeNull();
    expect(s.data_sources.user_data.used).toBeNull();
    expect(s.data_sources.crawled_data.used).toBeNull();
    // Text is present but tokens need a tokenizer: no size, no range.
    const text = s.general_information.modalities[0]!;
    expect(text.present).toBe(true);
    expect(text.size).toBeNull();
    const fields = s.missing.map((m) => m.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'general_information.provider.name',
        'general_information.model.name',
        'general_information.model.version',
        'general_information.modalities.text.size',
        'data_sources.public_datasets',
        'data_sources.user_data.used',
        'data_sources.synthetic_data.used',
        'data_sources.crawled_data.used',
        'data_processing.tdm_opt_outs.measures',
      ]),
    );
    const md = aiActMarkdown(s);
    for (const field of fields) expect(md).toContain(field.replace(/_/g, '\\_'));
    expect(md).toContain('- Name: *missing*');
  });

  it('takes facts from the provider and the model label, and then lists them no longer', () => {
    const s = aiActSummary({ builds: [build], facts: FULL_FACTS, model: 'acme-7b@2.1' });
    expect(s.general_information.provider.name).toBe('Acme AI');
    expect(s.general_information.model).toMatchObject({ name: 'acme-7b', version: '2.1' });
    expect(s.general_information.modalities[0]!.size).toEqual({
      value: 2e9,
      unit: 'tokens',
      range: '1 billion to 10 trillion tokens',
      source: 'provider',
    });
    expect(s.data_sources.crawled_data.used).toBe(false);
    expect(s.data_sources.synthetic_data).toEqual({ used: true, description: 'paraphrases' });
    expect(s.missing).toEqual([]);
  });

  it('counts images from the builds, and reports the opt-out and safety stages', () => {
    const manifest = manifestFixture({
      excluded_by_reason: {
        ...manifestFixture().excluded_by_reason,
        tdm_reserved: 5,
        safety_match: 1,
      },
      optout: {
        evaluator: 'optout/1',
        policy: {
          user_agents: ['GPTBot'],
          signals: ['robots', 'tdmrep'],
          missing_robots: 'allow',
          unparseable: 'exclude',
        },
        reserved_by_signal: {
          robots: 4,
          aipref: 0,
          tdmrep: 2,
          noai: 0,
          content_signal: 0,
          record: 0,
        },
        signals: [],
        captures: [
          {
            url: 'https://a.test/robots.txt',
            status: 200,
            sha256: 'f'.repeat(64),
            date: '2025-01-01T00:00:00Z',
          },
        ],
        warc: [
          {
            input: 0,
            records: 9,
            items: 7,
            captures: 1,
            not_200: 1,
            unsupported_content_type: 0,
            invalid: 0,
          },
        ],
      },
      safety: {
        banks: [{ name: 'ncmec', signal_type: 'pdq', version: null, entries: 10, allowed: 0 }],
        hash_policy: 'reference-512',
        dihedral: false,
        min_quality: 50,
        files_scanned: 3,
        images_hashed: 3,
        images_not_hashable: 0,
        excluded_files_scanned: 1,
        items_matched: 1,
        findings: 1,
        files_quarantined: 1,
      },
    } as never);
    const s = aiActSummary({
      builds: [{ manifest, profile: profileOf({}, { image: 3 }) }],
      facts: {},
    });
    expect(s.general_information.modalities[1]!.size).toMatchObject({ value: 3, source: 'builds' });
    expect(s.data_sources.crawled_data).toMatchObject({
      used: true,
      warc_inputs: 1,
      pages_admitted_from_crawls: 7,
    });
    expect(s.missing.map((m) => m.field)).toContain('data_sources.crawled_data.crawlers');
    expect(s.data_processing.tdm_opt_outs).toMatchObject({
      items_excluded_as_reserved: 5,
      reserved_by_signal: { robots: 4, tdmrep: 2 },
      signal_captures: 1,
      user_agents: ['GPTBot'],
    });
    expect(s.data_processing.illegal_content).toMatchObject({
      builds_scanned: 1,
      banks: ['ncmec'],
      files_scanned: 4,
      items_excluded_as_matches: 1,
    });
  });

  it('sums several builds', () => {
    const s = aiActSummary({ builds: [build, build], facts: {} });
    expect(s.general_information.builds).toHaveLength(2);
    expect(s.general_information.modalities[0]!.items_in_builds).toBe(8);
  });
});

describe('sizeRange', () => {
  it('puts a size into the template range it falls in', () => {
    expect(sizeRange('text', 999_999_999)).toBe('Less than 1 billion tokens');
    expect(sizeRange('text', 1e9)).toBe('1 billion to 10 trillion tokens');
    expect(sizeRange('text', 1e13)).toBe('More than 10 trillion tokens');
    expect(sizeRange('image', 1e6)).toBe('1 million to 1 billion images');
    expect(sizeRange('audio', 9_999)).toBe('Less than 10,000 hours');
    expect(sizeRange('video', 2e6)).toBe('More than 1 million hours');
  });
});

describe('topDomains', () => {
  it('lists the top 10 % (5 %, at most 1,000, for SMEs) by items, largest first', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z]{1,6}\.test$/), fc.integer({ min: 1, max: 50 })),
        fc.boolean(),
        (domains, sme) => {
          const top = topDomains(profileOf(domains), sme, new MissingFacts())!;
          const n = Object.keys(domains).length;
          const expected = sme ? Math.min(Math.ceil(n * 0.05), 1000) : Math.ceil(n * 0.1);
          expect(top.domains).toHaveLength(expected);
          const counts = top.domains.map((d) => d.items);
          expect(counts).toEqual([...counts].sort((a, b) => b - a));
          // No domain left out has more items than one listed.
          const least = counts.at(-1) ?? Number.POSITIVE_INFINITY;
          const listed = new Set(top.domains.map((d) => d.domain));
          for (const [d, c] of Object.entries(domains))
            if (!listed.has(d)) expect(c).toBeLessThanOrEqual(least);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('caps the SME list at 1,000 domains', () => {
    const domains = Object.fromEntries(Array.from({ length: 25_000 }, (_, i) => [`d${i}.test`, 1]));
    const p = new ContentProfiler();
    for (const host of Object.keys(domains)) p.add({ source: { url: `https://${host}/` } });
    expect(topDomains(p.finish(), true, new MissingFacts())!.domains).toHaveLength(1000);
  });
});
