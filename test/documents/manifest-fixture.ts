import { MANIFEST_FORMAT, type Manifest } from '../../src/gate/manifest.js';
import { DEFAULT_POLICY } from '../../src/policy/index.js';

const hex = (c: string) => c.repeat(64);

/** A manifest as a build writes it, with changes; the documents read nothing else from a build. */
export function manifestFixture(changes: Partial<Manifest> = {}): Manifest {
  return {
    format: MANIFEST_FORMAT,
    tool: { name: 'obhut', version: '0.0.0-test' },
    purpose: 'ai_training',
    counts: { input: 10, admitted: 6, excluded: 3, rejected: 1, blank_lines: 0 },
    excluded_by_reason: {
      private: 1,
      minor: 0,
      age_unknown: 0,
      objected: 2,
      no_consent: 0,
      tdm_reserved: 0,
      safety_match: 0,
    },
    rejected_by_code: { RECORD_INVALID: 1 },
    inputs: [{ path: 'in/items.jsonl', bytes: 1234, sha256: hex('a'), records: 10 }],
    outputs: [
      { path: 'excluded.jsonl', bytes: 90, sha256: hex('b'), records: 3 },
      { path: 'items-00000.jsonl', bytes: 600, sha256: hex('c'), records: 4 },
      { path: 'items-00001.jsonl', bytes: 300, sha256: hex('d'), records: 2 },
      { path: 'rejected.jsonl', bytes: 80, sha256: hex('e'), records: 1 },
      { path: 'subjects.bin', bytes: 96, sha256: hex('f'), records: 3 },
    ],
    media: { files: 0, bytes: 0 },
    policy: { sha256: hex('1'), effective: DEFAULT_POLICY },
    consent: {
      at: '2026-01-01T00:00:00Z',
      events_considered: 5,
      events_sha256: hex('2'),
      subjects_objected: 2,
      subjects_consented: 1,
      checkpoint: { origin: 'obhut.test/log', size: 7, root: 'cm9vdA==', note: 'note' },
    },
    items_root: hex('3'),
    subjects_root: hex('4'),
    subjects_count: 3,
    ...changes,
  };
}
