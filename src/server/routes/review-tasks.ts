import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { type AppAbility, abilityFor, authorize, can, project } from '../../authz/index.js';
import { ObhutError } from '../../errors/index.js';
import type { TransparencyLog } from '../../log/index.js';
import {
  type AssignmentRules,
  answerTask,
  exposureReached,
  FLAG_CATEGORIES,
  flagTask,
  ids,
  type LabelsSchema,
  listenToTask,
  openTask,
  type ReviewContext,
  type ReviewItem,
  type ReviewTask,
  type ReviewView,
  releaseTask,
  summariseExposure,
  taskAndItem,
  wavDuration,
} from '../../review/index.js';
import type { StaffMember } from '../../staff/index.js';
import type { Store } from '../../store/index.js';
import { errorBody } from '../errors.js';
import { flagGuidance, guidanceLang } from '../review-guidance.js';
import { MEDIA_TOKEN_PATTERN, MediaTokens } from '../review-media.js';
import { errors } from '../schemas.js';
import { authenticateStaff, requireStaff } from '../staff-auth.js';
import { REVIEW_API, SECURITY, TAGS } from './review-session.js';

export interface ReviewRouteOptions {
  readonly store: Store;
  readonly log: TransparencyLog;
  /** The server secret: subject pseudonyms, and (under its own label) media tokens. */
  readonly secret: Buffer;
  /** The home folder: media live under `<home>/review/`. */
  readonly home: string;
  readonly rules: AssignmentRules;
  /** Where a reviewer who flagged something gets support (OBHUT_REVIEW_SUPPORT). */
  readonly support?: string | undefined;
  /** Retention periods for `POST /retention/sweep` (default: OBHUT_REVIEW_*_DAYS). */
  readonly retention?: { readonly rawDays: number; readonly derivedDays: number };
}

/** On a 204 from GET /tasks/next: queue_empty, daily_quota or exposure_limit. */
export const REASON_HEADER = 'obhut-review-reason';
/** Path parameters `{ id }`, an id matching `pattern` (an `ids.*` regular expression). */
export const idParams = (pattern: RegExp) =>
  ({
    type: 'object',
    required: ['id'],
    properties: { id: { type: 'string', pattern: pattern.source } },
  }) as const;
const taskParams = idParams(ids.TASK_ID);

const range = {
  type: 'object',
  required: ['start', 'end'],
  properties: { start: { type: 'number' }, end: { type: 'number' } },
} as const;

/** The redacted content of a task: what every TaskView shape shares. */
export const taskContentProperties = {
  id: { type: 'string' },
  kind: { type: 'string', enum: ['text', 'audio', 'image'] },
  status: { type: 'string', enum: ['open', 'done', 'removed', 'flagged'] },
  text: { type: 'string' },
  words: {
    type: 'array',
    items: {
      type: 'object',
      required: ['text', 'start', 'end'],
      properties: { text: { type: 'string' }, start: { type: 'number' }, end: { type: 'number' } },
    },
  },
  redacted_ranges: { type: 'array', items: range },
  duration: { type: 'number' },
  labels: { type: 'array', items: { type: 'string' } },
} as const;

/**
 * TaskView (docs/review-design.md). The response schema is an allow-list too: a field that is
 * not declared here is not serialised, whatever the handler returns.
 */
export const taskViewSchema = {
  type: 'object',
  required: ['id', 'kind', 'status', 'labels'],
  properties: {
    ...taskContentProperties,
    assignment: {
      type: 'object',
      required: ['expires_at'],
      properties: { expires_at: { type: 'string' } },
    },
    quota: {
      type: 'object',
      required: ['used', 'limit'],
      properties: {
        used: { type: 'integer' },
        limit: { type: 'integer' },
        // Today's exposure: audio given to listen to plus a fixed amount per image viewed.
        exposure: {
          type: 'object',
          required: ['seconds', 'limit_seconds'],
          properties: { seconds: { type: 'integer' }, limit_seconds: { type: 'integer' } },
        },
      },
    },
    // A lead's extra fields (LEAD_TASK_FIELDS).
    assignee: { type: 'string' },
    k: { type: 'integer' },
    created_at: { type: 'string' },
    answers: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          reviewer: { type: 'string' },
          labels: { type: 'object', additionalProperties: true },
          transcript: { type: 'string' },
          answered_at: { type: 'string' },
        },
      },
    },
  },
} as const;

/**
 * The reviewer's side of the review API: the next task, a task, its media (signed URL and the
 * stream), answer, flag, release, and the lead's queue counts.
 */
export const reviewTaskRoutes: FastifyPluginAsync<ReviewRouteOptions> = async (app, opts) => {
  const ctx: ReviewContext = { store: opts.store, log: opts.log, home: opts.home };
  const media = new MediaTokens(opts.secret);
  registerTaskRoutes(app, opts, ctx, media);
};

function registerTaskRoutes(
  app: FastifyInstance,
  opts: ReviewRouteOptions,
  ctx: ReviewContext,
  media: MediaTokens,
) {
  const { store } = opts;
  const tags = TAGS;
  const security = SECURITY;

  app.get(`${REVIEW_API}/tasks/next`, {
    onRequest: requireStaff('next', 'Task'),
    schema: {
      tags,
      security,
      summary:
        'Take the next task (204 when none is available, the daily quota is used up or the daily exposure reached; the obhut-review-reason header says which)',
      response: {
        200: { type: 'object', required: ['task'], properties: { task: taskViewSchema } },
        204: {
          type: 'null',
          headers: {
            [REASON_HEADER]: {
              type: 'string',
              enum: ['queue_empty', 'daily_quota', 'exposure_limit'],
            },
          },
        },
        ...errors(401, 403),
      },
    },
    handler: async (req, reply) => {
      const me = req.staff!;
      const rules = rulesFor(opts.rules, me);
      // An item whose subject objected meanwhile is withdrawn when opened; take the next one.
      for (let attempt = 0; attempt < 20; attempt++) {
        const now = new Date();
        const assignment = await store.review.assignNext(me.id, rules, now);
        if (!assignment) break;
        const object = { assignee: me.id, expires_at: assignment.expiresAt };
        authorize(req.ability!, 'read', 'Task', object);
        const opened = await openTask(ctx, { task: assignment.task, actor: me.id, now });
        if (opened.status !== 'open') {
          // Removed (and its assignments ended) or no longer viewable: give it back if held.
          if (opened.status === 'closed') await store.review.release(assignment.task, me.id, now);
          continue;
        }
        return { task: await buildTaskView(req, ctx, opts.rules, opened, object) };
      }
      // Why there is nothing: the console says so (a break after the exposure limit).
      const now = new Date();
      const reason = exposureReached(await store.review.exposureToday(me.id, now), rules)
        ? 'exposure_limit'
        : (await store.review.assignedToday(me.id, now)) >= rules.dailyQuota
          ? 'daily_quota'
          : 'queue_empty';
      return reply.code(204).header(REASON_HEADER, reason).send();
    },
  });

  app.get<{ Params: { id: string } }>(`${REVIEW_API}/tasks/:id`, {
    onRequest: requireStaff('read', 'Task'),
    schema: {
      tags,
      security,
      summary: 'A task as its assigned reviewer (or a lead) may see it; 410 once it was removed',
      params: taskParams,
      response: {
        200: { type: 'object', required: ['task'], properties: { task: taskViewSchema } },
        ...errors(401, 403, 404, 410),
      },
    },
    handler: async (req, reply) => {
      const me = req.staff!;
      const { task } = await taskAndItem(store, req.params.id);
      const object = await taskSubject(store, task, me.id);
      // Whoever flagged the task is not told what trust & safety decided (the guidance says
      // so): removed after `reported` or `escalated` is refused like pending or requeued (403).
      const lead = can(req.ability!, 'read', 'Task', {});
      if (task.status === 'removed' && ((object.held && !object.flagged) || lead))
        return gone(reply, task.id);
      authorize(req.ability!, 'read', 'Task', object);
      const opened = await openTask(ctx, { task: task.id, actor: me.id, now: new Date() });
      if (opened.status !== 'open') return gone(reply, task.id);
      return { task: await buildTaskView(req, ctx, opts.rules, opened, object) };
    },
  });

  app.get<{ Params: { id: string } }>(`${REVIEW_API}/tasks/:id/audio`, {
    onRequest: requireStaff('listen', 'Task'),
    schema: {
      tags,
      security,
      summary:
        "A short-lived signed URL for the task's reviewer copy (anonymised, bleeped audio or the re-encoded image)",
      params: taskParams,
      response: {
        200: {
          type: 'object',
          required: ['url', 'expires_at'],
          properties: { url: { type: 'string' }, expires_at: { type: 'string' } },
        },
        ...errors(401, 403, 404, 410),
      },
    },
    handler: async (req, reply) => {
      const me = req.staff!;
      const { task, item } = await taskAndItem(store, req.params.id);
      const object = await taskSubject(store, task, me.id);
      authorize(req.ability!, 'listen', 'Task', object);
      if (task.status === 'removed') return gone(reply, task.id);
      if (task.status !== 'open' || item.derivedMedia === undefined)
        throw new ObhutError('NOT_FOUND', `task ${task.id} has no media to play`);
      const issued = media.issue(me.id, task.id);
      return {
        url: `${REVIEW_API}/media/${issued.token}`,
        expires_at: new Date(issued.expiresMs).toISOString(),
      };
    },
  });

  // No requireStaff here: the signed token is the credential (see src/server/review-media.ts).
  // The handler re-checks the member and their right to listen, and a bearer session if sent.
  app.get<{ Params: { token: string } }>(`${REVIEW_API}/media/:token`, {
    schema: {
      tags,
      summary:
        "Streams a task's reviewer copy for a signed URL from GET /tasks/:id/audio (once, within ~120 s)",
      params: {
        type: 'object',
        required: ['token'],
        properties: { token: { type: 'string', pattern: MEDIA_TOKEN_PATTERN } },
      },
      response: { ...errors(401, 403, 404, 410) },
    },
    handler: async (req, reply) => {
      const nowMs = Date.now();
      const claims = media.verify(req.params.token, nowMs);
      if (!claims) throw expiredLink();
      const member = await store.staff.get(claims.staff);
      if (!member || member.disabled) throw expiredLink();
      if (req.headers.authorization !== undefined) {
        const { staff } = await authenticateStaff(req);
        if (staff.id !== member.id)
          throw new ObhutError('FORBIDDEN', 'this link was issued to another member of staff');
      }
      const { task } = await taskAndItem(store, claims.task);
      const ability = abilityFor(member, nowMs);
      const object = await taskSubject(store, task, member.id);
      authorize(ability, 'listen', 'Task', object);
      if (!media.redeem(claims, nowMs)) throw expiredLink();
      // Logs `listen` (audio) or `view` (image) before any byte goes out.
      const listened = await listenToTask(ctx, {
        task: task.id,
        actor: member.id,
        now: new Date(nowMs),
      });
      if (!listened) return gone(reply, task.id);
      return (
        reply
          .header('content-type', contentType(listened.item, listened.file))
          .header('cache-control', 'no-store')
          .header('content-disposition', 'inline')
          .header('x-content-type-options', 'nosniff')
          // One whole response, no ranges: the token is used up by this request.
          .header('accept-ranges', 'none')
          .send(createReadStream(listened.file))
      );
    },
  });

  app.post<{
    Params: { id: string };
    Body: { transcript?: string; labels: string[] | Record<string, unknown>; comment?: string };
  }>(`${REVIEW_API}/tasks/:id/answer`, {
    onRequest: requireStaff('answer', 'Task'),
    schema: {
      tags,
      security,
      summary: 'Answer a task you hold: the chosen labels and, for audio, a corrected transcript',
      params: taskParams,
      body: {
        type: 'object',
        required: ['labels'],
        additionalProperties: false,
        properties: {
          transcript: { type: 'string', maxLength: 20_000 },
          labels: {
            anyOf: [
              {
                type: 'array',
                maxItems: 200,
                items: { type: 'string', minLength: 1, maxLength: 200 },
              },
              {
                type: 'object',
                maxProperties: 20,
                additionalProperties: {
                  anyOf: [
                    { type: 'string', maxLength: 100 },
                    { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 100 } },
                  ],
                },
              },
            ],
          },
          comment: { type: 'string', maxLength: 2_000 },
        },
      },
      response: {
        201: {
          type: 'object',
          required: ['answer_id', 'done'],
          properties: { answer_id: { type: 'string' }, done: { type: 'boolean' } },
        },
        ...errors(400, 401, 403, 404, 409),
      },
    },
    handler: async (req, reply) => {
      const me = req.staff!;
      const { task, item } = await taskAndItem(store, req.params.id);
      authorize(req.ability!, 'answer', 'Task', await taskSubject(store, task, me.id));
      if (item.view === undefined)
        throw new ObhutError('REVIEW_CONFLICT', `task ${task.id} is no longer open for review`);
      const labels = Array.isArray(req.body.labels)
        ? labelsFromChoices(req.body.labels, item.view.labels)
        : req.body.labels;
      const answer = {
        labels,
        ...(req.body.transcript === undefined ? {} : { transcript: req.body.transcript }),
      };
      // The comment is kept with the answer (plain text); it is not part of any TaskView.
      const { done } = await answerTask(ctx, {
        task: task.id,
        actor: me.id,
        answer,
        ...(req.body.comment === undefined ? {} : { comment: req.body.comment }),
      });
      const id = createHash('sha256').update(`${task.id}\0${me.id}`).digest('hex').slice(0, 32);
      return reply.code(201).send({ answer_id: `ra_${id}`, done });
    },
  });

  app.post<{ Params: { id: string }; Body: { category: string; note?: string } }>(
    `${REVIEW_API}/tasks/:id/flag`,
    {
      onRequest: requireStaff('flag', 'Task'),
      schema: {
        tags,
        security,
        summary: 'Flag harmful content: the task goes to trust & safety and leaves your queue',
        params: taskParams,
        body: {
          type: 'object',
          required: ['category'],
          additionalProperties: false,
          properties: {
            category: { type: 'string', enum: FLAG_CATEGORIES },
            note: { type: 'string', maxLength: 2_000 },
          },
        },
        response: {
          201: {
            type: 'object',
            required: ['flag_id', 'guidance'],
            properties: { flag_id: { type: 'string' }, guidance: { type: 'string' } },
          },
          ...errors(400, 401, 403, 404, 409),
        },
      },
      handler: async (req, reply) => {
        const me = req.staff!;
        const { task } = await taskAndItem(store, req.params.id);
        authorize(req.ability!, 'flag', 'Task', await taskSubject(store, task, me.id));
        const { flag } = await flagTask(ctx, { task: task.id, actor: me.id, flag: req.body });
        const lang = guidanceLang(req.headers['accept-language']);
        return reply
          .code(201)
          .header('content-language', lang)
          .header('vary', 'Accept-Language')
          .send({ flag_id: flag, guidance: flagGuidance(lang, opts.support) });
      },
    },
  );

  app.post<{ Params: { id: string }; Body: { reason?: string } | undefined }>(
    `${REVIEW_API}/tasks/:id/release`,
    {
      onRequest: requireStaff('release', 'Task'),
      schema: {
        tags,
        security,
        summary: 'Give a task back without answering (no penalty; the reason is not recorded)',
        params: taskParams,
        body: {
          type: ['object', 'null'],
          additionalProperties: false,
          properties: { reason: { type: 'string', enum: ['uncomfortable', 'other'] } },
        },
        response: { 204: { type: 'null' }, ...errors(400, 401, 403, 404, 409) },
      },
      handler: async (req, reply) => {
        const me = req.staff!;
        const { task } = await taskAndItem(store, req.params.id);
        authorize(req.ability!, 'release', 'Task', await taskSubject(store, task, me.id));
        await releaseTask(ctx, { task: task.id, actor: me.id });
        return reply.code(204).send();
      },
    },
  );

  app.get(`${REVIEW_API}/queue`, {
    onRequest: requireStaff('read', 'Queue'),
    schema: {
      tags,
      security,
      summary:
        "How many tasks are open, assigned, done, flagged and removed, and today's exposure across reviewers (counts only)",
      response: {
        200: {
          type: 'object',
          required: ['open', 'assigned', 'done', 'flagged', 'removed', 'exposure'],
          properties: {
            open: { type: 'integer' },
            assigned: { type: 'integer' },
            done: { type: 'integer' },
            flagged: { type: 'integer' },
            removed: { type: 'integer' },
            // Aggregates only: no reviewer is named.
            exposure: {
              type: 'object',
              required: [
                'reviewers_today',
                'median_minutes',
                'max_minutes',
                'at_limit',
                'limit_minutes',
              ],
              properties: {
                reviewers_today: { type: 'integer' },
                median_minutes: { type: 'number' },
                max_minutes: { type: 'number' },
                at_limit: { type: 'integer' },
                limit_minutes: { type: 'integer' },
              },
            },
          },
        },
        ...errors(401, 403),
      },
    },
    handler: async () => {
      const now = new Date();
      const c = await store.review.queueCounts(now);
      const exposure = summariseExposure(
        [...(await store.review.exposureByReviewer(now)).values()],
        opts.rules,
      );
      return {
        open: c.open,
        assigned: c.assigned,
        done: c.done,
        flagged: c.flagged,
        removed: c.removed,
        exposure: {
          reviewers_today: exposure.reviewers,
          median_minutes: exposure.medianMinutes,
          max_minutes: exposure.maxMinutes,
          at_limit: exposure.atLimit,
          limit_minutes: exposure.limitMinutes,
        },
      };
    },
  });
}

/** The per-member quota, where an admin set one, overrides the deployment's. */
function rulesFor(rules: AssignmentRules, member: StaffMember): AssignmentRules {
  return member.dailyQuota === undefined ? rules : { ...rules, dailyQuota: member.dailyQuota };
}

/** The member's assignment of a task, as the policy's conditions read it (`taskSubject`). */
interface TaskSubject {
  readonly id: string;
  readonly assignee?: string;
  readonly expires_at?: string;
  /** They ever held the task… */
  readonly held: boolean;
  /** …and flagged it. */
  readonly flagged: boolean;
}

/**
 * A task as the policy's conditions read it: `assignee` and `expires_at` of the member's own
 * assignment while it is active (a reviewer passes only then); `held` when they ever had one,
 * `flagged` when that one ended in their flag.
 */
async function taskSubject(store: Store, task: ReviewTask, staff: string): Promise<TaskSubject> {
  const a = await store.review.assignment(task.id, staff);
  if (!a) return { id: task.id, held: false, flagged: false };
  return a.state === 'active'
    ? { id: task.id, assignee: a.reviewer, expires_at: a.expiresAt, held: true, flagged: false }
    : { id: task.id, held: true, flagged: a.state === 'flagged' };
}

/** The content part of a TaskView: redacted text or transcript, bleeped ranges, label choices. */
export async function taskContent(
  home: string,
  task: ReviewTask,
  item: ReviewItem,
  view: ReviewView,
) {
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
  };
}

/**
 * The whole TaskView for the member asking, projected through the policy: an opened task and
 * the member's assignment of it (`object`, as the route already checked it).
 */
async function buildTaskView(
  req: FastifyRequest,
  ctx: ReviewContext,
  rules: AssignmentRules,
  { task, item, view }: { task: ReviewTask; item: ReviewItem; view: ReviewView },
  object: Pick<TaskSubject, 'assignee' | 'expires_at'>,
) {
  const me = req.staff!;
  const ability: AppAbility = req.ability!;
  const now = new Date();
  const leadView = can(ability, 'read', 'Task', {});
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
  return project(ability, 'read', 'Task', full);
}

/**
 * The label choices of a task's form, as the API's `labels: string[]`: each option of each
 * label, plain when no other label has the same option, else `label:option`.
 */
export function labelChoices(schema: LabelsSchema): string[] {
  return choiceTable(schema).map((c) => c.choice);
}

function choiceTable(schema: LabelsSchema) {
  const count = new Map<string, number>();
  for (const label of schema)
    for (const option of label.options) count.set(option, (count.get(option) ?? 0) + 1);
  return schema.flatMap((label) =>
    label.options.map((option) => ({
      choice: count.get(option) === 1 ? option : `${label.name}:${option}`,
      name: label.name,
      option,
    })),
  );
}

/** Maps chosen `labels: string[]` back onto the task's labels, for `validateAnswer`. */
export function labelsFromChoices(
  chosen: readonly string[],
  schema: LabelsSchema,
): Record<string, string | string[]> {
  const table = new Map(choiceTable(schema).map((c) => [c.choice, c]));
  const byName = new Map<string, string[]>();
  for (const choice of chosen) {
    const c = table.get(choice);
    if (!c)
      throw new ObhutError(
        'REQUEST_INVALID',
        `labels: "${choice.slice(0, 100)}" is not one of ${[...table.keys()].join(', ')}`,
      );
    byName.set(c.name, [...(byName.get(c.name) ?? []), c.option]);
  }
  const out: Record<string, string | string[]> = {};
  for (const label of schema) {
    const options = byName.get(label.name);
    if (options === undefined) continue;
    out[label.name] = label.multiple || options.length > 1 ? options : options[0]!;
  }
  return out;
}

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
};

function contentType(item: ReviewItem, file: string): string {
  if (item.kind === 'audio') return 'audio/wav';
  return IMAGE_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** 410 with the design's code: the subject objected meanwhile, the task was taken out. */
export function gone(reply: FastifyReply, task: string) {
  return reply
    .code(410)
    .send(
      errorBody(
        'REVIEW_CONFLICT',
        `task ${task} was removed from review (it is no longer available)`,
      ),
    );
}

function expiredLink(): ObhutError {
  return new ObhutError(
    'UNAUTHENTICATED',
    'this media link is invalid, used or expired; ask for a new one',
  );
}
