import type { ConsentRegister } from '../consent/consent-register.js';
import type { IdentityLinkRegister } from '../consent/identity-links.js';
import type { SubjectRequestRegister } from '../consent/subject-requests.js';
import type { BuildRegistry } from '../gate/build-registry.js';
import type { EmailCodeStore } from '../identity/email-code-store.js';
import type { SessionDenylist } from '../identity/session-denylist.js';
import type { SpentLinkTokens } from '../identity/spent-link-tokens.js';
import type { ModelRegister } from '../lineage/model-register.js';
import type { LogStorage } from '../log/log-storage.js';
import type { RateCounters } from '../rate-limits/rate-counters.js';
import type { ReviewStore } from '../review/review-store.js';
import type { SpentMediaLinks } from '../review/spent-media-links.js';
import type { FindingStore, HashBankStore } from '../safety/safety-store.js';
import type { StaffStore } from '../staff/staff-store.js';
import type { WebhookOutbox, WebhookRegistry } from '../webhooks/webhook-store.js';
import type { MetaStore } from './meta.js';

/**
 * Every port the domain declares, implemented over one database, for the composition code
 * (runtime/, server/, cli/). Two adapters (SQLite, PostgreSQL) implement it and are held to one
 * contract suite per port; nothing outside `store/` knows which one is in use. Domain code takes
 * only the port it needs.
 */
export interface Store
  extends ConsentRegister,
    SubjectRequestRegister,
    LogStorage,
    BuildRegistry,
    HashBankStore,
    FindingStore,
    SpentLinkTokens,
    IdentityLinkRegister,
    ModelRegister,
    EmailCodeStore,
    SessionDenylist,
    SpentMediaLinks,
    RateCounters,
    WebhookRegistry,
    WebhookOutbox,
    MetaStore {
  readonly dialect: 'sqlite' | 'postgres';
  /** Review-console staff accounts and sessions. */
  readonly staff: StaffStore;
  /** Review items, tasks, assignments, flags, unmask requests and legal holds. */
  readonly review: ReviewStore;
  close(): Promise<void>;
}
