import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ContentProfile,
  ContentProfiler,
  mergeProfiles,
} from '../../src/documents/content-profile.js';

function profile(records: readonly Record<string, unknown>[]): ContentProfile {
  const p = new ContentProfiler();
  for (const r of records) p.add(r);
  return p.finish();
}

describe('ContentProfiler', () => {
  it('counts kinds, text, domains, period, datasets, licences and legal bases', () => {
    const p = profile([
      {
        kind: 'text',
        text: 'héllo 😀',
        source: {
          url: 'https://www.example.org/a',
          collected_at: '2025-03-01T00:00:00+02:00',
          dataset: 'd@1',
          license: 'CC-BY-4.0',
          legal_basis: 'consent',
        },
      },
      {
        kind: 'image',
        source: { url: 'http://example.org/b', collected_at: '2025-01-01T00:00:00Z' },
      },
      { kind: 'text', text: 'x', source: { url: 'ftp://example.net/c', dataset: 'd@1' } },
      { kind: 'audio' },
    ]);
    expect(p.items).toBe(4);
    expect(p.by_kind).toEqual({ audio: 1, image: 1, text: 2 });
    // 'héllo 😀' is 7 code points (the emoji is one, though two UTF-16 units), 'x' one more.
    expect(p.text_characters).toBe(8);
    expect(p.domains).toEqual({ 'example.org': 2 });
    expect(p.items_without_url).toBe(2);
    expect(p.collected).toEqual({ from: '2025-01-01T00:00:00Z', to: '2025-03-01T00:00:00+02:00' });
    expect(p.items_without_collected_at).toBe(2);
    expect(p.datasets).toEqual({ 'd@1': { items: 2, licenses: ['CC-BY-4.0'] } });
    expect(p.licenses).toEqual({ 'CC-BY-4.0': 1 });
    expect(p.legal_basis).toEqual({ consent: 1 });
  });

  it('profiles of parts merge into the profile of the whole', () => {
    const record = fc.record(
      {
        kind: fc.constantFrom('text', 'image', 'audio'),
        text: fc.string({ maxLength: 8 }),
        source: fc.record(
          {
            url: fc.constantFrom(
              'https://a.test/x',
              'https://b.test/y',
              'https://www.c.test/',
              'bad',
            ),
            collected_at: fc.integer({ min: 0, max: 2e12 }).map((ms) => new Date(ms).toISOString()),
            dataset: fc.constantFrom('p@1', 'q@2'),
            license: fc.constantFrom('MIT', 'CC0-1.0'),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ['kind'] },
    );
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), fc.nat(30), (records, cut) => {
        const at = Math.min(cut, records.length);
        const merged = mergeProfiles([profile(records.slice(0, at)), profile(records.slice(at))]);
        expect(merged).toEqual(profile(records));
      }),
    );
  });
});
