import { Command, CommanderError } from 'commander';
import { EXIT, ObhutError } from '../errors/index.js';
import { removeStagingFolders } from '../gate/output-folder.js';
import { StrictBuildFailure } from '../gate/run-build.js';
import { isSubjectsProof, verifySubjectsProof } from '../gate/subjects-proof.js';
import { fromNoteError } from '../log/index.js';
import { TOOL_VERSION } from '../version.js';
import { registerBank } from './commands/bank.js';
import { registerBuild } from './commands/build.js';
import { registerCanary } from './commands/canary.js';
import { registerConsent } from './commands/consent.js';
import { registerDemo } from './commands/demo.js';
import { registerFindings } from './commands/findings.js';
import { registerHash } from './commands/hash.js';
import { registerInit } from './commands/init.js';
import { registerLog } from './commands/log.js';
import { registerMatch } from './commands/match.js';
import { registerPii } from './commands/pii.js';
import { registerRetention } from './commands/retention.js';
import { registerReview } from './commands/review.js';
import { registerServe } from './commands/serve.js';
import { registerStaff } from './commands/staff.js';
import { registerToken } from './commands/token.js';
import { registerVerify } from './commands/verify.js';

export function createProgram(): Command {
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
  registerInit(program);
  registerConsent(program);
  registerBuild(program);
  registerLog(program);
  // A build's subjects proof is the one other document `obhut verify` knows besides receipts.
  registerVerify(program, [{ matches: isSubjectsProof, verify: verifySubjectsProof }]);
  registerServe(program);
  registerToken(program);
  registerCanary(program);
  registerDemo(program);
  registerPii(program);
  registerHash(program);
  registerBank(program);
  registerMatch(program);
  registerFindings(program);
  registerStaff(program);
  registerReview(program);
  registerRetention(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the CLI and returns the exit code: 0 ok, 1 usage, 2 data, 3 internal. */
export async function main(argv: readonly string[]): Promise<number> {
  // Ctrl-C or a stop during a build must not leave a half-written staging folder behind.
  // A listener stays installed after the first signal, so a second (Ctrl-C reaches both
  // bin/obhut.js and its child, which passes it on too) cannot kill the process mid-cleanup.
  let stopping = false;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      removeStagingFolders();
      process.stderr.write(`obhut: interrupted (${signal}); nothing was published\n`);
      process.exit(code);
    });
  }
  try {
    await createProgram().parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    return reportError(err);
  }
}

function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    // Help and version requests arrive here as "errors" with exit code 0.
    return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (err instanceof StrictBuildFailure) {
    for (const r of err.rejectedSample)
      process.stderr.write(`rejected ${r.input}:${r.line}: [${r.code}] ${r.error}\n`);
  }
  err = fromNoteError(err);
  if (err instanceof ObhutError) {
    process.stderr.write(`obhut: error [${err.code}]: ${err.message}\n`);
    return err.exitCode;
  }
  process.stderr.write(
    `obhut: internal error [INTERNAL]: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  return EXIT.internal;
}
