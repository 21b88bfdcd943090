import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 13: the light commands start within 2× a bare `node`, which they do only while they load
// none of the heavy parts. Each command runs as users run it (bin/obhut.js, on the bundle that
// test/support/global-setup.ts keeps fresh) with test/support/load-record.mjs preloaded, which
// lists every ES module file, every module esbuild put into a loaded chunk, and every CommonJS
// module; a new eager import of any of these fails here rather than only in a benchmark.
const bin = fileURLToPath(new URL('../../bin/obhut.js', import.meta.url));
const recorder = fileURLToPath(new URL('../support/load-record.mjs', import.meta.url));

/** Packages that no light command may load: images, the server, PostgreSQL, Kysely, zod … */
const HEAVY_PACKAGES = [
  'sharp',
  'fastify',
  '@fastify/',
  'pg',
  'kysely',
  'zod',
  'yaml',
  'nodemailer',
  '@duckdb/node-api',
  'fzstd',
];
/** Obhut's own heavy parts: the PII tables and tagger, the server, the gate, PDQ. */
const HEAVY_MODULES = ['dist/pii/', 'dist/server/', 'dist/gate/', 'dist/safety/pdq/'];

interface Loaded {
  readonly code: number | null;
  readonly stdout: string;
  /** Names of the packages loaded (`commander`, `@fastify/static`). */
  readonly packages: Set<string>;
  /** Obhut's modules loaded, as paths from the project's root (`dist/cli/main.js`). */
  readonly modules: Set<string>;
  /** How many files of the bundle (dist/bundle/) were loaded. */
  readonly bundleFiles: number;
}

async function loadsOf(args: readonly string[], cwd: string): Promise<Loaded> {
  const record = path.join(cwd, `loads-${args.join('-')}.txt`);
  await writeFile(record, '');
  const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, ['--import', recorder, bin, ...args], {
        cwd,
        env: {
          ...process.env,
          OBHUT_HOME: '',
          OBHUT_SECRET: '',
          OBHUT_DATABASE_URL: '',
          OBHUT_TEST_LOAD_RECORD: record,
        },
      });
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.on('error', reject);
      child.on('close', (c) => resolve({ code: c, stdout: out }));
    },
  );
  const packages = new Set<string>();
  const modules = new Set<string>();
  let bundleFiles = 0;
  for (const line of (await readFile(record, 'utf8')).split('\n')) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(line)?.[1];
    if (pkg !== undefined) packages.add(pkg);
    // A chunk names its modules from the project's root; the tsc output, when it runs instead of
    // a stale bundle, is loaded file by file.
    const own =
      /^bundled (dist\/\S+)$/.exec(line)?.[1] ?? /\/(dist\/(?!bundle\/)\S+)$/.exec(line)?.[1];
    if (own !== undefined) modules.add(own);
    if (/^import file:.*\/dist\/bundle\//.test(line)) bundleFiles += 1;
  }
  return { code, stdout, packages, modules, bundleFiles };
}

function heavyParts(loaded: Loaded): string[] {
  return [
    ...[...loaded.packages].filter((p) =>
      HEAVY_PACKAGES.some((h) => (h.endsWith('/') ? p.startsWith(h) : p === h)),
    ),
    ...[...loaded.modules].filter((m) => HEAVY_MODULES.some((h) => m.startsWith(h))),
  ];
}

describe('what the light commands load', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'obhut-loads-'));
    expect((await loadsOf(['init'], cwd)).code).toBe(0);
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it.each([['--version'], ['--help']])('%s: commander and the CLI, no command', async (flag) => {
    const loaded = await loadsOf([flag], cwd);
    expect(loaded.code).toBe(0);
    // The record saw the CLI itself, so an empty record cannot pass.
    expect(loaded.modules).toContain('dist/cli/main.js');
    expect([...loaded.packages]).toEqual(['commander']);
    expect(heavyParts(loaded)).toEqual([]);
    // Few files: the ES module loader costs ~1 ms of CPU per file. The CLI's modules are one load
    // group (scripts/bundle-cli.mjs): its chunk, the entry, esbuild's helpers; 9 before the groups.
    expect(loaded.bundleFiles).toBeLessThanOrEqual(4);
    // Nothing for builds either: a stop's clean-up is registered by what builds (io/stop-actions).
    expect([...loaded.modules].filter((m) => /^dist\/(store|consent|safety|io)\//.test(m))).toEqual(
      ['dist/io/stop-actions.js'],
    );
  });

  it('consent status: the SQLite register through better-sqlite3, none of the heavy parts', async () => {
    const loaded = await loadsOf(['consent', 'status', '--platform', 'x', '--account', '1'], cwd);
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toContain('ai_training');
    expect(loaded.modules).toContain('dist/consent/status.js');
    // The CLI's group and the consent-status group, the entry, esbuild's helpers and the chunk of
    // the `consent` command's dynamic import: 5 files; 27 before the load groups.
    expect(loaded.bundleFiles).toBeLessThanOrEqual(6);
    // CommonJS modules are in the record too: the register is read through better-sqlite3.
    expect(loaded.packages).toContain('better-sqlite3');
    expect(heavyParts(loaded)).toEqual([]);
    expect([...loaded.modules].filter((m) => m.startsWith('dist/safety/'))).toEqual([
      'dist/safety/quarantine-key.js',
    ]);
  });

  it('hash and verify load no SQLite, though they share modules with consent status', async () => {
    // The bundle loads the consent-status group whole when a command uses any of its modules
    // (scripts/bundle-cli.mjs), so the store opens better-sqlite3 on first use, not at import.
    for (const args of [
      ['hash', '--help'],
      ['verify', '--help'],
    ]) {
      const loaded = await loadsOf(args, cwd);
      expect(loaded.code).toBe(0);
      expect(loaded.modules).toContain('dist/runtime/config.js');
      expect([...loaded.packages]).not.toContain('better-sqlite3');
    }
  });

  it('a text build: no images, PDQ, zstd or bank index', async () => {
    const line = { id: 'a', kind: 'text', text: 'hello', subject: { platform: 'x', account: '1' } };
    await writeFile(path.join(cwd, 'one.jsonl'), `${JSON.stringify(line)}\n`);
    const loaded = await loadsOf(['build', '--input', 'one.jsonl', '--out', 'out'], cwd);
    expect(loaded.code).toBe(0);
    // Both threads are in the record: the build ran in the heap-limited thread.
    expect(loaded.modules).toContain('dist/gate/run-build.js');
    expect([...loaded.packages].filter((p) => p === 'sharp' || p === 'fzstd')).toEqual([]);
    expect(
      [...loaded.modules].filter((m) =>
        /^dist\/safety\/(pdq\/|matcher|mih|bank-index-file)/.test(m),
      ),
    ).toEqual([]);
  });
});
