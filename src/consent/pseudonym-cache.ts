import type { SubjectAccount } from '../records/index.js';
import { pseudonymDigest } from './pseudonym.js';

const DEFAULT_CAPACITY = 65_536;

/**
 * Pseudonymises subjects, remembering recent ones keyed by platform then account: a subject
 * usually has many items, and an HMAC per record was a large share of build time. Bounded so
 * memory stays flat; when full it simply starts over. `derive` keeps what a caller computes
 * from the pseudonym's bytes (such as the consent state) in the same entry.
 */
export class PseudonymCache<V = undefined> {
  #byPlatform = new Map<string, Map<string, { pseudonym: string; value: V }>>();
  #size = 0;

  constructor(
    private readonly secret: Uint8Array,
    private readonly derive: (digest: Buffer) => V = () => undefined as V,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  of(subject: SubjectAccount): string {
    return this.entry(subject).pseudonym;
  }

  entry(subject: SubjectAccount): { pseudonym: string; value: V } {
    let accounts = this.#byPlatform.get(subject.platform);
    let found = accounts?.get(subject.account);
    if (found !== undefined) return found;
    const digest = pseudonymDigest(this.secret, subject);
    found = { pseudonym: digest.toString('hex'), value: this.derive(digest) };
    if (this.#size >= this.capacity) {
      this.#byPlatform.clear();
      this.#size = 0;
      accounts = undefined;
    }
    if (accounts === undefined) {
      accounts = new Map();
      this.#byPlatform.set(subject.platform, accounts);
    }
    accounts.set(subject.account, found);
    this.#size++;
    return found;
  }
}
