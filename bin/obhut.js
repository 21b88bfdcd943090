#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
import { existsSync, statSync } from 'node:fs';
import module from 'node:module';

// Node 22.1 and later keep compiled code on disk between runs (in the system's temporary folder
// unless NODE_COMPILE_CACHE says otherwise): a command that loads a few hundred modules, such
// as `consent status` with Kysely, then starts without compiling them again. Older Node lacks it.
module.enableCompileCache?.();

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
  // The thread runs the bundle too when it is fresh: the tsc output is hundreds of modules.
  const thread = new URL('../dist/bundle/heap-thread.js', import.meta.url);
  const bundled = entryPoint().pathname.includes('/dist/bundle/') && existsSync(thread);
  process.exitCode = await runHeapLimited(process.argv.slice(2), bundled ? thread : undefined);
} else {
  const { main } = await import(entryPoint().href);
  process.exitCode = await main(process.argv.slice(2));
}

/**
 * The bundle (dist/bundle/, scripts/bundle-cli.mjs) loads a few chunks instead of hundreds of
 * modules. It is used only when it is at least as new as the tsc output it was made from: a
 * `tsc` run alone rewrites dist/cli/main.js and then the fresh tsc output runs, not an old bundle.
 */
function entryPoint() {
  const bundled = new URL('../dist/bundle/main.js', import.meta.url);
  const made = statSync(bundled, { throwIfNoEntry: false });
  return made && made.mtimeMs >= statSync(compiled).mtimeMs ? bundled : compiled;
}
