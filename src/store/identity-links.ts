import type { Kysely, Selectable } from 'kysely';
import type { IdentityLinkRegister, StoredIdentityLink } from '../consent/identity-links.js';
import { guard } from './guard.js';
import type { Database, IdentityLinkTable } from './schema.js';

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
        db
          .selectFrom('identity_links')
          .selectAll()
          .where((eb) =>
            eb.or([eb('subject_a', 'in', [...subjects]), eb('subject_b', 'in', [...subjects])]),
          )
          .orderBy('at_ms')
          .orderBy('log_index')
          .execute(),
      );
      return rows.map(toLink);
    },
  };
}

function toLink(row: Selectable<IdentityLinkTable>): StoredIdentityLink {
  return {
    key: row.link_key,
    subjects: [row.subject_a, row.subject_b],
    action: row.action as StoredIdentityLink['action'],
    at: row.at,
    atMs: Number(row.at_ms),
    via: row.via as StoredIdentityLink['via'],
    platforms: [row.platform_a, row.platform_b],
    logIndex: Number(row.log_index),
  };
}
