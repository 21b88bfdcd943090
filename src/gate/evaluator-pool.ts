import { type ResourceLimits, Worker } from 'node:worker_threads';
import { ObhutError } from '../errors/index.js';
import {
  type BatchResult,
  createContext,
  type EvaluationLibs,
  type EvaluatorSetup,
  evaluateBatch,
  loadEvaluationLibs,
} from '../evaluation/evaluate-batch.js';
import type { KeptMedia } from '../evaluation/kept-media.js';
import type { LineBatch } from '../evaluation/line-batch.js';
import { unpackOutcomes, type WireOutcomes } from '../evaluation/outcome-wire.js';
import { workerScript } from '../io/worker-script.js';

/** Evaluates batches, in this thread or in workers, and hands results back in submit order. */
export interface Evaluator {
  /** Batches submitted but not yet taken with `next()`. */
  readonly pending: number;
  /** Workers that died (out of memory) and whose batches were evaluated on this thread. */
  readonly retired: number;
  /** Whether `next()` would resolve at once: the oldest pending batch is evaluated. */
  readonly ready: boolean;
  /**
   * Batches the caller may keep pending before it must wait for `next()`: enough to keep every
   * worker fed while this thread evaluates batches of its own.
   */
  readonly window: number;
  submit(batch: LineBatch): void;
  next(): Promise<BatchResult>;
  close(): Promise<void>;
}

/**
 * With `kept`, a build without workers keeps media files' bytes there as it describes them (see
 * KeptMedia); with workers it is not used.
 */
export async function createEvaluator(
  setup: EvaluatorSetup,
  workers: number,
  heapLimits: ResourceLimits = WORKER_HEAP_LIMITS,
  kept?: KeptMedia,
): Promise<Evaluator> {
  const libs = await loadEvaluationLibs(setup);
  return workers > 0
    ? new WorkerEvaluator(setup, libs, workers, heapLimits)
    : new InlineEvaluator(setup, libs, kept);
}

class InlineEvaluator implements Evaluator {
  readonly #ctx;
  readonly #results: BatchResult[] = [];
  readonly retired = 0;

  constructor(setup: EvaluatorSetup, libs: EvaluationLibs, kept?: KeptMedia) {
    this.#ctx = createContext(setup, libs, kept);
  }

  get pending(): number {
    return this.#results.length;
  }

  get ready(): boolean {
    return this.#results.length > 0;
  }

  readonly window = 1;

  submit(batch: LineBatch): void {
    this.#results.push(evaluateBatch(batch, this.#ctx));
  }

  /** Evaluates one batch now, outside the queue. */
  evaluate(batch: LineBatch): BatchResult {
    return evaluateBatch(batch, this.#ctx);
  }

  async next(): Promise<BatchResult> {
    return this.#results.shift()!;
  }

  async close(): Promise<void> {}
}

type Settle = { resolve: (r: BatchResult) => void; reject: (e: Error) => void };

class WorkerEvaluator implements Evaluator {
  readonly #setup: EvaluatorSetup;
  readonly #libs: EvaluationLibs;
  readonly #live: Worker[] = [];
  /** Batches each live worker holds (sent, not answered). */
  readonly #load = new Map<Worker, number>();
  /** Batches sent and not yet answered, with the worker evaluating each. */
  readonly #inFlight = new Map<number, { batch: LineBatch; worker: Worker }>();
  readonly #waiting = new Map<number, Settle>();
  readonly #done = new Map<number, BatchResult>();
  readonly #order: number[] = [];
  #inline: InlineEvaluator | undefined;
  #failure: Error | undefined;
  retired = 0;

  constructor(
    setup: EvaluatorSetup,
    libs: EvaluationLibs,
    count: number,
    heapLimits: ResourceLimits,
  ) {
    this.#setup = setup;
    this.#libs = libs;
    const entry = workerScript(import.meta.url, 'evaluate-worker');
    for (let i = 0; i < count; i++) {
      const worker = new Worker(entry.script, {
        workerData: setup,
        eval: entry.eval,
        resourceLimits: heapLimits,
      });
      worker.on(
        'message',
        (
          message:
            | { ok: true; result: Omit<BatchResult, 'outcomes'>; wire: WireOutcomes }
            | { ok: false; seq: number; error: string },
        ) => {
          if (!message.ok) {
            // An exception inside evaluation is a bug, not a property of the data.
            this.#fail(new ObhutError('INTERNAL', `evaluation worker failed: ${message.error}`));
            return;
          }
          this.#inFlight.delete(message.result.seq);
          this.#load.set(worker, (this.#load.get(worker) ?? 1) - 1);
          this.#settle(message.result.seq, {
            ...message.result,
            outcomes: unpackOutcomes(message.wire),
          });
        },
      );
      worker.on('error', () => this.#retire(worker));
      this.#live.push(worker);
      this.#load.set(worker, 0);
    }
  }

  get pending(): number {
    return this.#order.length;
  }

  get ready(): boolean {
    const seq = this.#order[0];
    return this.#failure !== undefined || (seq !== undefined && this.#done.has(seq));
  }

  get window(): number {
    return (this.#live.length + 1) * QUEUED_PER_WORKER + 2;
  }

  /**
   * Sends the batch to the least busy worker, or, when every worker already has
   * QUEUED_PER_WORKER batches waiting, evaluates it on this thread: then the workers are the
   * bottleneck, and this thread's spare time (it otherwise waits for them) evaluates too.
   */
  submit(batch: LineBatch): void {
    this.#order.push(batch.seq);
    let worker: Worker | undefined;
    for (const candidate of this.#live) {
      if (worker === undefined || this.#load.get(candidate)! < this.#load.get(worker)!)
        worker = candidate;
    }
    if (!worker || this.#load.get(worker)! >= QUEUED_PER_WORKER) {
      this.#evaluateHere(batch);
      return;
    }
    // Shared, not transferred (see LineBatcher): if the worker dies, the batch is still here to
    // evaluate again.
    this.#inFlight.set(batch.seq, { batch, worker });
    this.#load.set(worker, this.#load.get(worker)! + 1);
    worker.postMessage(batch);
  }

  /**
   * A worker that dies (typically a record so large that parsing it exceeds the worker's heap
   * limit) is retired, and the batches it held are evaluated on this thread, whose heap is not
   * capped. The build carries on with the remaining workers.
   */
  #retire(worker: Worker): void {
    const at = this.#live.indexOf(worker);
    if (at === -1) return;
    this.#live.splice(at, 1);
    this.#load.delete(worker);
    this.retired++;
    for (const [seq, job] of [...this.#inFlight]) {
      if (job.worker !== worker) continue;
      this.#inFlight.delete(seq);
      this.#evaluateHere(job.batch);
    }
  }

  #evaluateHere(batch: LineBatch): void {
    this.#inline ??= new InlineEvaluator(this.#setup, this.#libs);
    try {
      this.#settle(batch.seq, this.#inline.evaluate(batch));
    } catch (err) {
      this.#fail(
        new ObhutError('INTERNAL', `evaluation failed: ${(err as Error).message}`, { cause: err }),
      );
    }
  }

  next(): Promise<BatchResult> {
    const seq = this.#order.shift();
    if (seq === undefined) return Promise.reject(new Error('no batch pending'));
    if (this.#failure) return Promise.reject(this.#failure);
    const done = this.#done.get(seq);
    if (done) {
      this.#done.delete(seq);
      return Promise.resolve(done);
    }
    return new Promise((resolve, reject) => this.#waiting.set(seq, { resolve, reject }));
  }

  async close(): Promise<void> {
    await Promise.all(this.#live.map((w) => w.terminate()));
  }

  #settle(seq: number, result: BatchResult): void {
    const waiter = this.#waiting.get(seq);
    if (waiter) {
      this.#waiting.delete(seq);
      waiter.resolve(result);
    } else {
      this.#done.set(seq, result);
    }
  }

  #fail(err: Error): void {
    this.#failure ??= err;
    for (const waiter of this.#waiting.values()) waiter.reject(err);
    this.#waiting.clear();
  }
}

// Batches a worker holds before this thread evaluates the next one itself: one being evaluated
// and one waiting, so a worker never idles between two batches.
const QUEUED_PER_WORKER = 2;

/**
 * V8 grows a heap lazily when memory is plentiful, so two evaluating workers each sat on
 * hundreds of megabytes of garbage. A worker's live data is small (the consent index is
 * shared memory outside its heap; the pseudonym cache is bounded), so its heap is capped.
 */
export const WORKER_HEAP_LIMITS: ResourceLimits = {
  maxOldGenerationSizeMb: 96,
  maxYoungGenerationSizeMb: 16,
};
