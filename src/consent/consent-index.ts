import type { ConsentState } from './consent-state.js';

const EMPTY = 0;
const CODES: readonly ConsentState[] = ['none', 'none', 'objected', 'consented'];
const CODE_OF: Record<ConsentState, number> = { none: 1, objected: 2, consented: 3 };
const WORDS = 8; // a 32-byte pseudonym as 32-bit words
const MAX_LOAD = 0.7;

/** The index's memory, shareable with worker threads without a copy. */
export interface SharedConsentIndex {
  readonly keys: SharedArrayBuffer;
  readonly states: SharedArrayBuffer;
}

/**
 * Subjects' consent states for one build, keyed by the 32 pseudonym bytes in an
 * open-addressing table held in SharedArrayBuffers: about 40 bytes a subject, built once on
 * the main thread and read by every evaluation worker from the same memory. A subject that
 * is not in the table has made no decision.
 */
export class ConsentIndex {
  #keys: Uint32Array;
  #states: Uint8Array;
  #mask: number;
  #size = 0;

  private constructor(shared: SharedConsentIndex) {
    this.#keys = new Uint32Array(shared.keys);
    this.#states = new Uint8Array(shared.states);
    this.#mask = this.#states.length - 1;
  }

  /** An empty index with room for about `expected` subjects before it grows. */
  static create(expected: number): ConsentIndex {
    return new ConsentIndex(allocate(slotsFor(expected)));
  }

  /** Opens an index built elsewhere (read-only use). */
  static open(shared: SharedConsentIndex): ConsentIndex {
    return new ConsentIndex(shared);
  }

  get shared(): SharedConsentIndex {
    return {
      keys: this.#keys.buffer as SharedArrayBuffer,
      states: this.#states.buffer as SharedArrayBuffer,
    };
  }

  /** Subjects stored, including those whose latest event left them with no decision. */
  get size(): number {
    return this.#size;
  }

  set(pseudonym: Uint8Array, state: ConsentState): void {
    if ((this.#size + 1) / this.#states.length > MAX_LOAD) this.#grow();
    const slot = this.#find(pseudonym);
    if (this.#states[slot] === EMPTY) {
      this.#size++;
      const view = words(pseudonym);
      for (let j = 0; j < WORDS; j++) this.#keys[slot * WORDS + j] = view[j]!;
    }
    this.#states[slot] = CODE_OF[state];
  }

  get(pseudonym: Uint8Array): ConsentState {
    return CODES[this.#states[this.#find(pseudonym)]!]!;
  }

  /** How many subjects are in each state. */
  tally(): Record<ConsentState, number> {
    const tally = { none: 0, objected: 0, consented: 0 };
    for (const code of this.#states) if (code !== EMPTY) tally[CODES[code]!]++;
    return tally;
  }

  // Pseudonyms are HMAC outputs, uniformly distributed, so their first word is a good hash.
  #find(pseudonym: Uint8Array): number {
    const key = words(pseudonym);
    let slot = key[0]! & this.#mask;
    for (;;) {
      if (this.#states[slot] === EMPTY) return slot;
      let same = true;
      for (let j = 0; j < WORDS; j++) {
        if (this.#keys[slot * WORDS + j] !== key[j]) {
          same = false;
          break;
        }
      }
      if (same) return slot;
      slot = (slot + 1) & this.#mask;
    }
  }

  #grow(): void {
    const old = { keys: this.#keys, states: this.#states };
    const next = allocate(old.states.length * 2);
    this.#keys = new Uint32Array(next.keys);
    this.#states = new Uint8Array(next.states);
    this.#mask = this.#states.length - 1;
    this.#size = 0;
    for (let slot = 0; slot < old.states.length; slot++) {
      const code = old.states[slot]!;
      if (code === EMPTY) continue;
      const key = new Uint8Array(old.keys.buffer, slot * WORDS * 4, WORDS * 4);
      this.set(key, CODES[code]!);
    }
  }
}

function slotsFor(expected: number): number {
  let slots = 1024;
  while (slots * MAX_LOAD < expected) slots *= 2;
  return slots;
}

function allocate(slots: number): SharedConsentIndex {
  return { keys: new SharedArrayBuffer(slots * WORDS * 4), states: new SharedArrayBuffer(slots) };
}

// Reads the key as native-endian 32-bit words; every key goes through here, so the order is consistent.
function words(bytes: Uint8Array): Uint32Array {
  if (bytes.length !== WORDS * 4) throw new RangeError('a pseudonym is 32 bytes');
  if (bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, WORDS);
  // Copy to an aligned buffer (Buffer#slice would share memory and keep the offset).
  return new Uint32Array(Uint8Array.from(bytes).buffer, 0, WORDS);
}
