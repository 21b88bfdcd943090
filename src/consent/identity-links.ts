import type { NewIdentityLink } from '../log/log-storage.js';

export type { NewIdentityLink } from '../log/log-storage.js';

/** An identity link as stored, with where its entry sits in the transparency log. */
export interface StoredIdentityLink extends NewIdentityLink {
  readonly logIndex: number;
}

/**
 * Links between identities (a verified e-mail address, a platform account) as consent/ reads
 * them. They are written with their log entry (`LogAppend.identityLink`), never on their own, so
 * every link in effect is provable and ordered by the log.
 */
export interface IdentityLinkRegister {
  /**
   * Every link and unlink with `atMs <= asOfMs` in (at, log index) order; with `logSize`, only
   * those whose entry is in the log's tree of that size.
   */
  identityLinks(asOfMs: number, options?: { logSize?: number }): Promise<StoredIdentityLink[]>;
  /** Every link and unlink touching one of `subjects`, at any time, in (at, log index) order. */
  identityLinksOf(subjects: readonly string[]): Promise<StoredIdentityLink[]>;
}
