import type { LabelsSchema, ReviewAnswer, ReviewKind, ReviewView } from '../review/model.js';
import type { ExportedTask, ExportQuery, ReviewExport } from '../review/review-store.js';
import { guard, optional } from './guard.js';
import { toTask } from './review-rows.js';
import type { Db } from './review-tables.js';

export function reviewExport(db: Db): ReviewExport {
  return {
    exportPage(query: ExportQuery): Promise<ExportedTask[]> {
      if (query.statuses.length === 0) return Promise.resolve([]);
      return guard('reading review answers for export', async () => {
        let tasks = db
          .selectFrom('review_tasks as t')
          .innerJoin('review_items as i', 'i.id', 't.item')
          .selectAll('t')
          .select(['i.record_id', 'i.kind as item_kind', 'i.view'])
          .where('t.status', 'in', [...query.statuses])
          .orderBy('t.id')
          .limit(query.limit);
        if (query.after !== undefined) tasks = tasks.where('t.id', '>', query.after);
        const since = query.since;
        if (since !== undefined)
          tasks = tasks.where((eb) =>
            eb.exists(
              eb
                .selectFrom('review_answers as a')
                .select('a.task')
                .whereRef('a.task', '=', 't.id')
                .where('a.answered_at', '>=', since),
            ),
          );
        const rows = await tasks.execute();
        if (rows.length === 0) return [];
        const answers = await db
          .selectFrom('review_answers')
          .selectAll()
          .where(
            'task',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('answered_at')
          .orderBy('reviewer')
          .execute();
        const byTask = new Map<string, ExportedTask['answers'][number][]>();
        for (const a of answers) {
          const list = byTask.get(a.task) ?? [];
          list.push({
            task: a.task,
            reviewer: a.reviewer,
            answer: JSON.parse(a.answer) as ReviewAnswer,
            ...optional('comment', a.comment),
            answeredAt: a.answered_at,
          });
          byTask.set(a.task, list);
        }
        return rows.map((r) => ({
          task: toTask(r),
          updatedAt: r.updated_at,
          recordId: r.record_id ?? undefined,
          kind: r.item_kind as ReviewKind,
          labels: r.view === null ? undefined : labelsOf(r.view),
          answers: byTask.get(r.id) ?? [],
        }));
      });
    },
  };
}

function labelsOf(view: string): LabelsSchema {
  return (JSON.parse(view) as ReviewView).labels;
}
