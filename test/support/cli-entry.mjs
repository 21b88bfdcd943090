// The CLI as test/support/cli.ts runs it: the bundle in dist/bundle/ that bin/obhut.js runs (kept
// up to date with src/ by test/support/global-setup.ts), entered at main() as bin/obhut.js enters
// it, but without the launcher's heap-limited thread for `build` and `demo`
// (test/cli/obhut-process.test.ts tests that). Plain JavaScript so that a child starts without a
// TypeScript loader: tsx cost ~0.5 CPU-seconds per process, and the suite starts several hundred;
// the bundle loads a few chunks instead of hundreds of modules, ~0.3 CPU-seconds less again per
// child than the tsc output (issue 13).
import module from 'node:module';

// Node 22.1+ keeps compiled code between runs (as bin/obhut.js does); a no-op on Node 20.
module.enableCompileCache?.();

const { main } = await import(new URL('../../dist/bundle/main.js', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
