import type { SubjectAccount } from '../records/index.js';
import { pseudonymise } from './pseudonym.js';

const DEFAULT_CAPACITY = 200_000;

/**
 * Remembers recent pseudonyms: a subject usually has many items, and an HMAC per record was a
 * large share of build time. Bounded so memory stays flat; when full it simply starts over.
 */
export class PseudonymCache {
  #cache = new Map<string, string>();

  constructor(
    private readonly secret: Uint8Array,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  of(subject: SubjectAccount): string {
    const key = `${subject.platform}\0${subject.account}`;
    let pseudonym = this.#cache.get(key);
    if (pseudonym === undefined) {
      pseudonym = pseudonymise(this.secret, subject);
      if (this.#cache.size >= this.capacity) this.#cache.clear();
      this.#cache.set(key, pseudonym);
    }
    return pseudonym;
  }
}
