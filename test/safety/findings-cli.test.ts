import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/runtime/home.js';
import type { Finding } from '../../src/safety/finding.js';
import { findingExportSchema } from '../../src/safety/finding-report.js';
import { runCli } from '../support/cli.js';
import { runCliInProcess } from '../support/cli-in-process.js';

const complete: Finding = {
  id: 'a1'.repeat(16),
  buildId: '0123456789abcdef',
  bank: 'test-bank',
  signalType: 'pdq',
  bankVersion: '3',
  matchedHash: 'a'.repeat(64),
  distance: 6,
  labels: ['benign-test'],
  hashPolicy: 'reference-512',
  provenance: {
    recordId: 'item-1',
    input: 'items.jsonl',
    line: 3,
    sourceUrl: 'https://example.org/p?a=1&b=<2>',
    dataset: 'crawl',
    datasetVersion: '2025-05',
    collectedAt: '2025-05-01T10:00:00Z',
    collector: 'bot',
    license: 'CC-BY-4.0',
    createdAt: '2025-04-30T08:00:00Z',
    visibility: 'public',
    subject: 'b'.repeat(64),
  },
  file: {
    name: 'images/a.png',
    size: 1234,
    sha256: 'c'.repeat(64),
    md5: 'd'.repeat(32),
    pdq: 'e'.repeat(64),
    pdqQuality: 100,
  },
  status: 'open',
  foundAt: '2025-06-01T00:00:00.000Z',
  updatedAt: '2025-06-01T00:00:00.000Z',
};
const sparse: Finding = {
  ...complete,
  id: 'b2'.repeat(16),
  signalType: 'sha256',
  matchedHash: 'c'.repeat(64),
  distance: 0,
  hashPolicy: undefined,
  provenance: { recordId: 'item-2', input: 'items.jsonl', line: 4 },
  foundAt: '2025-06-02T00:00:00.000Z',
};

// Commands run in this process (test/support/cli-in-process.ts, issue 13) but for `init` and
// one usage error, which go through a real `obhut` process.
describe('obhut findings', () => {
  it('lists, exports (JSON and CyberTipline XML, with a completeness check) and marks findings', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'obhut-findings-'));
    const env = { OBHUT_HOME: join(cwd, 'home') };
    expect((await runCli(['init'], { cwd, env })).code).toBe(0);
    const store = await openStore({ home: env.OBHUT_HOME, databaseUrl: undefined });
    await store.recordFinding(complete);
    await store.recordFinding(sparse);
    await store.close();

    const list = await runCliInProcess(['findings', 'list', '--json'], { cwd, env });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((f: Finding) => f.id)).toEqual([complete.id, sparse.id]);
    expect((await runCliInProcess(['findings', 'list'], { cwd, env })).stdout).toContain(
      'test-bank',
    );

    const json = await runCliInProcess(['findings', 'export', '--format', 'json'], { cwd, env });
    expect(json.code).toBe(0);
    const exported = findingExportSchema.parse(JSON.parse(json.stdout));
    const [full, thin] = exported.reports;
    expect(full!.completeness).toEqual({ complete: true, missing: [] });
    expect(full!.fileDetails).toMatchObject({
      fileName: 'a.png',
      locationOfFile: complete.provenance.sourceUrl,
      publiclyAvailable: true,
      uploadedToEspTimestamp: '2025-04-30T08:00:00Z',
    });
    expect(full!.incidentSummary.incidentDateTime).toBe('2025-05-01T10:00:00Z');
    expect(full!.match).toMatchObject({ distance: 6, hash_policy: 'reference-512' });
    expect(thin!.completeness.complete).toBe(false);
    expect(thin!.completeness.missing.map((m) => m.recordField)).toEqual([
      'source.url',
      'source.collected_at',
      'created_at',
      'visibility',
      'source.dataset',
      'source.dataset (name@version)',
      'source.collector',
      'source.license',
    ]);
    expect(thin!.incidentSummary.incidentDateTime).toBe(sparse.foundAt);
    expect(json.stderr).toContain(`finding ${sparse.id}: missing fileDetails.locationOfFile`);
    expect(json.stderr).not.toContain(complete.id);

    const xml = await runCliInProcess(['findings', 'export', '--format', 'cybertipline-xml'], {
      cwd,
      env,
    });
    expect(xml.code).toBe(0);
    expect(xml.stdout).toContain(
      '<locationOfFile>https://example.org/p?a=1&amp;b=&lt;2&gt;</locationOfFile>',
    );
    expect(xml.stdout).toContain(
      `<originalFileHash hashType="MD5">${'d'.repeat(32)}</originalFileHash>`,
    );
    expect(xml.stdout).toContain('<name>PDQ</name>');
    expect(xml.stdout).toContain('<missing field="fileDetails.locationOfFile"');
    expect(xml.stdout.match(/<report>/g)).toHaveLength(2);

    const noId = await runCliInProcess(['findings', 'mark', complete.id, 'reported'], { cwd, env });
    expect(noId.code).toBe(1);
    expect(noId.stderr).toContain('--report-id');
    const marked = await runCliInProcess(
      ['findings', 'mark', complete.id, 'reported', '--report-id', 'CT-1', '--json'],
      { cwd, env },
    );
    expect(marked.code).toBe(0);
    expect(JSON.parse(marked.stdout)).toMatchObject({ status: 'reported', report_id: 'CT-1' });
    expect(
      (await runCliInProcess(['findings', 'mark', sparse.id, 'false_positive'], { cwd, env })).code,
    ).toBe(0);
    expect((await runCli(['findings', 'mark', 'nope', 'escalated'], { cwd, env })).code).toBe(1);
    const reported = await runCliInProcess(['findings', 'list', '--status', 'reported', '--json'], {
      cwd,
      env,
    });
    expect(JSON.parse(reported.stdout).map((f: Finding) => f.id)).toEqual([complete.id]);
  });
});
