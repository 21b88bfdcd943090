import type * as Commander from 'commander';
import { EXIT, ObhutError } from '../errors/index.js';
import { TOOL_VERSION } from '../version.js';
import { COMMANDS, commandNamed } from './command-table.js';
import { commander } from './commander.js';
import { SIGNAL_EXIT, type StopSignal, stopNow } from './interrupt.js';
import { terminalText } from './terminal-text.js';

/**
 * The program for one argument list. Only the command it runs is loaded (see command-table.ts);
 * the others are listed for `--help` by their table entries.
 */
export async function createProgram(argv: readonly string[] = []): Promise<Commander.Command> {
  const { Command } = commander();
  const program = new Command()
    .name('obhut')
    .description(
      'Custody for training and review data: consent- and policy-checked dataset builds with provenance.',
    )
    .version(TOOL_VERSION)
    .exitOverride()
    // Usage errors look like every other error: one line with its code. Set before the
    // subcommands are added, which copy it.
    .configureOutput({
      outputError: (message, write) =>
        write(`obhut: error [USAGE]: ${message.replace(/^error: /, '')}`),
    })
    .showHelpAfterError('(run with --help for usage)');
  const terms = new Map(COMMANDS.map((c) => [c.name, c.term]));
  program.configureHelp({
    subcommandTerm: (cmd) => terms.get(cmd.name()) ?? cmd.name(),
  });
  const running = commandNamed(argv);
  for (const entry of COMMANDS) {
    if (entry === running) (await entry.register())(program);
    else program.command(entry.name).description(entry.description);
  }
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the CLI and returns the exit code: 0 ok, 1 usage, 2 data, 3 internal, 130/143 stopped. */
export async function main(
  argv: readonly string[],
  options: { signals?: boolean } = {},
): Promise<number> {
  // Ctrl-C or a stop during a build must not leave a half-written staging folder behind. A
  // worker thread gets no signals: heap-thread.ts is told of them by the main thread.
  if (options.signals ?? true) {
    for (const signal of Object.keys(SIGNAL_EXIT) as StopSignal[]) {
      process.once(signal, () => stopNow(signal, true));
    }
  }
  try {
    await (await createProgram(argv)).parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    return await reportError(err);
  }
}

async function reportError(err: unknown): Promise<number> {
  if (err instanceof commander().CommanderError) {
    // Help and version requests arrive here as "errors" with exit code 0.
    return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  // A --strict build's failure carries a sample of what was rejected (gate/run-build.ts); checked
  // by shape so that reporting an error does not load the gate.
  if (err instanceof ObhutError && 'rejectedSample' in err && Array.isArray(err.rejectedSample)) {
    for (const r of err.rejectedSample as {
      input: string;
      line?: number;
      row?: number;
      code: string;
      error: string;
    }[]) {
      const place = r.row === undefined ? `${r.input}:${r.line}` : `${r.input} row ${r.row}`;
      process.stderr.write(`${terminalText(`rejected ${place}: [${r.code}] ${r.error}`)}\n`);
    }
  }
  // A verifier's NoteError gets its catalogue code. Loaded here, on the way out, so that commands
  // that succeed do not load the log's note format at start (issue 13, start-up).
  if (!(err instanceof ObhutError)) {
    err = (await import('../log/note-errors.js')).fromNoteError(err);
  }
  if (err instanceof ObhutError) {
    process.stderr.write(`obhut: error [${err.code}]: ${err.message}\n`);
    return err.exitCode;
  }
  process.stderr.write(
    `obhut: internal error [INTERNAL]: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  return EXIT.internal;
}
