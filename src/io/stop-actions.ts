/**
 * What a stop by a signal must undo in this thread, registered by the modules that make it.
 *
 * `cli/interrupt.ts` runs in every command, but only a build stages output folders and takes
 * locks. It used to import the output folder (and with it the lock files, `node:crypto` and
 * `node:os`) to clean up after a stop, so `--version` loaded them too (issue 13, start-up).
 * Now the modules that hold something register how to undo it when they are loaded, and a stop
 * runs what was registered: nothing, when no such module was loaded.
 */

/** Order of the undoing: a staging folder is removed before the lock that guards it is freed. */
export const STOP_ORDER = { staging: 0, locks: 1 } as const;

/** How far this thread got with publishing a build, for a stop's message. */
export type PublishState = 'publishing' | 'published';

const actions: { order: number; run: () => void }[] = [];
let published: PublishState | undefined;

/** Runs `run` when this thread is stopped by a signal, after the actions of a lower `order`. */
export function whenStopped(order: number, run: () => void): void {
  actions.push({ order, run });
  actions.sort((a, b) => a.order - b.order);
}

/** Runs every registered action, in order; each is synchronous, since the process exits next. */
export function runStopActions(): void {
  for (const action of actions) action.run();
}

/** Recorded by the output folder as a build is published. */
export function notePublishState(state: PublishState): void {
  published = state;
}

export function publishedState(): PublishState | undefined {
  return published;
}
