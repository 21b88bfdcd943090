import { main } from '../../src/cli/main.js';
import { forgetLoadedSettings } from '../../src/runtime/config.js';
import type { CliResult } from './cli.js';

// Runs the CLI's main() in the test's own process instead of a child (issue 13: a child costs
// ~0.3-0.4 CPU-seconds of start-up, and the CLI-heavy files start dozens one after another).
// What a child would have had to itself is set up and put back around each command: the OBHUT_*
// variables (and the parsed settings, which runtime/config.ts keeps), the working directory,
// process.exitCode and what goes to stdout and stderr. Commands run one at a time (vitest runs a
// file's tests in order, and one file at a time in each of its processes: vitest.config.ts, pool
// 'forks'; a process runs many files one after another, so everything is put back).
// Signals are left alone (main() with `signals: false`), and stdin is not given: the tests of
// stopping, of stdin and of exit codes through a real process use runCli (test/support/cli.ts).

let busy = false;

type Write = typeof process.stdout.write;

/** Collects what is written to `stream` until the returned function is called, which puts it back. */
function capture(stream: NodeJS.WriteStream, chunks: Buffer[]): () => void {
  const original = stream.write;
  stream.write = ((
    chunk: string | Uint8Array,
    encoding?: BufferEncoding | ((err?: Error | null) => void),
    callback?: (err?: Error | null) => void,
  ) => {
    const done = typeof encoding === 'function' ? encoding : callback;
    chunks.push(
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
        : Buffer.from(chunk),
    );
    if (done) process.nextTick(done);
    return true;
  }) as Write;
  return () => {
    stream.write = original;
  };
}

/**
 * Runs the CLI with `args` in this process, as runCli would in a child: with OBHUT_HOME,
 * OBHUT_SECRET and OBHUT_DATABASE_URL unset unless `env` gives them, in `cwd`.
 */
export async function runCliInProcess(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CliResult> {
  if (busy) throw new Error('runCliInProcess: one command at a time');
  busy = true;
  const env: NodeJS.ProcessEnv = {
    OBHUT_HOME: '',
    OBHUT_SECRET: '',
    OBHUT_DATABASE_URL: '',
    ...options.env,
  };
  const savedEnv = Object.keys(env).map((name) => [name, process.env[name]] as const);
  const savedCwd = process.cwd();
  const savedExitCode = process.exitCode;
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const restore: (() => void)[] = [];
  try {
    for (const [name, value] of Object.entries(env)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    forgetLoadedSettings();
    process.chdir(options.cwd);
    process.exitCode = undefined;
    restore.push(capture(process.stdout, out), capture(process.stderr, err));
    const code = await main(args, { signals: false });
    return {
      code,
      stdout: Buffer.concat(out).toString('utf8'),
      stderr: Buffer.concat(err).toString('utf8'),
    };
  } finally {
    for (const undo of restore) undo();
    process.exitCode = savedExitCode;
    process.chdir(savedCwd);
    for (const [name, value] of savedEnv) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    forgetLoadedSettings();
    busy = false;
  }
}
