import { ObhutError } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { BankEntry, HashBank } from './bank.js';
import { MihIndex } from './mih.js';
import { type DihedralVariant, type Hash256, hash256FromHex } from './pdq/index.js';

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
  private readonly exact: Map<string, number> | undefined;

  private constructor(
    readonly bank: HashBank,
    private readonly entries: readonly BankEntry[],
  ) {
    if (bank.signalType === 'pdq') {
      const packed = new Uint32Array(entries.length * 8);
      entries.forEach((e, i) => {
        packed.set(hash256FromHex(e.hash)!, i * 8);
      });
      this.index = MihIndex.build(packed);
    } else {
      this.exact = new Map(entries.map((e, i) => [e.hash, i]));
    }
  }

  static fromEntries(bank: HashBank, entries: readonly BankEntry[]): Matcher {
    return new Matcher(bank, entries);
  }

  /** Loads a bank from the store; NOT_FOUND when there is none of that name. */
  static async load(
    store: Pick<Store, 'listBanks' | 'bankEntries'>,
    name: string,
  ): Promise<Matcher> {
    const bank = (await store.listBanks()).find((b) => b.name === name);
    const entries = bank && (await store.bankEntries(name));
    if (!bank || !entries) throw new ObhutError('NOT_FOUND', `no bank named ${name}`);
    return new Matcher(bank, entries);
  }

  get size(): number {
    return this.entries.length;
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
    const i = this.exact.get(digest.toLowerCase());
    return i === undefined ? [] : [this.match(i, 0)];
  }

  private match(i: number, distance: number): BankMatch {
    const entry = this.entries[i]!;
    return { bank: this.bank.name, hash: entry.hash, distance, labels: entry.labels };
  }
}
