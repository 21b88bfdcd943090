import { MessageChannel, type MessagePort, type ResourceLimits, Worker } from 'node:worker_threads';
import { workerScript } from '../io/worker-script.js';
import { interruptedMessage, SIGNAL_EXIT, type StopSignal } from './interrupt.js';

/**
 * Heap limits for `build` and `demo`. Builds hold little live data on the JavaScript heap (the
 * consent index and the id set live outside it), but V8 sizes a heap by the machine's memory
 * and kept ~80 MB of garbage on a 10-million-record build; with these limits a 5 GB build stays
 * under 300 MB (BENCHMARKS.md, "Memory at 10 million records"). The young generation is three
 * semi-spaces in V8, so 12 MB is the 4 MB semi-space that `--max-semi-space-size=4` gave.
 */
export const BUILD_HEAP_LIMITS: ResourceLimits = {
  maxOldGenerationSizeMb: 256,
  maxYoungGenerationSizeMb: 12,
};

/** What the thread needs to know about the process it runs in (see heap-thread.ts). */
export interface HeapThreadData {
  readonly argv: readonly string[];
  readonly stop: MessagePort;
  /** 0 until the thread starts publishing a build, 1 while it does, 2 once it has. */
  readonly published: Int32Array;
  readonly tty: { readonly stdout: boolean; readonly stderr: boolean; readonly columns?: number };
}

/**
 * Runs the CLI in a worker thread of this process with BUILD_HEAP_LIMITS and resolves to its
 * exit code. V8's heap limits can only be set when a heap is made: before, they took a second
 * Node process, which cost ~0.2 CPU-s and up to 0.8 s of wall per build (issue 13).
 *
 * Signals reach only the main thread, which passes SIGINT and SIGTERM on; the thread removes its
 * staging folders and locks and stops, and this side says so once the thread is gone (a thread
 * that is stopping cannot be relied on to flush its own stderr). A SIGKILL stops both at once:
 * what the build staged stays hidden beside the output, under a lock naming a dead process,
 * and the next build to that output removes it.
 */
export function runHeapLimited(
  argv: readonly string[],
  /**
   * The thread's module: heap-thread.js next to this one unless given; bin/obhut.js gives the
   * bundled one (dist/bundle/heap-thread.js) when the bundle is fresh, so a build loads a few
   * chunks instead of ~600 modules (issue 13).
   */
  threadModule?: URL,
): Promise<number> {
  const { port1, port2 } = new MessageChannel();
  const entry = threadModule
    ? { script: threadModule, eval: false }
    : workerScript(import.meta.url, 'heap-thread');
  const published = new Int32Array(new SharedArrayBuffer(4));
  const data: HeapThreadData = {
    argv,
    stop: port2,
    published,
    tty: {
      stdout: process.stdout.isTTY === true,
      stderr: process.stderr.isTTY === true,
      ...(process.stderr.columns ? { columns: process.stderr.columns } : {}),
    },
  };
  const worker = new Worker(entry.script, {
    eval: entry.eval,
    workerData: data,
    transferList: [port2],
    resourceLimits: BUILD_HEAP_LIMITS,
  });
  let stopped: StopSignal | undefined;
  let forced = false;
  const publishState = () =>
    (['', 'publishing', 'published'] as const)[Atomics.load(published, 0)] || undefined;
  return new Promise((resolve) => {
    for (const signal of Object.keys(SIGNAL_EXIT) as StopSignal[]) {
      process.on(signal, () => {
        if (stopped === undefined) {
          stopped = signal;
          port1.postMessage(signal);
          return;
        }
        // A second stop: the thread's JavaScript may be stuck in synchronous work and never read
        // the first. Terminating it cannot remove what it staged (that stays hidden beside the
        // output, as after a SIGKILL) but cannot publish it either.
        if (forced) return;
        forced = true;
        void worker.terminate();
      });
    }
    let failure: Error | undefined;
    // An exception that escaped the CLI's own handling, or the heap limit reached.
    worker.on('error', (err) => {
      failure = err;
    });
    worker.on('exit', (code) => {
      port1.close();
      if (stopped !== undefined && (forced || code === SIGNAL_EXIT[stopped])) {
        process.stderr.write(interruptedMessage(stopped, publishState(), forced));
        resolve(SIGNAL_EXIT[stopped]);
        return;
      }
      if (failure !== undefined) {
        const oom = (failure as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        process.stderr.write(
          `obhut: internal error [INTERNAL]: ${oom ? `the build ran out of its ${BUILD_HEAP_LIMITS.maxOldGenerationSizeMb} MB heap (${failure.message})` : (failure.stack ?? failure.message)}\n`,
        );
        resolve(3);
        return;
      }
      resolve(code);
    });
  });
}
