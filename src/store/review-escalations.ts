import type { LegalHold, UnmaskRequest } from '../review/model.js';
import type { HoldsQuery, ReviewEscalations } from '../review/review-store.js';
import { canApprove, UNMASK_APPROVALS } from '../review/rules.js';
import { guard } from './guard.js';
import { readUnmask, toHold } from './review-rows.js';
import type { Db } from './review-tables.js';

export function reviewEscalations(db: Db): ReviewEscalations {
  return {
    async createUnmask(request: {
      id: string;
      task: string;
      requester: string;
      justification: string;
      createdAt: string;
    }): Promise<void> {
      await guard('storing an unmask request', () =>
        db
          .insertInto('review_unmask')
          .values({
            id: request.id,
            task: request.task,
            requester: request.requester,
            justification: request.justification,
            created_at: request.createdAt,
            approved_at: null,
            expires_at: null,
          })
          .execute(),
      );
    },

    getUnmask(id: string): Promise<UnmaskRequest | undefined> {
      return guard('reading an unmask request', () => readUnmask(db, id));
    },

    approveUnmask(
      id: string,
      approver: string,
      now: Date,
      ttlMinutes: number,
    ): Promise<{
      outcome: 'ok' | 'not_found' | 'requester' | 'already_approved' | 'decided';
      request?: UnmaskRequest;
    }> {
      return guard('approving an unmask request', () =>
        db.transaction().execute(async (trx) => {
          // A no-op write locks the request (PostgreSQL) or the database (SQLite) first.
          const locked = await trx
            .updateTable('review_unmask')
            .set((eb) => ({ approved_at: eb.ref('approved_at') }))
            .where('id', '=', id)
            .executeTakeFirst();
          if (Number(locked.numUpdatedRows) === 0) return { outcome: 'not_found' as const };
          const request = (await readUnmask(trx, id))!;
          const check = canApprove(request, approver);
          if (check !== 'ok') return { outcome: check, request };
          await trx
            .insertInto('review_unmask_approvals')
            .values({ request: id, approver, at: now.toISOString() })
            .execute();
          if (request.approvers.length + 1 >= UNMASK_APPROVALS) {
            await trx
              .updateTable('review_unmask')
              .set({
                approved_at: now.toISOString(),
                expires_at: new Date(now.getTime() + ttlMinutes * 60_000).toISOString(),
              })
              .where('id', '=', id)
              .execute();
          }
          return { outcome: 'ok' as const, request: (await readUnmask(trx, id))! };
        }),
      );
    },

    async addHold(hold: Omit<LegalHold, 'releasedBy' | 'releasedAt'>): Promise<void> {
      await guard('storing a legal hold', () =>
        db
          .insertInto('review_holds')
          .values({
            id: hold.id,
            item: hold.item ?? null,
            subject: hold.subject ?? null,
            reason: hold.reason,
            created_by: hold.createdBy,
            created_at: hold.createdAt,
            released_by: null,
            released_at: null,
          })
          .execute(),
      );
    },

    async releaseHold(id: string, by: string, now: Date): Promise<LegalHold | undefined> {
      const row = await guard('releasing a legal hold', () =>
        db
          .updateTable('review_holds')
          .set({ released_by: by, released_at: now.toISOString() })
          .where('id', '=', id)
          .where('released_at', 'is', null)
          .returningAll()
          .executeTakeFirst(),
      );
      return row && toHold(row);
    },

    async holds(options: { active?: boolean } = {}): Promise<LegalHold[]> {
      const rows = await guard('listing legal holds', () => {
        let query = db.selectFrom('review_holds').selectAll();
        if (options.active) query = query.where('released_at', 'is', null);
        return query.orderBy('created_at').orderBy('id').execute();
      });
      return rows.map(toHold);
    },

    async holdsPage(query: HoldsQuery): Promise<LegalHold[]> {
      const rows = await guard('listing legal holds', () => {
        let q = db.selectFrom('review_holds').selectAll();
        if (query.state === 'active') q = q.where('released_at', 'is', null);
        if (query.state === 'released') q = q.where('released_at', 'is not', null);
        const after = query.after;
        if (after)
          q = q.where((eb) =>
            eb.or([
              eb('created_at', '<', after[0]),
              eb.and([eb('created_at', '=', after[0]), eb('id', '<', after[1])]),
            ]),
          );
        return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
      });
      return rows.map(toHold);
    },
  };
}
