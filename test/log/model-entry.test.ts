import { describe, expect, it } from 'vitest';
import { decodeEntry, describeEntry, encodeEntry, type ModelEntry } from '../../src/log/entry.js';

const entry: ModelEntry = {
  type: 'model',
  version: 1,
  name: 'acme/chat',
  model_version: '1.0',
  builds: [
    { build_id: '0123456789abcdef', manifest_sha256: 'a'.repeat(64) },
    { build_id: '1123456789abcdef', manifest_sha256: 'b'.repeat(64) },
  ],
  at: '2026-03-01T00:00:00.000Z',
};

describe('model log entries', () => {
  it('round-trip and read as one sentence', () => {
    expect(decodeEntry(encodeEntry(entry))).toEqual({ ok: true, entry });
    expect(describeEntry(entry)).toBe(
      'Model acme/chat@1.0 was registered at 2026-03-01T00:00:00.000Z as trained on dataset builds 0123456789abcdef, 1123456789abcdef.',
    );
  });

  it('reject builds out of order or repeated, unbounded names and extra fields', () => {
    const [a, b] = entry.builds;
    for (const bad of [
      { ...entry, builds: [b!, a!] },
      { ...entry, builds: [a!, a!] },
      { ...entry, builds: [] },
      { ...entry, name: 'a'.repeat(129) },
      { ...entry, name: 'ada@example.org' },
      { ...entry, model_version: 'v 1' },
      { ...entry, builds: [{ ...a!, manifest_sha256: 'xyz' }] },
      { ...entry, trained_by: 'ada' },
    ]) {
      expect(() => encodeEntry(bad as ModelEntry), JSON.stringify(bad).slice(0, 80)).toThrow();
    }
  });
});
