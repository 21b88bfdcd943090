// Preloaded with `node --import` by test/cli/start-up-loads.test.ts: writes to the file named by
// OBHUT_TEST_LOAD_RECORD what the process loads, one entry a line, so that a test can tell what
// a command loaded. ES modules are seen by a load hook (load-record-hooks.mjs); CommonJS modules
// (commander, better-sqlite3, pg …, which the CLI `require`s) are read from the require cache as
// the process exits.
import { appendFileSync } from 'node:fs';
import module, { createRequire } from 'node:module';

const file = process.env.OBHUT_TEST_LOAD_RECORD;
if (file) {
  module.register('./load-record-hooks.mjs', import.meta.url, { data: { file } });
  const cache = createRequire(import.meta.url).cache;
  process.on('exit', () => {
    const lines = Object.keys(cache).map((name) => `require ${name}\n`);
    appendFileSync(file, lines.join(''));
  });
}
