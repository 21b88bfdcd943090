import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Defined (true) only by the test runner's configuration (vitest.config.ts, `define`); tsc and
 * tsx leave it undeclared.
 */
declare const __OBHUT_WORKERS_FROM_DIST__: boolean | undefined;

/** src/ and dist/ of this project, for the test runner's case below. */
const SOURCES = new URL('../', import.meta.url).href;
const BUILT = new URL('../../dist/', import.meta.url).href;

/**
 * How to start the worker module `name` (without extension) that sits next to `fromUrl`:
 * the compiled JavaScript in a build, or, under tests and `tsx` where `fromUrl` is TypeScript
 * source, a tiny script that registers tsx's loader in the worker first and then imports it.
 */
export function workerScript(
  fromUrl: string,
  name: string,
): { script: string | URL; eval: boolean } {
  if (!fromUrl.endsWith('.ts')) return { script: new URL(`./${name}.js`, fromUrl), eval: false };
  const worker = new URL(`./${name}.ts`, fromUrl).href;
  const built = builtUnderTestRunner(worker);
  if (built) return { script: built, eval: false };
  const tsxApi = pathToFileURL(
    createRequire(fromUrl)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const script = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(worker)}); });`;
  return { script, eval: true };
}

/**
 * Under vitest, a worker of src/ runs its tsc output in dist/ when that is at least as new as
 * the source: the tests' global setup (test/support/global-setup.ts) rebuilds dist/ before any
 * test when a source is newer, as it does for the CLI children, so this is the code under test.
 * A worker that starts through tsx transforms its modules first, ~1.2 CPU-seconds against ~0.5
 * (issue 13: the test suite starts dozens). Outside vitest, a source (tsx, e.g. `npm run bench`)
 * keeps its own worker: dist/ may be older there, and nothing rebuilds it.
 */
function builtUnderTestRunner(worker: string): URL | undefined {
  const underTestRunner =
    typeof __OBHUT_WORKERS_FROM_DIST__ !== 'undefined' && __OBHUT_WORKERS_FROM_DIST__;
  if (!underTestRunner || !worker.startsWith(SOURCES)) return undefined;
  const built = new URL(`${worker.slice(SOURCES.length, -'.ts'.length)}.js`, BUILT);
  const builtAt = statSync(fileURLToPath(built), { throwIfNoEntry: false })?.mtimeMs;
  if (builtAt === undefined || builtAt < statSync(fileURLToPath(worker)).mtimeMs) return undefined;
  return built;
}
