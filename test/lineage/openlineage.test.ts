import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOpenLineage } from '../../src/cli/openlineage-file.js';
import {
  type LineageDataset,
  OPENLINEAGE_SCHEMA,
  openLineageRunEvents,
} from '../../src/lineage/index.js';
import { adult, workspace } from '../support/fixtures.js';

describe('OpenLineage run events for a build', () => {
  it('name every input and output file with the digest the manifest has, under one stable run id', async () => {
    const ws = await workspace();
    try {
      const input = await ws.write('items.jsonl', [
        { id: 'a', kind: 'text', text: 'x', subject: adult('1') },
      ]);
      const built = await ws.build([input]);
      const run = {
        manifest: built.manifest,
        buildId: built.buildId,
        manifestSha256: built.manifestSha256,
        outDir: built.out,
        inputDir: ws.dir,
        startedAt: '2026-01-01T00:00:00.000Z',
        endedAt: '2026-01-01T00:00:01.000Z',
      };
      const [start, complete] = openLineageRunEvents(run);
      expect(start).toMatchObject({ eventType: 'START', eventTime: run.startedAt, outputs: [] });
      expect(complete).toMatchObject({
        eventType: 'COMPLETE',
        eventTime: run.endedAt,
        schemaURL: OPENLINEAGE_SCHEMA,
        job: { namespace: 'obhut', name: 'obhut.build' },
      });
      expect(complete!.run.runId).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(start!.run).toEqual(complete!.run);
      expect(complete!.run.facets.obhut_build).toMatchObject({
        build_id: built.buildId,
        manifest_sha256: built.manifestSha256,
      });
      const digests = (datasets: readonly LineageDataset[]) =>
        datasets.map((d) => [d.name, d.facets.obhut_file.sha256]);
      expect(digests(complete!.inputs)).toEqual(
        built.manifest.inputs.map((f) => [path.resolve(ws.dir, f.path), f.sha256]),
      );
      expect(digests(complete!.outputs)).toEqual(
        built.manifest.outputs.map((f) => [path.join(built.out, f.path), f.sha256]),
      );
      expect(openLineageRunEvents(run)).toEqual([start, complete]);

      const file = path.join(ws.dir, 'lineage.jsonl');
      await writeOpenLineage(file, built, run.startedAt);
      const lines = (await readFile(file, 'utf8'))
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.map((e) => e.eventType)).toEqual(['START', 'COMPLETE']);
      await expect(
        writeOpenLineage(path.join(ws.dir, 'missing', 'x.jsonl'), built, run.startedAt),
      ).rejects.toMatchObject({ code: 'OUTPUT_UNWRITABLE' });
    } finally {
      await ws.close();
    }
  });
});
