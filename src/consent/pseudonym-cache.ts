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
 * Pseudonymises subjects, remembering those seen: a subject usually has many items, and an HMAC
 * per record was a large share of build time. `derive` keeps what a caller computes from the
 * pseudonym's bytes (such as the consent state) with it.
 *
 * Everything lives in typed arrays, not in a Map of strings and objects: the bench corpus's
 * 1,000,000 records name ~197,000 subjects, and a Map holding 65,536 of them (~13 MB on the
 * JavaScript heap) missed three lookups in four; every miss cost an HMAC (with `createHmac`)
 * and promoted its entry to the old generation, to be collected again when the cache started
 * over (BENCHMARKS.md, "Issue 13, fourth round"). A miss here costs two one-shot digests and
 * leaves no garbage; the entry count stays as it was, for the memory bound. Here an entry is its key's bytes (the UTF-8 of `platform\0account`,
 * compared exactly), its 32-byte pseudonym and its value: ~80 bytes outside the collected heap.
 * Bounded so memory stays flat; when full it simply starts over.
 */
export class PseudonymCache<V = undefined> {
  readonly #derive: (digest: Buffer) => V;
  readonly #capacity: number;
  /** Open addressing: entry index + 1 per slot, 0 for an empty slot; at most half full. */
  readonly #slots: Int32Array;
  readonly #mask: number;
  readonly #hashes: Int32Array;
  readonly #keyAt: Uint32Array;
  readonly #keyLength: Uint8Array;
  readonly #keys: Buffer;
  readonly #digests: Buffer;
  readonly #values: V[];
  #count = 0;
  #keyBytes = 0;
  /** The key being looked up, encoded; one spare block in front for the HMAC's inner pad. */
  #scratch = Buffer.allocUnsafeSlow(HMAC_BLOCK + 4 * MAX_KEY_BYTES + 1);
  readonly #outer = Buffer.allocUnsafeSlow(HMAC_BLOCK + DIGEST_BYTES);
  /** The digest of the last lookup that was not stored (a key longer than MAX_KEY_BYTES). */
  readonly #unstored = Buffer.allocUnsafeSlow(DIGEST_BYTES);
  #unstoredValue: V | undefined;

  constructor(
    secret: Uint8Array,
    derive: (digest: Buffer) => V = () => undefined as V,
    capacity = DEFAULT_CAPACITY,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be ≥ 1');
    this.#derive = derive;
    this.#capacity = capacity;
    let slots = 2;
    while (slots < capacity * 2) slots *= 2;
    this.#slots = new Int32Array(slots);
    this.#mask = slots - 1;
    this.#hashes = new Int32Array(capacity);
    this.#keyAt = new Uint32Array(capacity);
    this.#keyLength = new Uint8Array(capacity);
    this.#keys = Buffer.allocUnsafeSlow(capacity * KEY_BYTES_PER_ENTRY + MAX_KEY_BYTES);
    this.#digests = Buffer.allocUnsafeSlow(capacity * DIGEST_BYTES);
    this.#values = new Array<V>(capacity);
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
    const scratch = this.#scratch;
    if (length > MAX_KEY_BYTES) {
      this.#hmac(length, this.#unstored, 0);
      this.#unstoredValue = this.#derive(this.#unstored);
      return -1;
    }
    // FNV-1a over the key's bytes.
    let h = 0x811c9dc5;
    for (let i = HMAC_BLOCK; i < HMAC_BLOCK + length; i++)
      h = Math.imul(h ^ scratch[i]!, 0x01000193);
    const slots = this.#slots;
    const mask = this.#mask;
    let slot = (h ^ (h >>> 15)) & mask;
    for (let at = slots[slot]!; at !== 0; at = slots[slot]!) {
      const entry = at - 1;
      if (this.#hashes[entry] === h && this.#sameKey(entry, length)) return entry;
      slot = (slot + 1) & mask;
    }
    if (this.#count === this.#capacity || this.#keyBytes + length > this.#keys.length) {
      this.#clear();
      slot = (h ^ (h >>> 15)) & mask;
    }
    const entry = this.#count++;
    slots[slot] = entry + 1;
    this.#hashes[entry] = h;
    this.#keyAt[entry] = this.#keyBytes;
    this.#keyLength[entry] = length;
    scratch.copy(this.#keys, this.#keyBytes, HMAC_BLOCK, HMAC_BLOCK + length);
    this.#keyBytes += length;
    this.#hmac(length, this.#digests, entry * DIGEST_BYTES);
    this.#values[entry] = this.#derive(this.digest(entry));
    return entry;
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

  #clear(): void {
    this.#slots.fill(0);
    this.#values.fill(undefined as V);
    this.#count = 0;
    this.#keyBytes = 0;
  }
}
