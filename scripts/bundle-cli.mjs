#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js, from tsc) into ES module chunks in dist/bundle/,
// split per command, so that a command loads a few files instead of hundreds (`consent status`
// loaded ~600 modules, 262 of them Kysely's; now 5 files, see GROUPS below). Part of
// `npm run build`, after tsc; bin/obhut.js runs the bundle when it is at least as new as
// dist/cli/main.js, and the tsc output otherwise (so `npx tsc -p tsconfig.build.json` alone never
// leaves a stale bundle in charge).
//
// What stays outside the bundle, and why:
// - Packages not listed in BUNDLED: native addons (better-sqlite3, sharp, @duckdb/node-api),
//   CommonJS packages with requires of their own (commander, pg, fastify and its plugins, which
//   read files next to themselves), and the rest, which only commands that are slow anyway load.
// - Worker entry files: a module that starts a worker names it relative to its own
//   `import.meta.url`; the plugin below points that at the module's place in dist/, so the
//   worker runs dist/gate/evaluate-worker.js (tsc output) as before. The same holds for the
//   other `import.meta.url` readers (version.ts reads ../package.json, the server's static
//   roots). All chunks go to one folder, which makes that relative path known at build time.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { loadGroups } from './bundle-groups.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const outdir = path.join(dist, 'bundle');

/** Pure ES module packages that read no files of their own and start many modules each. */
const BUNDLED = new Set(['kysely', 'zod', 'jose', 'canonicalize', 'nodemailer']);

const packageName = (specifier) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];

/**
 * `import.meta.url` of a module in dist/ → the URL it had there, computed from the chunk's; and
 * the load groups' changes to the module's text (`rewrite`, scripts/bundle-groups.mjs).
 */
const keepModuleUrls = (rewrite = (_file, text) => text) => ({
  name: 'keep-module-urls',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      return BUNDLED.has(packageName(args.path)) ? undefined : { external: true };
    });
    b.onLoad({ filter: /\.js$/, namespace: 'file' }, async (args) => {
      if (!args.path.startsWith(dist + path.sep)) return undefined;
      const text = await readFile(args.path, 'utf8');
      const relative = path.relative(outdir, args.path).split(path.sep).join('/');
      return {
        contents: rewrite(args.path, text).replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(relative)}, import.meta.url).href`,
        ),
        loader: 'js',
        resolveDir: path.dirname(args.path),
      };
    });
  },
});

/**
 * Modules loaded together, each group as one chunk (scripts/bundle-groups.mjs): a group is what
 * its roots import statically, less the earlier groups. `cli` is what every command loads (the
 * CLI, commander, the errors); `consent-status` the rest of `obhut consent status` (issue 13: a
 * light command starts within 2× a bare `node`, and each file costs the ES module loader about
 * 1 ms of CPU). Other commands load a group when they import any of its members, and all of a
 * group's modules run when it loads: a module in a group does no heavy work at import.
 */
const GROUPS = [
  { name: 'cli', roots: ['cli/main.js'] },
  {
    name: 'consent-status',
    roots: ['cli/commands/consent.js', 'consent/status.js', 'runtime/read-session.js'],
  },
];

const options = {
  // heap-thread: the CLI inside the heap-limited thread of `build` and `demo` (bin/obhut.js);
  // it shares the chunks of main, so both are one copy of each module within a thread.
  entryPoints: {
    main: path.join(dist, 'cli', 'main.js'),
    'heap-thread': path.join(dist, 'cli', 'heap-thread.js'),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  // Maps back through tsc's maps to src/*.ts (`node --enable-source-maps`).
  sourcemap: 'linked',
  sourcesContent: false,
  plugins: [keepModuleUrls()],
  logLevel: 'warning',
};

await rm(outdir, { recursive: true, force: true });
const groups = await loadGroups(options, dist, GROUPS);
await build({ ...options, plugins: [groups.plugin, keepModuleUrls(groups.rewrite)] });
