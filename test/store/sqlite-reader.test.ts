import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  emailIdentity,
  linkedStatus,
  pseudonymise,
  recordConsentEvent,
  recordIdentityLink,
} from '../../src/consent/index.js';
import { parseRfc3339 } from '../../src/records/index.js';
import { MIGRATION_NAMES } from '../../src/store/migration-names.js';
import { openSqliteReader } from '../../src/store/sqlite-reader.js';
import { workspace } from '../support/fixtures.js';

// `obhut consent status` reads an up-to-date SQLite register without Kysely (issue 13). Both
// paths run the same SQL texts (store/register-reads.ts); these check they answer alike.
describe('the SQLite register reader', () => {
  it('reads what the store reads: events, links, metadata and a whole status', async () => {
    const ws = await workspace('sqlite');
    try {
      const ig = { platform: 'ig', account: '7' };
      const email = emailIdentity('ada@example.org');
      await recordConsentEvent(ws.log, ws.secret, {
        who: email,
        purpose: 'ai_training',
        action: 'object',
        channel: 'email',
        at: '2025-03-01T00:00:00Z',
        reference: 'ticket 1',
      });
      await recordConsentEvent(ws.log, ws.secret, {
        who: ig,
        purpose: 'human_review',
        action: 'consent',
        channel: 'cli',
        at: '2025-02-01T00:00:00Z',
      });
      await recordIdentityLink(ws.log, ws.secret, {
        identities: [email, ig],
        action: 'link',
        via: 'operator',
        at: '2025-05-01T00:00:00Z',
      });
      await ws.store.initMeta('some_key', 'some value');
      const reader = openSqliteReader(path.join(ws.dir, 'obhut.db'));
      expect(reader).toBeDefined();
      try {
        const subject = pseudonymise(ws.secret, ig);
        const other = pseudonymise(ws.secret, email);
        for (const s of [subject, other, 'nobody']) {
          expect(await reader!.consentEventsOf(s)).toEqual(await ws.store.consentEventsOf(s));
        }
        for (const list of [[subject], [other, subject], ['nobody'], []]) {
          expect(await reader!.identityLinksOf(list)).toEqual(await ws.store.identityLinksOf(list));
        }
        expect((await reader!.identityLinksOf([subject])).length).toBe(1);
        for (const key of ['some_key', 'absent']) {
          expect(await reader!.getMeta(key)).toEqual(await ws.store.getMeta(key));
        }
        const at = parseRfc3339('2025-06-01T00:00:00Z')!;
        const viaReader = await linkedStatus(reader!, subject, at);
        expect(viaReader).toEqual(await linkedStatus(ws.store, subject, at));
        expect(viaReader.purposes.map((p) => p.state)).toEqual(['objected', 'consented']);
      } finally {
        await reader!.close();
      }
    } finally {
      await ws.close();
    }
  });

  it('declines a register that needs migrating, and wraps errors as the store does', async () => {
    const ws = await workspace('sqlite');
    const file = path.join(ws.dir, 'obhut.db');
    try {
      const reader = openSqliteReader(file)!;
      const db = new Database(file);
      db.exec('drop table identity_links');
      await expect(reader.identityLinksOf(['x'])).rejects.toMatchObject({
        code: 'STORE_FAILED',
        message: expect.stringMatching(/^database error while reading a person's identity links/),
      });
      db.prepare('delete from kysely_migration where name = ?').run(MIGRATION_NAMES.at(-1));
      db.close();
      await reader.close();
      expect(openSqliteReader(file)).toBeUndefined();
    } finally {
      await ws.close();
    }
  });
});
