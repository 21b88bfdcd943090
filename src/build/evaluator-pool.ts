import { type ResourceLimits, Worker } from 'node:worker_threads';
import { ObhutError } from '../errors/index.js';
import { workerScript } from '../io/worker-script.js';
import {
  type BatchResult,
  createContext,
  type EvaluatorSetup,
  evaluateBatch,
} from './evaluate-batch.js';
import type { LineBatch } from './line-batch.js';

/** Evaluates batches, in this thread or in workers, and hands results back in submit order. */
export interface Evaluator {
  /** Batches submitted but not yet taken with `next()`. */
  readonly pending: number;
  submit(batch: LineBatch): void;
  next(): Promise<BatchResult>;
  close(): Promise<void>;
}

export function createEvaluator(setup: EvaluatorSetup, workers: number): Evaluator {
  return workers > 0 ? new WorkerEvaluator(setup, workers) : new InlineEvaluator(setup);
}

class InlineEvaluator implements Evaluator {
  readonly #ctx;
  readonly #results: BatchResult[] = [];

  constructor(setup: EvaluatorSetup) {
    this.#ctx = createContext(setup);
  }

  get pending(): number {
    return this.#results.length;
  }

  submit(batch: LineBatch): void {
    this.#results.push(evaluateBatch(batch, this.#ctx));
  }

  async next(): Promise<BatchResult> {
    return this.#results.shift()!;
  }

  async close(): Promise<void> {}
}

type Settle = { resolve: (r: BatchResult) => void; reject: (e: Error) => void };

class WorkerEvaluator implements Evaluator {
  readonly #workers: Worker[];
  readonly #waiting = new Map<number, Settle>();
  readonly #done = new Map<number, BatchResult>();
  readonly #order: number[] = [];
  #failure: Error | undefined;
  #turn = 0;

  constructor(setup: EvaluatorSetup, count: number) {
    const entry = workerScript(import.meta.url, 'evaluate-worker');
    this.#workers = Array.from({ length: count }, () => {
      const worker = new Worker(entry.script, {
        workerData: setup,
        eval: entry.eval,
        resourceLimits: WORKER_HEAP_LIMITS,
      });
      worker.on(
        'message',
        (
          message: { ok: true; result: BatchResult } | { ok: false; seq: number; error: string },
        ) => {
          if (message.ok) this.#settle(message.result.seq, message.result);
          else this.#fail(new ObhutError('INTERNAL', `evaluation worker failed: ${message.error}`));
        },
      );
      worker.on('error', (err) =>
        this.#fail(
          new ObhutError('INTERNAL', `evaluation worker crashed: ${err.message}`, { cause: err }),
        ),
      );
      return worker;
    });
  }

  get pending(): number {
    return this.#order.length;
  }

  submit(batch: LineBatch): void {
    this.#order.push(batch.seq);
    const worker = this.#workers[this.#turn++ % this.#workers.length]!;
    const transfer = [batch.data.buffer as ArrayBuffer];
    worker.postMessage(batch, transfer);
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
    await Promise.all(this.#workers.map((w) => w.terminate()));
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

/**
 * V8 grows a heap lazily when memory is plentiful, so two evaluating workers each sat on
 * hundreds of megabytes of garbage. A worker's live data is small (the consent index is
 * shared memory outside its heap; the pseudonym cache is bounded), so its heap is capped.
 */
const WORKER_HEAP_LIMITS: ResourceLimits = {
  maxOldGenerationSizeMb: 96,
  maxYoungGenerationSizeMb: 16,
};
