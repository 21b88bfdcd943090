import { createHash } from 'node:crypto';
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Manifest } from '../../../src/gate/manifest.js';
import { runCli } from '../../support/cli.js';
import { runCliInProcess } from '../../support/cli-in-process.js';

const ITEMS = [
  {
    id: 'a',
    kind: 'text',
    text: 'one',
    subject: { platform: 'ig', account: '1', age: 'adult' },
    source: {
      url: 'https://www.a.test/1',
      collected_at: '2025-01-02T00:00:00Z',
      dataset: 'posts@1',
      license: 'CC-BY-4.0',
    },
  },
  {
    id: 'b',
    kind: 'text',
    text: 'two',
    subject: { platform: 'ig', account: '2', age: 'adult' },
    source: { url: 'https://b.test/2', collected_at: '2025-02-02T00:00:00Z' },
  },
  { id: 'c', kind: 'text', text: 'three', subject: { platform: 'ig', account: '3', age: 'adult' } },
  { id: 'd', kind: 'text', text: 'four', subject: { platform: 'ig', account: '4', age: 'minor' } },
];

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// Commands run in this process (test/support/cli-in-process.ts, issue 13) but for `init`, one
// refusal (exit code 2) and one usage error, which go through a real `obhut` process.
describe('obhut docs and obhut build --docs', () => {
  let cwd: string;
  const read = async (file: string) => readFile(path.join(cwd, file));
  const manifestOf = async (dir: string): Promise<Manifest> =>
    JSON.parse((await read(`${dir}/manifest.json`)).toString('utf8'));

  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'obhut-cli-docs-'));
    expect((await runCli(['init'], { cwd })).code).toBe(0);
    await writeFile(
      path.join(cwd, 'items.jsonl'),
      `${ITEMS.map((i) => JSON.stringify(i)).join('\n')}\n`,
    );
    await writeFile(
      path.join(cwd, 'provider.yaml'),
      'provider: { name: Acme AI, contact: ai@acme.test, sme: true }\ndataset: { name: Posts, license: cc-by-4.0, languages: [en] }\n',
    );
    const built = await runCliInProcess(
      [
        'build',
        '--input',
        'items.jsonl',
        '--out',
        'ds',
        '--shard-records',
        '2',
        '--docs',
        '--provider',
        'provider.yaml',
      ],
      { cwd },
    );
    expect(built.code, built.stderr).toBe(0);
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('build --docs writes the documents into the build, and the manifest lists them with their digests', async () => {
    const manifest = await manifestOf('ds');
    const listed = manifest.outputs.map((o) => o.path);
    expect(listed).toEqual(
      expect.arrayContaining([
        'README.md',
        'croissant.json',
        'ai-act-summary.md',
        'ai-act-summary.json',
      ]),
    );
    expect(listed).toEqual([...listed].sort());
    for (const entry of manifest.outputs) {
      const bytes = await read(`ds/${entry.path}`);
      expect(sha256(bytes), entry.path).toBe(entry.sha256);
      expect(bytes.length).toBe(entry.bytes);
    }
    // Nothing but the listed outputs, the manifest and the receipt is in the folder.
    expect((await readdir(path.join(cwd, 'ds'))).sort()).toEqual(
      [...listed, 'build-receipt.json', 'manifest.json'].sort(),
    );
  });

  it('croissant: distribution digests equal the manifest, and regenerating gives the same file', async () => {
    const r = await runCliInProcess(
      [
        'docs',
        'croissant',
        '--build',
        'ds',
        '--out',
        'metadata.json',
        '--provider',
        'provider.yaml',
        '--json',
      ],
      { cwd },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ files: ['metadata.json'], missing: [] });
    const metadata = await read('metadata.json');
    expect(metadata.toString()).toBe((await read('ds/croissant.json')).toString());
    const manifest = await manifestOf('ds');
    const doc = JSON.parse(metadata.toString()) as {
      distribution: { '@type': string; contentUrl: string; sha256: string }[];
    };
    const files = doc.distribution.filter((d) => d['@type'] === 'cr:FileObject');
    const data = manifest.outputs.filter((o) => !/\.md$|croissant|ai-act/.test(o.path));
    expect(files.map((f) => [f.contentUrl, f.sha256])).toEqual(data.map((o) => [o.path, o.sha256]));
  });

  it('card: the YAML parses and data_files are the shards', async () => {
    const r = await runCliInProcess(['docs', 'card', '--build', 'ds', '--out', 'card.md'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const card = (await read('card.md')).toString();
    const header = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(card)![1]!) as {
      configs: { data_files: { path: string[] }[] }[];
    };
    const shards = (await readdir(path.join(cwd, 'ds')))
      .filter((f) => /^items-\d+\.jsonl$/.test(f))
      .sort();
    expect(shards).toHaveLength(2);
    expect(header.configs[0]!.data_files[0]!.path).toEqual(shards);
  });

  it('ai-act: writes PREFIX.md and PREFIX.json over several builds, listing what is missing', async () => {
    const r = await runCliInProcess(
      [
        'docs',
        'ai-act',
        '--build',
        'ds',
        '--build',
        'ds',
        '--model',
        'acme@1',
        '--provider',
        'provider.yaml',
        '--out',
        'summary',
        '--json',
      ],
      { cwd },
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { files: string[]; missing: { field: string }[] };
    expect(out.files).toEqual(['summary.md', 'summary.json']);
    const summary = JSON.parse((await read('summary.json')).toString());
    expect(summary.general_information.provider.name).toBe('Acme AI');
    expect(summary.general_information.model).toMatchObject({ name: 'acme', version: '1' });
    expect(summary.general_information.builds).toHaveLength(2);
    expect(summary.general_information.builds[0].manifest_sha256).toBe(
      sha256(await read('ds/manifest.json')),
    );
    expect(summary.data_sources.crawled_data.top_domains.domains).toEqual([
      { domain: 'a.test', items: 2, share: 0.5 },
    ]);
    expect(summary.missing).toEqual(out.missing);
    expect(out.missing.map((m) => m.field)).toContain('general_information.model.placed_on_market');
    expect((await read('summary.md')).toString()).toContain('placed\\_on\\_market');
  });

  it('refuses a bad provider file and a malformed --model, and writes nothing', async () => {
    await writeFile(path.join(cwd, 'bad.yaml'), 'provider: { nmae: x }\n');
    const bad = await runCli(
      ['docs', 'ai-act', '--build', 'ds', '--provider', 'bad.yaml', '--out', 'x'],
      { cwd },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('PROVIDER_FACTS_INVALID');
    const model = await runCli(
      ['docs', 'ai-act', '--build', 'ds', '--model', 'nover', '--out', 'x'],
      { cwd },
    );
    expect(model.code).toBe(1);
    expect((await readdir(cwd)).filter((f) => f.startsWith('x.'))).toEqual([]);
  });

  it('refuses a build whose items file differs from its manifest', async () => {
    const copy = await runCliInProcess(['build', '--input', 'items.jsonl', '--out', 'ds2'], {
      cwd,
    });
    expect(copy.code).toBe(0);
    await appendFile(
      path.join(cwd, 'ds2', 'items-00000.jsonl'),
      '{"id":"z","kind":"text","text":"x"}\n',
    );
    const r = await runCliInProcess(['docs', 'card', '--build', 'ds2', '--out', 'c.md'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('VERIFY_FAILED');
  });
});
