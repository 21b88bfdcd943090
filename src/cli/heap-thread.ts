import { workerData } from 'node:worker_threads';
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

// Only the first stop counts (Ctrl-C pressed twice); the port must not keep the thread alive.
data.stop.once('message', (signal: StopSignal) => stopNow(signal));
data.stop.unref();

process.exitCode = await main(data.argv, { signals: false });
