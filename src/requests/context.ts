import type { IdentityLinkRegister } from '../consent/identity-links.js';
import type { BuildRegistry } from '../gate/build-registry.js';
import type { ModelRegister } from '../lineage/index.js';
import type { LogStorage } from '../log/index.js';
import type { ReviewContext } from '../review/index.js';

/**
 * What acting on a person's access or erasure request reads and changes: their decisions and
 * links (consent), the builds and their subject lists (gate), the models trained on them (lineage), their review items (review), and
 * the log's entries (for accesses to their data).
 */
export interface RequestContext extends ReviewContext {
  readonly store: ReviewContext['store'] &
    Pick<BuildRegistry, 'listBuilds' | 'buildSubjects'> &
    Pick<IdentityLinkRegister, 'identityLinksOf'> &
    Pick<ModelRegister, 'listModels'> &
    Pick<LogStorage, 'logSize' | 'logEntries'>;
  /** The pseudonym secret: decisions recorded for the person are keyed by it. */
  readonly secret: Buffer;
}
