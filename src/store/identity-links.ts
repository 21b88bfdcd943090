import type { Kysely, Selectable } from 'kysely';
import type { IdentityLinkRegister } from '../consent/identity-links.js';
import { guard } from './guard.js';
import { identityLinksOfSubjects } from './register-reads.js';
import { toLink } from './register-rows.js';
import type { Database, IdentityLinkTable } from './schema.js';
import { statementRows } from './statement.js';

export function identityLinkRegister(db: Kysely<Database>): IdentityLinkRegister {
  return {
    async identityLinks(asOfMs, options = {}) {
      const rows = await guard('reading identity links', () => {
        let query = db.selectFrom('identity_links').selectAll().where('at_ms', '<=', asOfMs);
        if (options.logSize !== undefined) query = query.where('log_index', '<', options.logSize);
        return query.orderBy('at_ms').orderBy('log_index').execute();
      });
      return rows.map(toLink);
    },

    async identityLinksOf(subjects) {
      if (subjects.length === 0) return [];
      const rows = await guard("reading a person's identity links", () =>
        statementRows<Selectable<IdentityLinkTable>>(db, identityLinksOfSubjects(subjects)),
      );
      return rows.map(toLink);
    },
  };
}
