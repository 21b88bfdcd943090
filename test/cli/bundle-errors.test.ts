import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

// The CLI's bundle (scripts/bundle-cli.mjs) puts the modules of each load group into one chunk
// and the rest into esbuild's chunks. The CLI maps an error to its code and exit code by its
// class (`instanceof ObhutError`, `NoteError`), which holds only while each module exists once:
// a second copy of errors/obhut-error.js in some chunk would make every error thrown there an
// internal error (exit 3). These run the bundle as bin/obhut.js does (test/support/cli.ts).
const bundle = fileURLToPath(new URL('../../dist/bundle/', import.meta.url));

describe('the CLI bundle', () => {
  it('holds each module of dist/ in one chunk only', async () => {
    const chunksOf = new Map<string, Set<string>>();
    for (const name of await readdir(bundle)) {
      if (!name.endsWith('.js')) continue;
      const text = await readFile(path.join(bundle, name), 'utf8');
      // esbuild names a module in a comment before each part of its code in a chunk
      // (`// dist/errors/obhut-error.js`).
      for (const [, module] of text.matchAll(/^\/\/ (\S+\.js)$/gm)) {
        const chunks = chunksOf.get(module as string) ?? new Set();
        chunksOf.set(module as string, chunks.add(name));
      }
    }
    // The comments were read: the modules that errors are checked against are there.
    expect(chunksOf.get('dist/errors/obhut-error.js')?.size).toBe(1);
    expect(chunksOf.get('dist/log/note.js')?.size).toBe(1);
    expect([...chunksOf].filter(([, chunks]) => chunks.size > 1)).toEqual([]);
  });
});

describe('errors thrown through the bundle keep their codes and exit codes', () => {
  let cwd: string;
  let home: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'obhut-bundle-errors-'));
    home = path.join(cwd, 'home');
    expect((await runCli(['init'], { cwd, env: { OBHUT_HOME: home } })).code).toBe(0);
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  /** Code and exit code of a failed command, and that it was not reported as internal. */
  async function failure(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
    const { code, stderr } = await runCli(args, { cwd, env: { OBHUT_HOME: home, ...env } });
    expect(stderr).not.toContain('INTERNAL');
    return { exit: code, code: /obhut: error \[(\w+)\]/.exec(stderr)?.[1] };
  }

  it('consent status (the consent-status group) without a home: HOME_NOT_INITIALISED, exit 1', async () => {
    const args = ['consent', 'status', '--platform', 'x', '--account', '1'];
    expect(await failure(args, { OBHUT_HOME: path.join(cwd, 'none') })).toEqual({
      exit: 1,
      code: 'HOME_NOT_INITIALISED',
    });
  });

  it('consent status with a malformed log key: CONFIG_INVALID, exit 1', async () => {
    const args = ['consent', 'status', '--platform', 'x', '--account', '1'];
    expect(await failure(args, { OBHUT_LOG_KEY: 'not-a-key' })).toEqual({
      exit: 1,
      code: 'CONFIG_INVALID',
    });
  });

  it('consent import with a rejected line (after the importer, a chunk of its own): exit 2', async () => {
    await writeFile(path.join(cwd, 'bad.jsonl'), 'not json\n');
    expect(await failure(['consent', 'import', 'bad.jsonl'])).toEqual({
      exit: 2,
      code: 'CONSENT_LINES_REJECTED',
    });
  });

  it('hash of a missing file (a command outside the groups): INPUT_UNREADABLE, exit 2', async () => {
    expect(await failure(['hash', 'sha256', path.join(cwd, 'missing.png')])).toEqual({
      exit: 2,
      code: 'INPUT_UNREADABLE',
    });
  });

  it("verify with a malformed key (a NoteError, mapped by log/note-errors' chunk): USAGE, exit 1", async () => {
    await writeFile(path.join(cwd, 'receipt.json'), '{}\n');
    expect(await failure(['verify', 'receipt.json', '--key', 'x+1+AAAA'])).toEqual({
      exit: 1,
      code: 'USAGE',
    });
  });
});
