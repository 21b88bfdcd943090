import { describe, expect, it } from 'vitest';
import { parseProviderFacts } from '../../src/documents/provider-facts.js';

describe('parseProviderFacts', () => {
  it('reads the documented fields', () => {
    const parsed = parseProviderFacts(
      [
        'provider: { name: Acme AI, contact: ai@acme.test, sme: true }',
        'model: { name: acme-7b, placed_on_market: 2026-02-01 }',
        'training_data_size: { text_tokens: 2000000000 }',
        'sources:',
        '  public_datasets: [{ name: wiki, url: "https://wiki.test/" }]',
        '  user_data: { used: false }',
      ].join('\n'),
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        provider: { name: 'Acme AI', contact: 'ai@acme.test', sme: true },
        model: { name: 'acme-7b', placed_on_market: '2026-02-01' },
        training_data_size: { text_tokens: 2e9 },
        sources: {
          public_datasets: [{ name: 'wiki', url: 'https://wiki.test/' }],
          user_data: { used: false },
        },
      },
    });
  });

  it('accepts an empty file', () => {
    expect(parseProviderFacts('')).toEqual({ ok: true, value: {} });
  });

  it('rejects an unknown field by its path, so a typo is not silently dropped', () => {
    const parsed = parseProviderFacts('provider:\n  nmae: Acme\n');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/provider.*nmae/);
  });

  it('rejects a key given twice, with its line', () => {
    const parsed = parseProviderFacts('provider:\n  name: A\n  name: B\n');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/line 3/);
  });

  it('rejects wrong types with the field named', () => {
    const parsed = parseProviderFacts('training_data_size: { text_tokens: -1 }');
    expect(!parsed.ok && parsed.error).toMatch(/training_data_size\.text_tokens/);
  });
});
