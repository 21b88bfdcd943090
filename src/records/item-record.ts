/** The purposes data may be used for; a policy and every consent event name one. */
export const PURPOSES = ['ai_training', 'human_review'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const ITEM_KINDS = ['text', 'image', 'audio'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const AGES = ['adult', 'minor', 'unknown'] as const;
export type Age = (typeof AGES)[number];

export const VISIBILITIES = ['public', 'private'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const LEGAL_BASES = ['consent', 'legitimate_interest', 'contract'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/**
 * The fields of an item record (v1) that decisions depend on, normalised: defaults applied
 * (age `unknown`, visibility `public`) and the region upper-cased. The raw JSON is kept
 * elsewhere, byte for byte, so unknown fields pass through untouched.
 */
export interface ItemFacts {
  readonly id: string;
  readonly kind: ItemKind;
  readonly media: string | undefined;
  /** Who the item is about, when the record names an account; consent is looked up by it. */
  readonly account: SubjectAccount | undefined;
  readonly region: string | undefined;
  readonly age: Age;
  readonly visibility: Visibility;
  readonly tdmReserved: boolean;
}

export interface SubjectAccount {
  readonly platform: string;
  readonly account: string;
}
