import { hash } from 'node:crypto';
import { sha256Into } from '../merkle/sha256-into.js';
import type { SubjectAccount } from '../records/index.js';

/**
 * Subjects a private cache holds before it starts over: about 5.5 MB per evaluating thread when
 * full. A build's evaluating threads share one larger table instead (createPseudonymTable).
 */
const DEFAULT_CAPACITY = 1 << 16;
/**
 * Subjects the table shared by a build's evaluating threads holds: room for the 1M bench
 * corpus's 196,856 subjects, so each is pseudonymised once per build, where two private caches of
 * 65,536 that started over when full computed ~720,000 HMACs (BENCHMARKS.md, "Issue 13, eighth
 * round"). About 19 MB of shared memory when full, against 2 × 5.5 MB for two private caches:
 * within the 300 MB bound of a 10-million-record build (265 MB with the private caches).
 */
export const SHARED_CAPACITY = 1 << 18;
/** Key bytes past an entry's own that a subject takes on average before the key store fills. */
const SPILL_BYTES_PER_ENTRY = 8;
/** A longer `platform\0account` is pseudonymised every time rather than stored. */
const MAX_KEY_BYTES = 255;
const DIGEST_BYTES = 32;
const HMAC_BLOCK = 64;
const HEX = Buffer.from('0123456789abcdef', 'latin1');
/** A value code saying the value is kept in the overflow map (see PseudonymCache). */
const OVERFLOW = 255;

/**
 * An entry is one 64-byte cache line: the pseudonym, where the key's bytes past the line's own
 * continue, the key's length, and its first 27 bytes (all of a typical `platform\0account`).
 * A hit among ~200,000 subjects cost ~0.6 µs when an entry's parts lay in six arrays (a memory
 * miss each); now it costs the slot's line and the entry's.
 */
const ENTRY_BYTES = 64;
const ENTRY_SPILL_AT = 32;
const ENTRY_LENGTH_AT = 36;
const ENTRY_KEY_AT = 37;
const ENTRY_KEY_BYTES = ENTRY_BYTES - ENTRY_KEY_AT;

/** Counters at the start of a table's memory: entries reserved, spilled key bytes reserved. */
const COUNT = 0;
const SPILLED = 1;
const HEADER_BYTES = 64;

/** A table's memory, shareable with worker threads without a copy (see createPseudonymTable). */
export interface SharedPseudonymTable {
  readonly memory: SharedArrayBuffer;
  readonly capacity: number;
}

/**
 * A pseudonym table in shared memory for the caches of several threads (see PseudonymCache):
 * every thread reads what any thread stored. Insert-only: when full it stops storing, as
 * starting over would need the threads to agree.
 */
export function createPseudonymTable(capacity = SHARED_CAPACITY): SharedPseudonymTable {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be ≥ 1');
  return { memory: new SharedArrayBuffer(layout(capacity).bytes), capacity };
}

/** Where each part of a table lies in its memory: counters, slots, entries, spilled key bytes. */
function layout(capacity: number) {
  let slots = 2;
  while (slots < capacity * 2) slots *= 2;
  const slotsAt = HEADER_BYTES;
  // Entries start on a cache line (a SharedArrayBuffer's memory is page-aligned).
  const entriesAt = slotsAt + Math.ceil((slots * 4) / ENTRY_BYTES) * ENTRY_BYTES;
  const spillAt = entriesAt + capacity * ENTRY_BYTES;
  const spillBytes = capacity * SPILL_BYTES_PER_ENTRY + MAX_KEY_BYTES;
  return { slots, slotsAt, entriesAt, spillAt, spillBytes, bytes: spillAt + spillBytes };
}

/**
 * Pseudonymises subjects, remembering those seen: a subject usually has many items, and an HMAC
 * per record was a large share of build time. `derive` keeps what a caller computes from the
 * pseudonym's bytes (such as the consent state) with it, per thread.
 *
 * Everything lives in typed arrays, not in a Map of strings and objects (BENCHMARKS.md, "Issue
 * 13, fourth round"): a miss costs two one-shot digests and leaves no garbage. An entry is its
 * key's bytes (the UTF-8 of `platform\0account`, compared exactly) and its 32-byte pseudonym in
 * one cache line, and the thread's value as a byte code.
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
  /** The table's counters (see COUNT, SPILLED), read and advanced atomically. */
  readonly #header: Int32Array;
  /** Open addressing: entry index + 1 per slot, 0 for an empty slot; at most half full. */
  readonly #slots: Int32Array;
  readonly #mask: number;
  /** The entries, ENTRY_BYTES each, and (as 32-bit words) their spill places. */
  readonly #entries: Buffer;
  readonly #entryWords: Uint32Array;
  /** Key bytes past an entry's ENTRY_KEY_BYTES. */
  readonly #spill: Buffer;
  /**
   * This thread's value of each entry as a code: 0 not derived yet, else 1 + its index in
   * `#distinct`, or OVERFLOW with the value in `#overflow`: a byte an entry, not an 8-byte slot.
   */
  readonly #codes: Uint8Array;
  readonly #distinct: V[] = [];
  readonly #overflow = new Map<number, V>();
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
    this.#header = new Int32Array(bytes, 0, 2);
    this.#slots = new Int32Array(bytes, at.slotsAt, at.slots);
    this.#mask = at.slots - 1;
    this.#entries = Buffer.from(bytes, at.entriesAt, capacity * ENTRY_BYTES);
    this.#entryWords = new Uint32Array(bytes, at.entriesAt, (capacity * ENTRY_BYTES) / 4);
    this.#spill = Buffer.from(bytes, at.spillAt, at.spillBytes);
    this.#codes = new Uint8Array(capacity);
    // HMAC (RFC 2104) as two one-shot SHA-256 digests over the padded key and the message:
    // `createHmac` sets the key up again for every subject (about a fifth more CPU per miss in
    // the third round of issue 13).
    const key = secret.length > HMAC_BLOCK ? hash('sha256', secret, 'buffer') : secret;
    for (let i = 0; i < HMAC_BLOCK; i++) {
      this.#scratch[i] = (key[i] ?? 0) ^ 0x36;
      this.#outer[i] = (key[i] ?? 0) ^ 0x5c;
    }
  }

  /** Entries the table holds (for a shared table: stored by any thread). */
  get stored(): number {
    return Math.min(Atomics.load(this.#header, COUNT), this.#capacity);
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
    return this.#find(this.#encode(subject));
  }

  /**
   * `find` for a subject given as the UTF-8 of its platform, `b[platformStart, platformEnd)`,
   * and of its account, `b[accountStart, accountEnd)`: a build reads them from the record's
   * bytes without decoding them (the platform must hold no NUL, as for `find`).
   */
  findBytes(
    b: Uint8Array,
    platformStart: number,
    platformEnd: number,
    accountStart: number,
    accountEnd: number,
  ): number {
    const platformLength = platformEnd - platformStart;
    const length = platformLength + 1 + accountEnd - accountStart;
    if (HMAC_BLOCK + length > this.#scratch.length) {
      const bigger = Buffer.allocUnsafeSlow(HMAC_BLOCK + length);
      this.#scratch.copy(bigger, 0, 0, HMAC_BLOCK);
      this.#scratch = bigger;
    }
    const scratch = this.#scratch;
    // Byte by byte: keys are short, and a view per part (to copy with `set`) cost more.
    let at = HMAC_BLOCK;
    for (let i = platformStart; i < platformEnd; i++) scratch[at++] = b[i]!;
    scratch[at++] = 0;
    for (let i = accountStart; i < accountEnd; i++) scratch[at++] = b[i]!;
    return this.#find(length);
  }

  /** Looks up the key the scratch holds (`length` bytes after the pad block). */
  #find(length: number): number {
    if (length > MAX_KEY_BYTES) return this.#unstoredFind(length);
    const scratch = this.#scratch;
    // FNV-1a over the key's bytes.
    let h = 0x811c9dc5;
    for (let i = HMAC_BLOCK; i < HMAC_BLOCK + length; i++)
      h = Math.imul(h ^ scratch[i]!, 0x01000193);
    const slots = this.#slots;
    const mask = this.#mask;
    let slot = (h ^ (h >>> 15)) & mask;
    for (let at = Atomics.load(slots, slot); at !== 0; at = Atomics.load(slots, slot)) {
      if (this.#sameKey(at - 1, length)) return this.#hit(at - 1);
      slot = (slot + 1) & mask;
    }
    const header = this.#header;
    const spilled = Math.max(0, length - ENTRY_KEY_BYTES);
    if (
      Atomics.load(header, COUNT) >= this.#capacity ||
      Atomics.load(header, SPILLED) + spilled > this.#spill.length
    ) {
      if (this.#shared) return this.#unstoredFind(length);
      this.#clear();
      slot = (h ^ (h >>> 15)) & mask;
    }
    // Reserved atomically, so no other thread writes this entry or these key bytes.
    const entry = Atomics.add(header, COUNT, 1);
    const spillAt = spilled === 0 ? 0 : Atomics.add(header, SPILLED, spilled);
    if (entry >= this.#capacity || spillAt + spilled > this.#spill.length) {
      return this.#unstoredFind(length);
    }
    const entries = this.#entries;
    const base = entry * ENTRY_BYTES;
    this.#entryWords[(base + ENTRY_SPILL_AT) >> 2] = spillAt;
    entries[base + ENTRY_LENGTH_AT] = length;
    const inline = length - spilled;
    scratch.copy(entries, base + ENTRY_KEY_AT, HMAC_BLOCK, HMAC_BLOCK + inline);
    if (spilled > 0) scratch.copy(this.#spill, spillAt, HMAC_BLOCK + inline, HMAC_BLOCK + length);
    this.#hmac(length, entries, base);
    // Published only now, whole: a thread that loads the slot sees the entry's bytes.
    for (;;) {
      const other = Atomics.compareExchange(slots, slot, 0, entry + 1);
      if (other === 0) break;
      // Another thread stored a subject here meanwhile: the same one (then this entry, equal to
      // it, just stays unpublished) or another (then the next slot).
      if (this.#sameKey(other - 1, length)) break;
      slot = (slot + 1) & mask;
    }
    return this.#hit(entry);
  }

  /** The handle of a stored entry, with this thread's value derived once. */
  #hit(entry: number): number {
    if (this.#codes[entry] === 0) {
      const value = this.#derive(this.digest(entry));
      // Callers derive few distinct values (three consent states); others are kept aside.
      let at = this.#distinct.indexOf(value);
      if (at === -1 && this.#distinct.length < OVERFLOW - 1) at = this.#distinct.push(value) - 1;
      if (at === -1) this.#overflow.set(entry, value);
      this.#codes[entry] = at === -1 ? OVERFLOW : at + 1;
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
      : this.#entries.toString('hex', handle * ENTRY_BYTES, handle * ENTRY_BYTES + DIGEST_BYTES);
  }

  /** The pseudonym's 32 bytes; a view, valid until the next `find`. */
  digest(handle: number): Buffer {
    return handle < 0
      ? this.#unstored
      : this.#entries.subarray(handle * ENTRY_BYTES, handle * ENTRY_BYTES + DIGEST_BYTES);
  }

  /** Copies the pseudonym's 32 bytes to `target` at `at`. */
  copyDigest(handle: number, target: Uint8Array, at: number): void {
    if (handle < 0) this.#unstored.copy(target, at);
    else this.#entries.copy(target, at, handle * ENTRY_BYTES, handle * ENTRY_BYTES + DIGEST_BYTES);
  }

  /**
   * Writes the pseudonym as lower-case hex (64 bytes) to `target` at `at`, without making a
   * string: an admitted line's provenance names it.
   */
  writeHex(handle: number, target: Uint8Array, at: number): void {
    const digests = handle < 0 ? this.#unstored : this.#entries;
    const from = handle < 0 ? 0 : handle * ENTRY_BYTES;
    for (let i = 0; i < DIGEST_BYTES; i++) {
      const byte = digests[from + i]!;
      target[at++] = HEX[byte >> 4]!;
      target[at++] = HEX[byte & 15]!;
    }
  }

  value(handle: number): V {
    if (handle < 0) return this.#unstoredValue!;
    const code = this.#codes[handle]!;
    return code === OVERFLOW ? this.#overflow.get(handle)! : this.#distinct[code - 1]!;
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
    const entries = this.#entries;
    const base = entry * ENTRY_BYTES;
    if (entries[base + ENTRY_LENGTH_AT] !== length) return false;
    const scratch = this.#scratch;
    const inline = Math.min(length, ENTRY_KEY_BYTES);
    const key = base + ENTRY_KEY_AT;
    for (let i = 0; i < inline; i++) {
      if (entries[key + i] !== scratch[HMAC_BLOCK + i]) return false;
    }
    if (length === inline) return true;
    const spill = this.#spill;
    const at = this.#entryWords[(base + ENTRY_SPILL_AT) >> 2]! - inline;
    for (let i = inline; i < length; i++) {
      if (spill[at + i] !== scratch[HMAC_BLOCK + i]) return false;
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
    this.#codes.fill(0);
    this.#overflow.clear();
    this.#header.fill(0);
  }
}
