// Not the output folder itself: it is loaded only by the commands that build (issue 13, start-up).
import { type PublishState, publishedState, runStopActions } from '../io/stop-actions.js';

/** The signals that stop a command cleanly, and the exit code each stop gives (128 + number). */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof SIGNAL_EXIT;

/**
 * What a stop says. "Nothing was published" only when no publish had begun: a stop that lands
 * after the output was renamed into place must not say so.
 */
export function interruptedMessage(
  signal: StopSignal,
  published?: PublishState,
  forced = false,
): string {
  if (published === 'published') {
    return `obhut: interrupted (${signal}) after the build was published\n`;
  }
  if (published === 'publishing') {
    return `obhut: interrupted (${signal}) while publishing; check whether the output folder is in place\n`;
  }
  return forced
    ? `obhut: stopped (${signal} twice); nothing was published (what the build staged stays hidden beside the output, and the next build to that output removes it)\n`
    : `obhut: interrupted (${signal}); nothing was published\n`;
}

/**
 * Ctrl-C or a stop during a build must not leave a half-written staging folder behind: removes
 * them (and the output locks), says so if `announce`, and ends this thread with the signal's exit
 * code. Nothing the build does after this can publish, since its staging folder is gone.
 */
export function stopNow(signal: StopSignal, announce = false): never {
  runStopActions();
  if (announce) process.stderr.write(interruptedMessage(signal, publishedState()));
  process.exit(SIGNAL_EXIT[signal]);
}
