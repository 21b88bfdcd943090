import { hash } from 'node:crypto';
import { sha256Into } from '../merkle/sha256-into.js';
import type { SubjectAccount } from '../records/index.js';

/**
 * Subjects a cache holds before it starts over: about 5.5 MB of typed arrays per evaluating
 * thread when full. A larger cache took a 10-million-record build over the 300 MB bound
 * (1 << 18: 311 MB peak RSS, 1 << 17: 299 MB, this: see BENCHMARKS.md, "Issue 13, fourth
 * round"); on the 1M bench corpus (197,000 subjects) this size cost no more CPU than 1 << 17:
 * what pays is the HMAC as two digests and no entries on the collected heap.
 */
const DEFAULT_CAPACITY = 1 << 16;
/** Key bytes a subject takes on average before the key store fills up first. */
const KEY_BYTES_PER_ENTRY = 32;
/** A longer `platform\0account` is pseudonymised every time rather than stored. */
const MAX_KEY_BYTES = 255;
const DIGEST_BYTES = 32;
const HMAC_BLOCK = 64;
const HEX = Buffer.from('0123456789abcdef', 'latin1');

/**
 * Subjects one table holds when the evaluating threads of a build share it (see
 * createPseudonymTable): room for the 1M bench corpus's ~197,000 subjects, so each is
 * pseudonymised once per build rather than again by every thread each time its own small cache
 * started over. About 21 MB of shared memory when full (BENCHMARKS.md, "Issue 13, eighth
 * round"), against 2 × 5.8 MB for two private caches of DEFAULT_CAPACITY.
 */
export const SHARED_CAPACITY = 1 << 18;

/** A table's memory, shareable with worker threads without a copy (see createPseudonymTable). */
export interface SharedPseudonymTable {
  readonly memory: SharedArrayBuffer;
  readonly capacity: number;
}

/** Counters at the start of a table's memory: entries reserved, key bytes reserved. */
const HEADER_WORDS = 2;
const COUNT = 0;
const KEY_BYTES = 1;

/**
 * A pseudonym table in shared memory for the caches of several threads (see PseudonymCache):
 * every thread reads what any thread stored. Insert-only: when full it stops storing, as
 * starting over would need the threads to agree.
 */
export function createPseudonymTable(capacity = SHARED_CAPACITY): SharedPseudonymTable {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be ≥ 1');
  return { memory: new SharedArrayBuffer(layout(capacity).bytes), capacity };
}

/** Where each part of a table lies in its memory: the 32-bit parts first, then the bytes. */
function layout(capacity: number) {
  let slots = 2;
  while (slots < capacity * 2) slots *= 2;
  const slotsAt = HEADER_WORDS * 4;
  const hashesAt = slotsAt + slots * 4;
  const keyAtAt = hashesAt + capacity * 4;
  const digestsAt = keyAtAt + capacity * 4;
  const keyLengthAt = digestsAt + capacity * DIGEST_BYTES;
  const keysAt = keyLengthAt + capacity;
  const keyBytes = capacity * KEY_BYTES_PER_ENTRY + MAX_KEY_BYTES;
  return {
    slots,
    slotsAt,
    hashesAt,
    keyAtAt,
    digestsAt,
    keyLengthAt,
    keysAt,
    keyBytes,
    bytes: keysAt + keyBytes,
  };
}

/**
 * Pseudonymises subjects, remembering those seen: a subject usually has many items, and an HMAC
 * per record was a large share of build time. `derive` keeps what a caller computes from the
 * pseudonym's bytes (such as the consent state) with it, per thread.
 *
 * Everything lives in typed arrays, not in a Map of strings and objects: the bench corpus's
 * 1,000,000 records name ~197,000 subjects, and a Map holding 65,536 of them (~13 MB on the
 * JavaScript heap) missed three lookups in four; every miss cost an HMAC (with `createHmac`)
 * and promoted its entry to the old generation, to be collected again when the cache started
 * over (BENCHMARKS.md, "Issue 13, fourth round"). A miss here costs two one-shot digests and
 * leaves no garbage. An entry is its key's bytes (the UTF-8 of `platform\0account`, compared
 * exactly), its 32-byte pseudonym and the thread's value: ~80 bytes outside the collected heap.
 *
 * A private table (a capacity given) starts over when full. A shared table (from
 * createPseudonymTable) is written by several threads at once: an entry is written in full
 * before its slot is published with a compare-and-exchange, so a thread that reads the slot
 * (atomically) sees the whole entry; two threads that miss the same subject at once both
 * compute it, and one of the two entries stays unused.
 */
export class PseudonymCache<V = undefined> {
  readonly #derive: (digest: Buffer) => V;
  readonly #capacity: number;
  readonly #shared: boolean;
  /** The table's two counters (see HEADER_WORDS), read and advanced atomically. */
  readonly #header: Int32Array;
  /** Open addressing: entry index + 1 per slot, 0 for an empty slot; at most half full. */
  readonly #slots: Int32Array;
  readonly #mask: number;
  readonly #hashes: Int32Array;
  readonly #keyAt: Uint32Array;
  readonly #keyLength: Uint8Array;
  readonly #keys: Buffer;
  readonly #digests: Buffer;
  /** This thread's value of each entry, once `#derived` says it is computed. */
  readonly #values: V[] = [];
  readonly #derived: Uint8Array;
  /** The key being looked up, encoded; one spare block in front for the HMAC's inner pad. */
  #scratch = Buffer.allocUnsafeSlow(HMAC_BLOCK + 4 * MAX_KEY_BYTES + 1);
  readonly #outer = Buffer.allocUnsafeSlow(HMAC_BLOCK + DIGEST_BYTES);
  /** The digest of the last lookup that was not stored (a long key, or a full shared table). */
  readonly #unstored = Buffer.allocUnsafeSlow(DIGEST_BYTES);
  #unstoredValue: V | undefined;

  constructor(
    secret: Uint8Array,
    derive: (digest: Buffer) => V = () => undefined as V,
    table: number | SharedPseudonymTable = DEFAULT_CAPACITY,
  ) {
    const shared = typeof table !== 'number';
    const { capacity, memory } = shared ? table : { capacity: table, memory: undefined };
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be ≥ 1');
    const at = layout(capacity);
    // A private table needs no shared memory; the same layout keeps one code path.
    const bytes = memory ?? new ArrayBuffer(at.bytes);
    this.#derive = derive;
    this.#capacity = capacity;
    this.#shared = shared;
    this.#header = new Int32Array(bytes, 0, HEADER_WORDS);
    this.#slots = new Int32Array(bytes, at.slotsAt, at.slots);
    this.#mask = at.slots - 1;
    this.#hashes = new Int32Array(bytes, at.hashesAt, capacity);
    this.#keyAt = new Uint32Array(bytes, at.keyAtAt, capacity);
    this.#digests = Buffer.from(bytes, at.digestsAt, capacity * DIGEST_BYTES);
    this.#keyLength = new Uint8Array(bytes, at.keyLengthAt, capacity);
    this.#keys = Buffer.from(bytes, at.keysAt, at.keyBytes);
    this.#derived = new Uint8Array(capacity);
    // Filled, not `new Array(capacity)`: a large holey array may be kept as a dictionary.
    for (let i = 0; i < capacity; i++) this.#values.push(undefined as V);
    // HMAC (RFC 2104) as two one-shot SHA-256 digests over the padded key and the message:
    // `createHmac` sets the key up again for every subject (about a fifth more CPU per miss in
    // the third round of issue 13).
    const key = secret.length > HMAC_BLOCK ? hash('sha256', secret, 'buffer') : secret;
    for (let i = 0; i < HMAC_BLOCK; i++) {
      this.#scratch[i] = (key[i] ?? 0) ^ 0x36;
      this.#outer[i] = (key[i] ?? 0) ^ 0x5c;
    }
  }

  /** The subject's pseudonym as lower-case hex (as `pseudonymise` gives it). */
  of(subject: SubjectAccount): string {
    return this.pseudonym(this.find(subject));
  }

  /**
   * Finds the subject, computing its pseudonym and value if it is not held, and returns a handle
   * for `pseudonym`, `digest` and `value`. A handle is valid until the next `find`.
   */
  find(subject: SubjectAccount): number {
    const length = this.#encode(subject);
    const scratch = this.#scratch;
    if (length > MAX_KEY_BYTES) return this.#unstoredFind(length);
    // FNV-1a over the key's bytes.
    let h = 0x811c9dc5;
    for (let i = HMAC_BLOCK; i < HMAC_BLOCK + length; i++)
      h = Math.imul(h ^ scratch[i]!, 0x01000193);
    const slots = this.#slots;
    const mask = this.#mask;
    let slot = (h ^ (h >>> 15)) & mask;
    for (let at = Atomics.load(slots, slot); at !== 0; at = Atomics.load(slots, slot)) {
      const entry = at - 1;
      if (this.#hashes[entry] === h && this.#sameKey(entry, length)) return this.#hit(entry);
      slot = (slot + 1) & mask;
    }
    const header = this.#header;
    if (
      Atomics.load(header, COUNT) >= this.#capacity ||
      Atomics.load(header, KEY_BYTES) + length > this.#keys.length
    ) {
      if (this.#shared) return this.#unstoredFind(length);
      this.#clear();
      slot = (h ^ (h >>> 15)) & mask;
    }
    // Reserved atomically, so no other thread writes this entry or these key bytes.
    const entry = Atomics.add(header, COUNT, 1);
    const keyAt = Atomics.add(header, KEY_BYTES, length);
    if (entry >= this.#capacity || keyAt + length > this.#keys.length) {
      return this.#unstoredFind(length);
    }
    this.#hashes[entry] = h;
    this.#keyAt[entry] = keyAt;
    this.#keyLength[entry] = length;
    scratch.copy(this.#keys, keyAt, HMAC_BLOCK, HMAC_BLOCK + length);
    this.#hmac(length, this.#digests, entry * DIGEST_BYTES);
    // Published only now, whole: a thread that loads the slot sees the entry's bytes.
    for (;;) {
      const other = Atomics.compareExchange(slots, slot, 0, entry + 1);
      if (other === 0) break;
      // Another thread stored a subject here meanwhile: the same one (then this entry, equal to
      // it, just stays unpublished) or another (then the next slot).
      if (this.#hashes[other - 1] === h && this.#sameKey(other - 1, length)) break;
      slot = (slot + 1) & mask;
    }
    return this.#hit(entry);
  }

  /** The handle of a stored entry, with this thread's value derived once. */
  #hit(entry: number): number {
    if (this.#derived[entry] === 0) {
      this.#values[entry] = this.#derive(this.digest(entry));
      this.#derived[entry] = 1;
    }
    return entry;
  }

  /** Pseudonymises a key that is not stored; its handle is -1. */
  #unstoredFind(length: number): number {
    this.#hmac(length, this.#unstored, 0);
    this.#unstoredValue = this.#derive(this.#unstored);
    return -1;
  }

  /** The pseudonym of a handle from `find`, as lower-case hex. */
  pseudonym(handle: number): string {
    return handle < 0
      ? this.#unstored.toString('hex')
      : this.#digests.toString('hex', handle * DIGEST_BYTES, (handle + 1) * DIGEST_BYTES);
  }

  /** The pseudonym's 32 bytes; a view, valid until the next `find`. */
  digest(handle: number): Buffer {
    return handle < 0
      ? this.#unstored
      : this.#digests.subarray(handle * DIGEST_BYTES, (handle + 1) * DIGEST_BYTES);
  }

  /** Copies the pseudonym's 32 bytes to `target` at `at`. */
  copyDigest(handle: number, target: Uint8Array, at: number): void {
    if (handle < 0) this.#unstored.copy(target, at);
    else this.#digests.copy(target, at, handle * DIGEST_BYTES, (handle + 1) * DIGEST_BYTES);
  }

  /**
   * Writes the pseudonym as lower-case hex (64 bytes) to `target` at `at`, without making a
   * string: an admitted line's provenance names it.
   */
  writeHex(handle: number, target: Uint8Array, at: number): void {
    const digests = handle < 0 ? this.#unstored : this.#digests;
    const from = handle < 0 ? 0 : handle * DIGEST_BYTES;
    for (let i = 0; i < DIGEST_BYTES; i++) {
      const byte = digests[from + i]!;
      target[at++] = HEX[byte >> 4]!;
      target[at++] = HEX[byte & 15]!;
    }
  }

  value(handle: number): V {
    return handle < 0 ? this.#unstoredValue! : this.#values[handle]!;
  }

  /** Writes `platform\0account` as UTF-8 after the scratch's pad block; returns its length. */
  #encode(subject: SubjectAccount): number {
    const { platform, account } = subject;
    const scratch = this.#scratch;
    // Most platforms and accounts are ASCII: copied a character at a time, they cost less than
    // two calls into Buffer#write.
    if (platform.length + account.length < MAX_KEY_BYTES) {
      let at = HMAC_BLOCK;
      let ascii = true;
      for (let i = 0; i < platform.length && ascii; i++) {
        const c = platform.charCodeAt(i);
        if (c >= 0x80) ascii = false;
        scratch[at++] = c;
      }
      scratch[at++] = 0;
      for (let i = 0; i < account.length && ascii; i++) {
        const c = account.charCodeAt(i);
        if (c >= 0x80) ascii = false;
        scratch[at++] = c;
      }
      if (ascii) return at - HMAC_BLOCK;
    }
    const need = HMAC_BLOCK + 3 * (platform.length + account.length) + 1;
    if (need > scratch.length) {
      const bigger = Buffer.allocUnsafeSlow(need);
      scratch.copy(bigger, 0, 0, HMAC_BLOCK);
      this.#scratch = bigger;
    }
    let at = HMAC_BLOCK + this.#scratch.write(platform, HMAC_BLOCK);
    this.#scratch[at++] = 0;
    at += this.#scratch.write(account, at);
    return at - HMAC_BLOCK;
  }

  #sameKey(entry: number, length: number): boolean {
    if (this.#keyLength[entry] !== length) return false;
    const keys = this.#keys;
    const scratch = this.#scratch;
    const at = this.#keyAt[entry]!;
    for (let i = 0; i < length; i++) {
      if (keys[at + i] !== scratch[HMAC_BLOCK + i]) return false;
    }
    return true;
  }

  /** HMAC-SHA-256 of the encoded key, written to `out` at `offset`. */
  #hmac(length: number, out: Buffer, offset: number): void {
    // Digests written in place (see sha256Into): no buffer per digest.
    sha256Into(this.#scratch.subarray(0, HMAC_BLOCK + length), this.#outer, HMAC_BLOCK);
    sha256Into(this.#outer, out, offset);
  }

  /** Starts a private table over (a shared one never is: see the class). */
  #clear(): void {
    this.#slots.fill(0);
    this.#derived.fill(0);
    this.#values.fill(undefined as V);
    this.#header.fill(0);
  }
}
