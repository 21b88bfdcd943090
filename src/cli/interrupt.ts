import { removeStagingFolders } from '../gate/output-folder.js';

/** The signals that stop a command cleanly, and the exit code each stop gives (128 + number). */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof SIGNAL_EXIT;

export function interruptedMessage(signal: StopSignal): string {
  return `obhut: interrupted (${signal}); nothing was published\n`;
}

/**
 * Ctrl-C or a stop during a build must not leave a half-written staging folder behind: removes
 * them (and the output locks), says so if `announce`, and ends this thread with the signal's exit
 * code. Nothing the build does after this can publish, since its staging folder is gone.
 */
export function stopNow(signal: StopSignal, announce = false): never {
  removeStagingFolders();
  if (announce) process.stderr.write(interruptedMessage(signal));
  process.exit(SIGNAL_EXIT[signal]);
}
