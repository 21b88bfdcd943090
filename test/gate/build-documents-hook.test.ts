import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addBuildDocuments } from '../../src/gate/build-documents-hook.js';
import { manifestFixture } from '../documents/manifest-fixture.js';

describe('addBuildDocuments', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'obhut-docs-hook-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the documents and lists them among the outputs, sorted, with their digests', async () => {
    const draft = manifestFixture();
    let seen: unknown;
    const manifest = await addBuildDocuments(draft, dir, async (m) => {
      seen = m;
      return [
        { path: 'README.md', text: 'card' },
        { path: 'croissant.json', text: '{}' },
      ];
    });
    // The hook sees the manifest without the documents.
    expect(seen).toBe(draft);
    expect(manifest.outputs.map((o) => o.path)).toEqual([
      'README.md',
      'croissant.json',
      'excluded.jsonl',
      'items-00000.jsonl',
      'items-00001.jsonl',
      'rejected.jsonl',
      'subjects.bin',
    ]);
    const card = manifest.outputs[0]!;
    expect(card).toEqual({
      path: 'README.md',
      bytes: 4,
      sha256: createHash('sha256').update('card').digest('hex'),
    });
    expect((await readFile(path.join(dir, 'README.md'))).toString()).toBe('card');
    expect({ ...manifest, outputs: draft.outputs }).toEqual(draft);
  });

  it.each([
    'manifest.json',
    'build-receipt.json',
    'items-00000.jsonl',
    '../escape.md',
    'sub/dir.md',
  ])('refuses a document named %s', async (name) => {
    await expect(
      addBuildDocuments(manifestFixture(), dir, async () => [{ path: name, text: 'x' }]),
    ).rejects.toThrow(/may not be named/);
    expect(await readdir(dir)).toEqual([]);
  });
});
