import { ObhutError } from '../errors/index.js';
import type { BankEntry, HashBank } from './bank.js';
import { MihIndex } from './mih.js';
import { type DihedralVariant, type Hash256, hash256ToHex } from './pdq/index.js';
import type { BankSignals, HashBankStore } from './safety-store.js';

/** One bank entry that a query matched. */
export interface BankMatch {
  readonly bank: string;
  /** The bank's hash (lowercase hex). */
  readonly hash: string;
  /** Hamming distance for PDQ; 0 for exact types. */
  readonly distance: number;
  readonly labels: readonly string[];
  /** For dihedral PDQ queries: the variant of the query that came closest. */
  readonly variant?: DihedralVariant;
}

/** Answers matches against one bank: PDQ through an MIH index, sha256/md5 by set lookup. */
export class Matcher {
  private readonly index: MihIndex | undefined;
  /** PDQ: the bank's hashes, 8 words each, in bank order (what the index refers to). */
  private readonly packed: Uint32Array | undefined;
  private readonly exact: Set<string> | undefined;
  private readonly labels: Map<string, readonly string[]>;
  readonly size: number;

  private constructor(
    readonly bank: HashBank,
    signals: BankSignals,
  ) {
    this.size = signals.count;
    this.labels = new Map(
      signals.labelled.filter((e) => e.labels.length > 0).map((e) => [e.hash, e.labels]),
    );
    const width = bank.signalType === 'md5' ? 32 : 64;
    if (signals.hashes.length !== signals.count * width) {
      throw new ObhutError('STORE_FAILED', `bank ${bank.name}: stored hashes are malformed`);
    }
    if (bank.signalType === 'pdq') {
      this.packed = packPdqHashes(signals.hashes, signals.count, bank.name);
      this.index = MihIndex.build(this.packed);
    } else {
      this.exact = new Set();
      for (let i = 0; i < signals.count; i++)
        this.exact.add(signals.hashes.slice(i * width, (i + 1) * width));
    }
  }

  static fromEntries(bank: HashBank, entries: readonly BankEntry[]): Matcher {
    return new Matcher(bank, {
      hashes: entries.map((e) => e.hash).join(''),
      count: entries.length,
      labelled: entries,
    });
  }

  /** Loads a bank from the store; NOT_FOUND when there is none of that name. */
  static async load(
    store: Pick<HashBankStore, 'listBanks' | 'bankSignals'>,
    name: string,
  ): Promise<Matcher> {
    const bank = (await store.listBanks()).find((b) => b.name === name);
    const signals = bank && (await store.bankSignals(name));
    if (!bank || !signals) throw new ObhutError('NOT_FOUND', `no bank named ${name}`);
    return new Matcher(bank, signals);
  }

  /**
   * Bank entries within the bank's threshold of a PDQ hash, closest first. With several query
   * hashes (the 8 dihedral variants), each entry is reported once, at its smallest distance.
   */
  matchPdq(query: Hash256 | Readonly<Partial<Record<DihedralVariant, Hash256>>>): BankMatch[] {
    if (!this.index) throw new TypeError(`bank ${this.bank.name} is not a pdq bank`);
    const queries: [DihedralVariant | undefined, Hash256][] =
      query instanceof Uint32Array
        ? [[undefined, query]]
        : (Object.entries(query) as [DihedralVariant, Hash256][]);
    const best = new Map<number, BankMatch>();
    for (const [variant, hash] of queries) {
      for (const hit of this.index.search(hash, this.bank.threshold)) {
        const seen = best.get(hit.index);
        if (seen && seen.distance <= hit.distance) continue;
        best.set(hit.index, {
          ...this.match(hit.index, hit.distance),
          ...(variant && { variant }),
        });
      }
    }
    return [...best.values()].sort(
      (a, b) => a.distance - b.distance || a.hash.localeCompare(b.hash),
    );
  }

  /** The entry equal to a sha256/md5 digest (lowercase hex), if any. */
  matchExact(digest: string): BankMatch[] {
    if (!this.exact) throw new TypeError(`bank ${this.bank.name} is not an exact-hash bank`);
    const hash = digest.toLowerCase();
    return this.exact.has(hash) ? [this.matchOf(hash, 0)] : [];
  }

  private match(i: number, distance: number): BankMatch {
    return this.matchOf(hash256ToHex(this.packed!.subarray(i * 8, i * 8 + 8)), distance);
  }

  private matchOf(hash: string, distance: number): BankMatch {
    return { bank: this.bank.name, hash, distance, labels: this.labels.get(hash) ?? [] };
  }
}

/** 64 hex digits per hash → 8 words each, word 0 the last 8 digits (as hash256FromHex). */
function packPdqHashes(hex: string, count: number, bank: string): Uint32Array {
  const bytes = Buffer.from(hex, 'hex');
  if (bytes.length !== count * 32) {
    throw new ObhutError('STORE_FAILED', `bank ${bank}: stored hashes are not hexadecimal`);
  }
  const packed = new Uint32Array(count * 8);
  for (let i = 0; i < count; i++) {
    for (let w = 0; w < 8; w++) packed[i * 8 + w] = bytes.readUInt32BE(i * 32 + 28 - 4 * w);
  }
  return packed;
}
