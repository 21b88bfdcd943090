/** A fact a document needs that neither the manifests nor the provider facts hold. */
export interface MissingFact {
  /** Where it belongs in the document, e.g. `general_information.provider.name`. */
  readonly field: string;
  /** Where it would come from: the provider facts key to fill, or why it is unknown. */
  readonly supply: string;
}

/**
 * Collects the facts a document had to leave empty. A document never fills a gap with a
 * guess: it writes null and lists the gap here, and both the JSON and the Markdown show the list.
 */
export class MissingFacts {
  readonly #list: MissingFact[] = [];

  /** The value, or null after recording it as missing. */
  take<T>(value: T | undefined, field: string, supply: string): T | null {
    if (value === undefined) {
      this.#list.push({ field, supply });
      return null;
    }
    return value;
  }

  add(field: string, supply: string): void {
    this.#list.push({ field, supply });
  }

  list(): readonly MissingFact[] {
    return [...this.#list];
  }
}
