import { workerData } from 'node:worker_threads';
import { onPublish } from '../gate/output-folder.js';
import type { HeapThreadData } from './heap-limited.js';
import { type StopSignal, stopNow } from './interrupt.js';
import { main } from './main.js';

// The CLI inside the heap-limited thread of heap-limited.ts.
const data = workerData as HeapThreadData;

// A thread's stdout and stderr are pipes to the main thread; the progress bar asks whether the
// process's own stream is a terminal.
for (const [stream, tty] of [
  [process.stdout, data.tty.stdout],
  [process.stderr, data.tty.stderr],
] as const) {
  if (tty) Object.assign(stream, { isTTY: true, columns: data.tty.columns ?? 80 });
}

// Shared memory, not a message: the main thread reads it after this thread has exited or been
// terminated, when messages still queued would be lost.
onPublish((state) => Atomics.store(data.published, 0, state === 'published' ? 2 : 1));

// Only the first stop counts (Ctrl-C pressed twice); the port must not keep the thread alive.
data.stop.once('message', (signal: StopSignal) => stopNow(signal));
data.stop.unref();

process.exitCode = await main(data.argv, { signals: false });
