import { describe, expect, it } from 'vitest';
import { ContentProfiler } from '../../src/documents/content-profile.js';
import { croissantMetadata } from '../../src/documents/croissant.js';
import { CROISSANT_CONTEXT } from '../../src/documents/croissant-context.js';
import { manifestFixture } from './manifest-fixture.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const KEYWORDS = new Set(['@context', '@type', '@id', '@value', '@language', '@list']);
const context = CROISSANT_CONTEXT as Record<string, unknown>;
const prefixes = Object.entries(context)
  .filter(([, v]) => typeof v === 'string' && /[/#:]$/.test(v))
  .map(([k]) => k);

/**
 * Whether a term expands to an IRI under the shipped context alone: a defined term, a compact
 * IRI with a defined prefix, or (through @vocab) a plain schema.org name. No network is used.
 */
function resolves(term: string): boolean {
  if (KEYWORDS.has(term) || term in context) return true;
  const colon = term.indexOf(':');
  if (colon > 0) return prefixes.includes(term.slice(0, colon));
  return /^[a-z][A-Za-z0-9]*$/.test(term) && typeof context['@vocab'] === 'string';
}

/** Every key, and every @type and `dataType` value, of a JSON-LD node tree that fails to resolve. */
function unresolved(node: Json, path = '$'): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => unresolved(n, `${path}[${i}]`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => {
    if (key === '@context') return [];
    const own = resolves(key) ? [] : [`${path}.${key}`];
    const typed =
      (key === '@type' || key === 'dataType') && typeof value === 'string' && !resolves(value)
        ? [`${path}.${key}=${value}`]
        : [];
    return [...own, ...typed, ...unresolved(value, `${path}.${key}`)];
  });
}

function profile() {
  const p = new ContentProfiler();
  p.add({ kind: 'text', text: 'a', source: { collected_at: '2025-01-01T00:00:00Z' } });
  return p.finish();
}

describe('croissantMetadata', () => {
  const manifest = manifestFixture({
    pii: { redacted_items: 2, spans: 3, spans_by_type: { EMAIL: 2, PHONE: 1 } },
  });
  const meta = croissantMetadata({ manifest, profile: profile(), facts: {} }) as unknown as Record<
    string,
    Json
  >;

  it('is JSON-LD whose every term resolves under the context it carries', () => {
    const roundTripped = JSON.parse(JSON.stringify(meta)) as Json;
    expect(unresolved(roundTripped)).toEqual([]);
    expect(meta['@context']).toEqual(CROISSANT_CONTEXT);
  });

  it('has the fields Croissant requires of a dataset', () => {
    expect(meta['@type']).toBe('sc:Dataset');
    expect(meta.conformsTo).toBe('http://mlcommons.org/croissant/1.1');
    for (const field of ['name', 'description', 'distribution', 'recordSet'])
      expect(meta[field], field).toBeTruthy();
  });

  it('lists every data output with the digest the manifest has, and no document', () => {
    const objects = (meta.distribution as { [k: string]: Json }[]).filter(
      (d) => d['@type'] === 'cr:FileObject',
    );
    expect(objects.map((o) => [o.contentUrl, o.sha256])).toEqual(
      manifest.outputs.map((o) => [o.path, o.sha256]),
    );
    const withDocs = croissantMetadata({
      manifest: manifestFixture({
        outputs: [...manifest.outputs, { path: 'README.md', bytes: 1, sha256: '0'.repeat(64) }],
      }),
      profile: null,
      facts: {},
    });
    expect(withDocs.distribution.map((d) => d.name)).not.toContain('README.md');
  });

  it('points every field at a file set in the distribution', () => {
    const ids = new Set((meta.distribution as { '@id': string }[]).map((d) => d['@id']));
    const fileSet = (meta.distribution as { [k: string]: Json }[]).find(
      (d) => d['@type'] === 'cr:FileSet',
    )!;
    expect(fileSet.includes).toEqual(['items-00000.jsonl', 'items-00001.jsonl']);
    const fields = (meta.recordSet as { field: { source: { fileSet: { '@id': string } } }[] }[])[0]!
      .field;
    for (const f of fields) expect(ids.has(f.source.fileSet['@id'])).toBe(true);
  });

  it('fills the RAI fields from the manifest and names the consent checkpoint and roots', () => {
    expect(meta['rai:personalSensitiveInformation']).toEqual(
      expect.arrayContaining([
        expect.stringContaining('3 findings in 2 items (EMAIL: 2, PHONE: 1)'),
      ]),
    );
    expect(meta['rai:dataPreprocessingProtocol']).toEqual([
      'Excluded with reason private: 1 items.',
      'Excluded with reason objected: 2 items.',
      'Rejected as RECORD_INVALID: 1 records.',
    ]);
    expect(meta['rai:dataCollectionTimeframe']).toEqual([
      '2025-01-01T00:00:00Z',
      '2025-01-01T00:00:00Z',
    ]);
    expect(meta['prov:wasDerivedFrom']).toEqual([
      expect.objectContaining({ name: 'in/items.jsonl', sha256: manifest.inputs[0]!.sha256 }),
    ]);
    expect(meta['obhut:build']).toMatchObject({
      'obhut:consentCheckpoint': { 'obhut:size': 7, 'obhut:root': 'cm9vdA==' },
      'obhut:itemsRoot': manifest.items_root,
      'obhut:subjectsRoot': manifest.subjects_root,
      'obhut:policySha256': manifest.policy.sha256,
      'obhut:missing': ['license (dataset.license)'],
    });
    expect(meta.license).toBeUndefined();
  });
});
