import type { Kysely, Selectable } from 'kysely';
import type { SubjectRequest, SubjectRequestRegister } from '../consent/subject-requests.js';
import { guard } from './guard.js';
import type { Database, SubjectRequestTable } from './schema.js';
import { enqueueWebhookMessages, erasureMessages } from './webhooks.js';

export function subjectRequestRegister(db: Kysely<Database>): SubjectRequestRegister {
  return {
    async createSubjectRequest(r: SubjectRequest): Promise<void> {
      await guard('storing a subject request', () =>
        db.transaction().execute(async (trx) => {
          await trx
            .insertInto('subject_requests')
            .values({
              id: r.id,
              subject: r.subject,
              kind: r.kind,
              status: r.status,
              message: r.message ?? null,
              received_at: r.receivedAt,
              deadline: r.deadline,
              answer: r.answer ?? null,
              answered_at: r.answeredAt ?? null,
              assignee: r.assignee ?? null,
              notify_email: r.notifyEmail ?? null,
            })
            .execute();
          // An erasure request reaches the webhooks with the row that records it.
          await enqueueWebhookMessages(trx, () => erasureMessages(r));
        }),
      );
    },

    async subjectRequests(subject?: string): Promise<SubjectRequest[]> {
      const rows = await guard('reading subject requests', () => {
        let query = db.selectFrom('subject_requests').selectAll();
        if (subject !== undefined) query = query.where('subject', '=', subject);
        return query.orderBy('received_at', 'desc').orderBy('id').limit(1000).execute();
      });
      return rows.map(toSubjectRequest);
    },

    async assignSubjectRequest(id: string, assignee: string) {
      await guard('assigning a subject request', () =>
        db.updateTable('subject_requests').set({ assignee }).where('id', '=', id).execute(),
      );
      const row = await guard('reading a subject request', () =>
        db.selectFrom('subject_requests').selectAll().where('id', '=', id).executeTakeFirst(),
      );
      return row && toSubjectRequest(row);
    },

    async updateSubjectRequest(
      id: string,
      update: Pick<SubjectRequest, 'status' | 'answer'>,
    ): Promise<SubjectRequest | undefined> {
      const row = await guard('updating a subject request', () =>
        db.transaction().execute(async (trx) => {
          await trx
            .updateTable('subject_requests')
            .set({
              status: update.status,
              answer: update.answer ?? null,
              answered_at: update.answer === undefined ? null : new Date().toISOString(),
            })
            .where('id', '=', id)
            .execute();
          const updated = await trx
            .selectFrom('subject_requests')
            .selectAll()
            .where('id', '=', id)
            .executeTakeFirst();
          if (updated)
            await enqueueWebhookMessages(trx, () => erasureMessages(toSubjectRequest(updated)));
          return updated;
        }),
      );
      return row && toSubjectRequest(row);
    },
  };
}

function toSubjectRequest(row: Selectable<SubjectRequestTable>): SubjectRequest {
  return {
    id: row.id,
    subject: row.subject,
    kind: row.kind as SubjectRequest['kind'],
    status: row.status as SubjectRequest['status'],
    message: row.message ?? undefined,
    receivedAt: row.received_at,
    deadline: row.deadline,
    answer: row.answer ?? undefined,
    answeredAt: row.answered_at ?? undefined,
    assignee: row.assignee ?? undefined,
    notifyEmail: row.notify_email ?? undefined,
  };
}
