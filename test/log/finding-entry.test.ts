import { describe, expect, it } from 'vitest';
import { decodeEntry, describeEntry, encodeEntry } from '../../src/log/entry.js';
import { findingId, findingLogEntry, splitDataset } from '../../src/safety/finding.js';

describe('finding log entries', () => {
  it('round-trip, hold only hashes and ids, and reject other fields', () => {
    const entry = {
      type: 'finding' as const,
      version: 1 as const,
      finding_id: findingId('0123456789abcdef', 'bank', 'c'.repeat(64), 'item-1'),
      bank: 'bank',
      matched_hash: 'd'.repeat(32),
      file_sha256: 'c'.repeat(64),
      build_id: '0123456789abcdef',
    };
    const decoded = decodeEntry(encodeEntry(entry));
    expect(decoded).toEqual({ ok: true, entry });
    expect(describeEntry(entry)).toContain('matched hash bank bank');
    expect(() => encodeEntry({ ...entry, source_url: 'https://x' } as never)).toThrow();
    expect(() => encodeEntry({ ...entry, matched_hash: 'xyz' })).toThrow();
  });

  it('splits dataset@version and derives stable ids', () => {
    expect(splitDataset('crawl@2025-05')).toEqual({ dataset: 'crawl', datasetVersion: '2025-05' });
    expect(splitDataset('crawl')).toEqual({ dataset: 'crawl' });
    expect(splitDataset(undefined)).toEqual({});
    expect(findingId('b', 'k', 'c'.repeat(64), 'r')).toBe(findingId('b', 'k', 'c'.repeat(64), 'r'));
    expect(findingLogEntry).toBeTypeOf('function');
  });
});
