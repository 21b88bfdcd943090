import { randomUUID } from 'node:crypto';
import { ObhutError } from '../errors/index.js';
import {
  type Acknowledgement,
  encodeEntry,
  type Receipt,
  type TransparencyLog,
} from '../log/index.js';
import type { SubjectAccount } from '../records/item-record.js';
import { parseRfc3339 } from '../records/time.js';
import type { IdentityLinkRegister, NewIdentityLink } from './identity-links.js';
import { identityGroups } from './linked-state.js';
import { pseudonymise } from './pseudonym.js';

/** An identity: a platform account, a verified e-mail address, or a pseudonym already known. */
export type Identity = SubjectAccount | { readonly subject: string };

export { EMAIL_PLATFORM, emailIdentity } from './email-identity.js';

export function pseudonymOf(secret: Buffer, identity: Identity): string {
  const subject = 'subject' in identity ? identity.subject : pseudonymise(secret, identity);
  if (!/^[0-9a-f]{64}$/.test(subject))
    throw new ObhutError('REQUEST_INVALID', 'subject is not a pseudonym');
  return subject;
}

export interface LinkRequest {
  readonly identities: readonly [Identity, Identity];
  readonly action: 'link' | 'unlink';
  readonly via: NewIdentityLink['via'];
  /** When it takes effect; now when omitted (tests set it to make time-ordered histories). */
  readonly at?: string;
}

export interface RecordedLink {
  readonly link: NewIdentityLink;
  readonly ack: Acknowledgement;
  readonly receipt: Receipt;
}

/**
 * Links two identities as one person's (or unlinks them), effective now, and returns once the
 * link is durable and under a signed checkpoint. The log entry holds only the two pseudonyms;
 * the link row is stored in the same transaction, so no link is in effect without its entry.
 */
export async function recordIdentityLink(
  log: TransparencyLog,
  secret: Buffer,
  request: LinkRequest,
): Promise<RecordedLink> {
  const named = request.identities
    .map((i) => ({
      subject: pseudonymOf(secret, i),
      platform: 'platform' in i ? i.platform : null,
    }))
    .sort((x, y) => (x.subject < y.subject ? -1 : x.subject > y.subject ? 1 : 0));
  const [a, b] = named.map((n) => n.subject) as [string, string];
  if (a === b) throw new ObhutError('REQUEST_INVALID', 'an identity cannot be linked to itself');
  const at = request.at ?? new Date().toISOString();
  const atMs = parseRfc3339(at);
  if (atMs === undefined) throw new ObhutError('REQUEST_INVALID', 'at is not an RFC 3339 time');
  const link: NewIdentityLink = {
    key: `lnk:${randomUUID()}`,
    subjects: [a, b],
    action: request.action,
    at,
    atMs,
    via: request.via,
    platforms: [named[0]!.platform, named[1]!.platform],
  };
  const entry = encodeEntry({
    type: 'identity_link',
    version: 1,
    link_id: link.key,
    subjects: [a, b],
    action: link.action,
    at,
    via: link.via,
  });
  const ack = await log.writer.append({ entry, identityLink: link });
  return { link, ack, receipt: log.receiptFor(ack) };
}

/**
 * Links two identities unless they are already one person's now (directly or through others),
 * so a platform that vouches for the same address at every sign-in adds one log entry, not one
 * per sign-in. Returns the recorded link, or undefined when nothing needed recording.
 */
export async function ensureLinked(
  log: TransparencyLog,
  secret: Buffer,
  store: Pick<IdentityLinkRegister, 'identityLinksOf'>,
  request: Omit<LinkRequest, 'action' | 'at'>,
): Promise<RecordedLink | undefined> {
  const [a, b] = request.identities.map((i) => pseudonymOf(secret, i));
  const groups = identityGroups(await store.identityLinksOf([a!]), Date.now());
  if (a === b || (groups.has(a!) && groups.get(a!) === groups.get(b!))) return undefined;
  return recordIdentityLink(log, secret, { ...request, action: 'link' });
}
