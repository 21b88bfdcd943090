#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
import { existsSync, mkdirSync, statSync } from 'node:fs';
import module from 'node:module';

// Node 22.1 and later keep compiled code on disk between runs, so a command starts without
// compiling its chunks again (a build loads ~1.2 MB of JavaScript, Kysely and zod included).
// Older Node lacks the API, and then nothing here runs. The cache goes to the user's own cache
// folder, not to Node's default, the shared temporary folder: there another account could make
// the folder first and so supply the compiled code that this CLI runs. NODE_COMPILE_CACHE, when
// set, names the folder; NODE_DISABLE_COMPILE_CACHE=1 turns the cache off (both are Node's).
const cacheFolder = module.enableCompileCache && compileCacheFolder();
if (cacheFolder) {
  try {
    mkdirSync(cacheFolder, { recursive: true, mode: 0o700 });
    const { directory } = module.enableCompileCache(cacheFolder);
    // A worker thread (the heap-limited thread of `build` and `demo`, which loads the most) uses
    // the cache only when NODE_COMPILE_CACHE names it; workers start with this environment.
    if (directory) process.env.NODE_COMPILE_CACHE = directory;
  } catch {
    // No cache (a read-only home, say): the CLI runs the same, compiling as on Node 20.
  }
}

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write(
    'obhut: dist/ is missing; run `npm ci` or `npm run build` in the project folder\n',
  );
  process.exit(3);
}

// `build` and `demo` run in a worker thread of this process with heap limits (see
// dist/cli/heap-limited.js), unless the user chose heap limits of their own for Node.
const command = process.argv[2];
const chosen = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) =>
  /--max-(old|semi)-space-size/.test(a),
);
if ((command === 'build' || command === 'demo') && !chosen) {
  const { runHeapLimited } = await import(
    new URL('../dist/cli/heap-limited.js', import.meta.url).href
  );
  // The thread runs the bundled CLI when the bundle is fresh, like the main thread below.
  const thread = bundled('heap-thread');
  process.exitCode = await runHeapLimited(process.argv.slice(2), thread);
} else {
  const { main } = await import((bundled('main') ?? compiled).href);
  process.exitCode = await main(process.argv.slice(2));
}

/**
 * The bundle (dist/bundle/, scripts/bundle-cli.mjs) loads a few chunks instead of hundreds of
 * modules. An entry of it is used only when it is at least as new as the tsc output it was made
 * from: a `tsc` run alone rewrites dist/cli/main.js and then the fresh tsc output runs, not an
 * old bundle. Undefined when the tsc output is to run.
 */
function bundled(name) {
  const entry = new URL(`../dist/bundle/${name}.js`, import.meta.url);
  const made = statSync(entry, { throwIfNoEntry: false });
  return made && made.mtimeMs >= statSync(compiled).mtimeMs ? entry : undefined;
}

/** NODE_COMPILE_CACHE, or obhut/node-compile-cache in the user's cache folder; undefined if none. */
function compileCacheFolder() {
  const env = process.env;
  if (env.NODE_COMPILE_CACHE) return env.NODE_COMPILE_CACHE;
  const base = env.XDG_CACHE_HOME || env.LOCALAPPDATA || (env.HOME && `${env.HOME}/.cache`);
  return base ? `${base}/obhut/node-compile-cache` : undefined;
}
