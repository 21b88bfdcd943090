// A migrated, empty SQLite register made once per test process and copied for each workspace,
// instead of running every migration on each new file (issue 13: ~38 ms of CPU and ~250 ms of
// fsyncs a register on this machine, and the suite makes hundreds of them, most in property
// tests). The migrations still run from nothing: for the template, in every process, and for
// every test of the store contract (test/store/sqlite.test.ts), which does not use this.
import { mkdtempSync, rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../src/store/index.js';
import { TEMPLATE_FOLDER_VARIABLE } from './template-folder.js';

// On globalThis, not in a module variable: vitest evaluates this module again for each test file
// of a process (isolate: false keeps the process), and one template per process is enough.
const TEMPLATE = Symbol.for('obhut.test.sqliteTemplate');

function template(): Promise<string> {
  const g = globalThis as { [TEMPLATE]?: Promise<string> };
  g[TEMPLATE] ??= (async () => {
    // The run's folder (template-folder.ts, removed after the run); without it (another
    // runner), a folder of this process's own, removed if it exits normally.
    let dir = process.env[TEMPLATE_FOLDER_VARIABLE];
    if (!dir) {
      const own = mkdtempSync(path.join(tmpdir(), 'obhut-test-template-'));
      process.once('exit', () => rmSync(own, { recursive: true, force: true }));
      dir = own;
    }
    const file = path.join(dir, `register-${process.pid}.db`);
    await (await openSqliteStore(file)).close();
    return file;
  })();
  return g[TEMPLATE];
}

/** Writes a just-migrated, empty register to `file` (which must not exist). */
export async function freshSqliteRegister(file: string): Promise<void> {
  await copyFile(await template(), file);
}
