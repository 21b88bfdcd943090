import type { SubjectAccount } from '../records/index.js';
import { pseudonymise } from './pseudonym.js';

const DEFAULT_CAPACITY = 200_000;

/**
 * Remembers recent pseudonyms, keyed by platform then account: a subject usually has many
 * items, and an HMAC per record was a large share of build time. Bounded so memory stays
 * flat; when full it simply starts over. `V` lets a caller keep what it derives from the
 * pseudonym (such as the subject's consent state) in the same entry.
 */
export class PseudonymCache<V = undefined> {
  #byPlatform = new Map<string, Map<string, { pseudonym: string; value: V }>>();
  #size = 0;

  constructor(
    private readonly secret: Uint8Array,
    private readonly derive: (pseudonym: string) => V = () => undefined as V,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  of(subject: SubjectAccount): string {
    return this.entry(subject).pseudonym;
  }

  entry(subject: SubjectAccount): { pseudonym: string; value: V } {
    let accounts = this.#byPlatform.get(subject.platform);
    if (accounts === undefined) {
      accounts = new Map();
      this.#byPlatform.set(subject.platform, accounts);
    }
    let found = accounts.get(subject.account);
    if (found === undefined) {
      const pseudonym = pseudonymise(this.secret, subject);
      found = { pseudonym, value: this.derive(pseudonym) };
      if (this.#size >= this.capacity) {
        this.#byPlatform.clear();
        this.#size = 0;
        accounts = new Map();
        this.#byPlatform.set(subject.platform, accounts);
      }
      accounts.set(subject.account, found);
      this.#size++;
    }
    return found;
  }
}
