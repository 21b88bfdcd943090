import type { OptoutInput, SignalOutcome } from './signal.js';

/** record: the record's own `signals.tdm_reserved`, computed by whoever wrote the record. */
export function evaluateRecord(input: OptoutInput): SignalOutcome {
  return input.recordReserved
    ? {
        reserving: [{ type: 'record', where: 'record', detail: 'signals.tdm_reserved is true' }],
        notes: [],
        consulted: [{ type: 'record', where: 'record' }],
      }
    : { reserving: [], notes: [], consulted: [{ type: 'record', where: 'record' }] };
}
