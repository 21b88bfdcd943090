import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { pack } from 'tar-stream';
import { afterEach, describe, expect, it } from 'vitest';
import { splitMember } from '../../src/io/webdataset.js';
import { pdqHashFile } from '../../src/safety/hash-image.js';
import { Matcher } from '../../src/safety/matcher.js';
import { hash256ToHex } from '../../src/safety/pdq/index.js';
import { adult, readJsonl, type Workspace, workspace } from '../support/fixtures.js';

async function shard(file: string, members: [string, Buffer | string][]): Promise<void> {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (c) => chunks.push(c as Buffer));
  const done = new Promise<void>((resolve) => tar.on('end', () => resolve()));
  for (const [name, body] of members) tar.entry({ name }, body);
  tar.finalize();
  await done;
  await writeFile(file, Buffer.concat(chunks));
}

async function png(seed: number): Promise<Buffer> {
  const w = 64;
  const h = 48;
  const px = Buffer.alloc(w * h * 3);
  for (let i = 0; i < px.length; i++) px[i] = (i * (seed + 5) + ((i / 97) | 0) * seed) % 251;
  return sharp(px, { raw: { width: w, height: h, channels: 3 } })
    .png()
    .toBuffer();
}

const record = (id: string, kind = 'image') => ({
  id,
  kind,
  subject: adult(`acct-${id}`),
  source: { url: `https://example.org/${id}`, dataset: 'wds@1' },
});

describe('WebDataset shards as build input', () => {
  let ws: Workspace | undefined;
  afterEach(async () => {
    await ws?.close();
    ws = undefined;
  });

  it('splits member names into key and extension as WebDataset does', () => {
    expect(splitMember('a/b/0001.jpg')).toEqual({ key: 'a/b/0001', ext: 'jpg' });
    expect(splitMember('x.y/0001.seg.png')).toEqual({ key: 'x.y/0001', ext: 'seg.png' });
    expect(splitMember('noext')).toEqual({ key: 'noext', ext: '' });
  });

  it('groups samples by key, scans their media, and reports broken samples by position', async () => {
    ws = await workspace();
    const good = await png(1);
    const flagged = await png(9);
    await writeFile(path.join(ws.dir, 'flagged.png'), flagged);
    const flaggedPdq = await pdqHashFile(path.join(ws.dir, 'flagged.png'));
    await ws.store.importBank(
      { name: 'b', signalType: 'pdq', source: null, listVersion: null, threshold: 31 },
      [{ hash: hash256ToHex(flaggedPdq.hash), labels: [] }],
    );
    const tarFile = path.join(ws.dir, 'shard-000.tar');
    await shard(tarFile, [
      ['s/0001.json', JSON.stringify(record('one'))],
      ['s/0001.png', good],
      ['s/0002.png', flagged],
      ['s/0002.json', JSON.stringify(record('two'), null, 2)],
      ['s/0003.json', JSON.stringify({ ...record('three', 'text'), text: 'hi' })],
      ['s/0004.png', good],
      ['s/0005.json', '{ not json'],
      ['s/0006.json', JSON.stringify(record('six'))],
      ['s/0006.png', good],
      ['s/0006.jpg', good],
    ]);
    const tarBytes = readFileSync(tarFile);
    const result = await ws.build([tarFile], {
      safety: {
        matchers: [await Matcher.load(ws.store, 'b')],
        allowed: [],
        quarantine: { home: path.join(ws.dir, 'home'), key: Buffer.alloc(32, 7) },
      },
    });
    const { manifest } = result;
    expect(manifest.counts).toMatchObject({ input: 6, admitted: 2, excluded: 1, rejected: 3 });
    expect(manifest.inputs).toEqual([
      {
        path: tarFile,
        bytes: tarBytes.length,
        sha256: createHash('sha256').update(tarBytes).digest('hex'),
        records: 6,
      },
    ]);
    const rejected = await readJsonl(path.join(result.out, 'rejected.jsonl'));
    expect(rejected.map((r) => [r.line, r.code])).toEqual([
      [4, 'SAMPLE_INVALID'],
      [5, 'SAMPLE_INVALID'],
      [6, 'SAMPLE_INVALID'],
    ]);
    expect(String(rejected[0]!.error)).toContain('no .json sidecar');
    expect(String(rejected[2]!.error)).toContain('2 media members');
    const admitted = await readJsonl(path.join(result.out, 'items-00000.jsonl'));
    expect(admitted.map((r) => [r.id, (r._obhut as { line: number }).line])).toEqual([
      ['one', 1],
      ['three', 3],
    ]);
    const goodSha = createHash('sha256').update(good).digest('hex');
    expect(await readdir(path.join(result.out, 'media'))).toEqual([`${goodSha}.png`]);
    // Nothing of the unpacked shard is published.
    expect((await readdir(result.out)).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.provenance).toMatchObject({
      recordId: 'two',
      input: tarFile,
      line: 2,
      sourceUrl: 'https://example.org/two',
      dataset: 'wds',
      datasetVersion: '1',
    });
  });

  it('fails clearly on a file that is not a tar', async () => {
    ws = await workspace();
    const bad = path.join(ws.dir, 'bad.tar');
    await writeFile(bad, 'this is not a tar archive at all'.repeat(40));
    await expect(ws.build([bad])).rejects.toMatchObject({ code: 'INPUT_UNREADABLE' });
  });
});
