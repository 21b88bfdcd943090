import type { SubjectAccount } from '../records/item-record.js';

// On its own so that naming a person by e-mail (`obhut consent status --email`) does not load
// the log's entry formats that record-link.ts needs to record a link.

/** The platform name under which a verified e-mail address is pseudonymised. */
export const EMAIL_PLATFORM = 'email';

export function emailIdentity(address: string): SubjectAccount {
  return { platform: EMAIL_PLATFORM, account: address };
}
