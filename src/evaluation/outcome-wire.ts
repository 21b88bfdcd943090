import { ITEM_KINDS, type ItemKind } from '../records/index.js';
import type { PackedOutcome } from './evaluate-batch.js';

/**
 * A batch's outcomes as they cross from an evaluation worker to the build's thread: the two
 * shapes nearly every line has (an excluded item with only its reasons, an admitted item
 * without media or redactions) as columns of typed arrays and one string of ids; any other
 * outcome as itself. Structured cloning an object per line cost ~2.8 µs a line on the two
 * threads together, against ~16–20 µs to evaluate it (BENCHMARKS.md, "Issue 13, fifth round").
 */
export interface WireOutcomes {
  /** Per outcome: SIMPLE_EXCLUDED, SIMPLE_ADMITTED or OTHER. */
  readonly shapes: Uint8Array;
  /** Per outcome: the admitted line's length, the excluded item's reasons (an index into `reasons`), or the index into `others`. */
  readonly values: Uint32Array;
  /** Per outcome: the admitted item's kind (an index into ITEM_KINDS) and whether it names a subject (+ 4). */
  readonly flags: Uint8Array;
  /** Per simple outcome: the id fingerprint's `hi` and `lo`. */
  readonly fingerprints: Uint32Array;
  /** The simple outcomes' ids, back to back; `idEnds` says where each ends. */
  readonly ids: string;
  readonly idEnds: Uint32Array;
  /** The distinct reason lists of the batch's simple excluded outcomes. */
  readonly reasons: readonly (readonly string[])[];
  readonly others: readonly PackedOutcome[];
}

const OTHER = 0;
const SIMPLE_EXCLUDED = 1;
const SIMPLE_ADMITTED = 2;
const HAS_SUBJECT = 4;

type Excluded = Extract<PackedOutcome, { kind: 'excluded' }>;
type Admitted = Extract<PackedOutcome, { kind: 'admitted' }>;

export function packOutcomes(outcomes: readonly PackedOutcome[]): WireOutcomes {
  const n = outcomes.length;
  const shapes = new Uint8Array(n);
  const values = new Uint32Array(n);
  const flags = new Uint8Array(n);
  const fingerprints = new Uint32Array(2 * n);
  const idEnds = new Uint32Array(n);
  const ids: string[] = [];
  const reasons: (readonly string[])[] = [];
  // By the list itself: decide() gives one shared list per set of reasons (a list made
  // elsewhere only takes an index of its own), so no key string is joined per line.
  const reasonIndex = new Map<readonly string[], number>();
  const others: PackedOutcome[] = [];
  let idEnd = 0;
  for (let i = 0; i < n; i++) {
    const outcome = outcomes[i]!;
    if (isSimpleExcluded(outcome)) {
      shapes[i] = SIMPLE_EXCLUDED;
      let index = reasonIndex.get(outcome.reasons);
      if (index === undefined) {
        index = reasons.push(outcome.reasons) - 1;
        reasonIndex.set(outcome.reasons, index);
      }
      values[i] = index;
    } else if (isSimpleAdmitted(outcome)) {
      shapes[i] = SIMPLE_ADMITTED;
      values[i] = outcome.length;
      flags[i] = ITEM_KINDS.indexOf(outcome.itemKind) + (outcome.hasSubject ? HAS_SUBJECT : 0);
    } else {
      shapes[i] = OTHER;
      values[i] = others.push(outcome) - 1;
      continue;
    }
    fingerprints[2 * i] = outcome.fingerprint.hi;
    fingerprints[2 * i + 1] = outcome.fingerprint.lo;
    ids.push(outcome.id);
    idEnd += outcome.id.length;
    idEnds[i] = idEnd;
  }
  return { shapes, values, flags, fingerprints, ids: ids.join(''), idEnds, reasons, others };
}

export function unpackOutcomes(wire: WireOutcomes): PackedOutcome[] {
  const { shapes, values, flags, fingerprints, ids, idEnds, reasons, others } = wire;
  const outcomes: PackedOutcome[] = new Array(shapes.length);
  let idStart = 0;
  for (let i = 0; i < shapes.length; i++) {
    const shape = shapes[i];
    if (shape === OTHER) {
      outcomes[i] = others[values[i]!]!;
      continue;
    }
    const id = ids.slice(idStart, idEnds[i]!);
    idStart = idEnds[i]!;
    const fingerprint = { hi: fingerprints[2 * i]!, lo: fingerprints[2 * i + 1]! };
    outcomes[i] =
      shape === SIMPLE_EXCLUDED
        ? {
            kind: 'excluded',
            id,
            fingerprint,
            reasons: reasons[values[i]!]! as Excluded['reasons'],
          }
        : {
            kind: 'admitted',
            id,
            itemKind: ITEM_KINDS[flags[i]! & 3] as ItemKind,
            fingerprint,
            length: values[i]!,
            hasSubject: (flags[i]! & HAS_SUBJECT) !== 0,
          };
  }
  return outcomes;
}

/** The buffers of a packed batch, to transfer rather than copy. */
export function wireBuffers(wire: WireOutcomes): ArrayBuffer[] {
  return [wire.shapes, wire.values, wire.flags, wire.fingerprints, wire.idEnds].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

function isSimpleExcluded(outcome: PackedOutcome): outcome is Excluded {
  return outcome.kind === 'excluded' && outcome.signals === undefined && outcome.scan === undefined;
}

function isSimpleAdmitted(outcome: PackedOutcome): outcome is Admitted {
  return outcome.kind === 'admitted' && outcome.media === undefined && outcome.pii === undefined;
}
