import { can, project } from '../authz/index.js';
import { type ReviewActor, rulesFor } from './actor.js';
import type { TaskContent, TaskQuestion, TaskView } from './api-types.js';
import { wavDuration } from './files.js';
import { labelChoices } from './label-choices.js';
import type {
  AssignmentRules,
  LabelDefinition,
  ReviewItem,
  ReviewTask,
  ReviewView,
} from './model.js';
import type { TaskSubject } from './task-subject.js';
import type { ReviewContext } from './tasks.js';

/** The content part of a TaskView: redacted text or transcript, bleeped ranges, label choices. */
export async function taskContent(
  home: string,
  task: ReviewTask,
  item: ReviewItem,
  view: ReviewView,
): Promise<TaskContent> {
  const duration =
    item.kind === 'audio' && item.derivedMedia !== undefined
      ? await wavDuration(home, item.derivedMedia)
      : undefined;
  return {
    id: task.id,
    kind: item.kind,
    status: task.status,
    ...(view.text === undefined ? {} : { text: view.text }),
    ...(view.words === undefined ? {} : { words: view.words.map((w) => ({ ...w })) }),
    ...(item.kind === 'audio'
      ? { redacted_ranges: view.ranges.map((r) => ({ start: r.start, end: r.end })) }
      : {}),
    ...(duration === undefined ? {} : { duration }),
    labels: labelChoices(view.labels),
    questions: view.labels.map(taskQuestion),
  };
}

function taskQuestion(q: LabelDefinition): TaskQuestion {
  return {
    name: q.name,
    multiple: q.multiple === true,
    ...(q.text === undefined ? {} : { text: { ...q.text } }),
    options: q.options.map((value) => {
      const text = q.optionTexts?.[value];
      return text === undefined ? { value } : { value, text: { ...text } };
    }),
  };
}

/**
 * The whole TaskView for the member asking, projected through the policy: an opened task and
 * the member's assignment of it (`object`, as the caller already checked it). The response
 * schema is an allow-list too: a field it does not declare is not serialised.
 */
export async function taskView(
  ctx: ReviewContext,
  actor: ReviewActor,
  rules: AssignmentRules,
  { task, item, view }: { task: ReviewTask; item: ReviewItem; view: ReviewView },
  object: Pick<TaskSubject, 'assignee' | 'expires_at'>,
): Promise<Partial<TaskView & { expires_at: string }>> {
  const me = actor.staff;
  const now = new Date();
  const leadView = can(actor.ability, 'read', 'Task', {});
  const full = {
    ...(await taskContent(ctx.home, task, item, view)),
    ...(object.expires_at === undefined ? {} : { assignment: { expires_at: object.expires_at } }),
    quota: {
      used: await ctx.store.review.assignedToday(me.id, now),
      limit: rulesFor(rules, me).dailyQuota,
      exposure: {
        seconds: Math.floor((await ctx.store.review.exposureToday(me.id, now)) / 1000),
        limit_seconds: rules.exposureMinutes * 60,
      },
    },
    // For the policy's conditions (projected out unless a field rule names them).
    ...(object.assignee === undefined ? {} : { assignee: object.assignee }),
    ...(object.expires_at === undefined ? {} : { expires_at: object.expires_at }),
    // What a lead adjudicates with; only read when the role may have it.
    ...(leadView
      ? {
          k: task.k,
          created_at: task.createdAt,
          answers: (await ctx.store.review.answers(task.id)).map((a) => ({
            reviewer: a.reviewer,
            labels: a.answer.labels,
            ...(a.answer.transcript === undefined ? {} : { transcript: a.answer.transcript }),
            answered_at: a.answeredAt,
          })),
        }
      : {}),
  };
  return project(actor.ability, 'read', 'Task', full);
}
