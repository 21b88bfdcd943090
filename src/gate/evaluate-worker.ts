import { parentPort, workerData } from 'node:worker_threads';
import {
  createContext,
  type EvaluatorSetup,
  evaluateBatch,
  loadEvaluationLibs,
} from '../evaluation/evaluate-batch.js';
import type { LineBatch } from '../evaluation/line-batch.js';
import { packOutcomes, wireBuffers } from '../evaluation/outcome-wire.js';

// Entry point of an evaluation worker: it receives batches of lines and answers with their
// outcomes. Outcomes carry no state the main thread needs back except what they say.
// Batches posted meanwhile wait in the port: it starts delivering when the listener is added.
const setup = workerData as EvaluatorSetup;
const ctx = createContext(setup, await loadEvaluationLibs(setup));
parentPort!.on('message', (batch: LineBatch) => {
  try {
    const { outcomes, ...result } = evaluateBatch(batch, ctx);
    // The outcomes travel as columns (see outcome-wire.ts); the pool unpacks them.
    const wire = packOutcomes(outcomes);
    parentPort!.postMessage({ ok: true, result, wire }, [
      result.admitted.buffer as ArrayBuffer,
      result.leafHashes.buffer as ArrayBuffer,
      result.subjects.buffer as ArrayBuffer,
      ...wireBuffers(wire),
    ]);
  } catch (err) {
    parentPort!.postMessage({
      ok: false,
      seq: batch.seq,
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
  }
});
