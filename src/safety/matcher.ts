import { ObhutError } from '../errors/index.js';
import type { BankEntry, HashBank } from './bank.js';
import { MihIndex } from './mih.js';
import { type DihedralVariant, type Hash256, hash256ToHex } from './pdq/index.js';
import type { BankSignals, HashBankHead, HashBankStore } from './safety-store.js';

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

/**
 * A PDQ bank's hashes, labels and MIH index, as a Matcher holds them: what a copy kept between
 * builds (bank-index-file.ts) stores, so that a build need not read and index every hash again.
 */
export interface PdqBankIndex {
  readonly count: number;
  /** 8 words per hash, in bank order (as packPdqHashes gives them). */
  readonly packed: Uint32Array;
  readonly offsets: readonly Uint32Array[];
  readonly ids: readonly Uint32Array[];
  /** The entries that carry labels. */
  readonly labelled: readonly { readonly hash: string; readonly labels: readonly string[] }[];
}

/** Where Matcher.load keeps PDQ banks' indexes between builds, per bank and revision. */
export interface BankIndexCache {
  /**
   * The index stored for this bank at this revision, or undefined when there is none or the
   * one there cannot be vouched for (another revision, damaged, not written by this register).
   */
  read(bank: HashBankHead): Promise<PdqBankIndex | undefined>;
  /** Stores the index for this bank and revision; a failure to store it is no error. */
  write(bank: HashBankHead, index: PdqBankIndex): Promise<void>;
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
    size: number,
    labelled: readonly { readonly hash: string; readonly labels: readonly string[] }[],
    match: { index: MihIndex } | { exact: Set<string> },
    /** Whether the hashes came from the store or from a kept index (see BankIndexCache). */
    readonly loadedFrom: 'store' | 'cache' = 'store',
  ) {
    this.size = size;
    this.labels = new Map(
      labelled.filter((e) => e.labels.length > 0).map((e) => [e.hash, e.labels]),
    );
    if ('index' in match) {
      this.index = match.index;
      this.packed = match.index.packed;
    } else {
      this.exact = match.exact;
    }
  }

  private static fromSignals(bank: HashBank, signals: BankSignals): Matcher {
    const width = bank.signalType === 'md5' ? 32 : 64;
    if (signals.hashes.length !== signals.count * width) {
      throw new ObhutError('STORE_FAILED', `bank ${bank.name}: stored hashes are malformed`);
    }
    if (bank.signalType === 'pdq') {
      const packed = packPdqHashes(signals.hashes, signals.count, bank.name);
      return new Matcher(bank, signals.count, signals.labelled, { index: MihIndex.build(packed) });
    }
    const exact = new Set<string>();
    for (let i = 0; i < signals.count; i++)
      exact.add(signals.hashes.slice(i * width, (i + 1) * width));
    return new Matcher(bank, signals.count, signals.labelled, { exact });
  }

  static fromEntries(bank: HashBank, entries: readonly BankEntry[]): Matcher {
    return Matcher.fromSignals(bank, {
      hashes: entries.map((e) => e.hash).join(''),
      count: entries.length,
      labelled: entries,
    });
  }

  /**
   * Loads a bank from the store; NOT_FOUND when there is none of that name. With a cache, a PDQ
   * bank's index is taken from it when it holds one for the bank's current revision, and put
   * there otherwise.
   */
  static async load(
    store: Pick<HashBankStore, 'bankHead' | 'bankSignals'>,
    name: string,
    cache?: BankIndexCache,
  ): Promise<Matcher> {
    const bank = await store.bankHead(name);
    if (!bank) throw new ObhutError('NOT_FOUND', `no bank named ${name}`);
    const cached = bank.signalType === 'pdq' && bank.revision !== null ? cache : undefined;
    const kept = await cached?.read(bank);
    if (kept) {
      const index = MihIndex.fromParts(kept.packed, kept);
      return new Matcher(bank, kept.count, kept.labelled, { index }, 'cache');
    }
    const signals = await store.bankSignals(name);
    if (!signals) throw new ObhutError('NOT_FOUND', `no bank named ${name}`);
    const matcher = Matcher.fromSignals(bank, signals);
    // Kept only if no import changed the bank while its hashes were read: the hashes and the
    // labels are two reads, and the revision read before them must still be the bank's.
    if (cached && (await store.bankHead(name))?.revision === bank.revision) {
      const { offsets, ids } = matcher.index!.parts();
      await cached.write(bank, {
        count: matcher.size,
        packed: matcher.packed!,
        offsets,
        ids,
        labelled: signals.labelled.filter((e) => e.labels.length > 0),
      });
    }
    return matcher;
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
