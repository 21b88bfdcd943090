#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
import { existsSync, statSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

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

// Builds hold little live data on the main thread (the consent index and the id set are
// outside the JavaScript heap), but V8 sizes its heap by the machine's memory and kept
// ~80 MB of garbage on a 10-million-record build. These limits (measured in BENCHMARKS.md)
// keep a 5 GB build under 300 MB. They can only be set when Node starts, so build and demo
// run in a child Node with them, unless the user chose heap limits of their own.
const HEAP_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=256'];
const command = process.argv[2];
const chosen = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) =>
  /--max-(old|semi)-space-size/.test(a),
);
if ((command === 'build' || command === 'demo') && !chosen && !process.env.OBHUT_TUNED_CHILD) {
  // Imported here, not at the top: child_process and os are not loaded by other commands.
  const { spawn } = await import('node:child_process');
  const { constants } = await import('node:os');
  // The IPC channel is how the child learns that this process is gone: it closes when this
  // process dies, even by SIGKILL, and the child then stops as if interrupted (nothing published).
  const child = spawn(
    process.execPath,
    [...HEAP_FLAGS, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, OBHUT_TUNED_CHILD: '1' },
    },
  );
  // A signal sent to this process alone is passed on. Ctrl-C reaches both processes (same
  // process group); the child ignores the second copy while it cleans up.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0));
  });
} else {
  if (process.env.OBHUT_TUNED_CHILD && process.channel) {
    // The channel must not keep this process alive once its work is done.
    process.channel.unref();
    process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  }
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
