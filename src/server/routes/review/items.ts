import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loadConsentSnapshot } from '../../../consent/index.js';
import { ObhutError } from '../../../errors/index.js';
import { REASONS } from '../../../policy/index.js';
import { enqueueSources } from '../../../review/enqueue.js';
import {
  answerOnce,
  type ItemsResponse,
  itemResults,
  itemsSource,
  KEY_IN_USE_RETRY_AFTER_S,
  MAX_ITEMS_BODY_BYTES,
  MAX_ITEMS_PER_REQUEST,
  parseItemsBody,
  systemClaimKeeping,
} from '../../../review/enqueue-items.js';
import { DEFAULT_LABELS, REVIEW_KINDS } from '../../../review/model.js';
import {
  DEFAULT_REVIEW_POLICY,
  prepareAudio,
  stripImage,
} from '../../../review/reviewer-copies.js';
import { parseLabelsSchema } from '../../../review/validate.js';
import { requirePipeline } from '../../auth.js';
import { errors } from '../../schemas.js';
import { REVIEW_API, type ReviewRouteOptions, TAGS } from './common.js';

interface ItemsBody {
  items: unknown[];
  k?: number;
  labels?: unknown;
}

const resultSchema = {
  type: 'object',
  required: ['index', 'status'],
  properties: {
    index: { type: 'integer', description: "the item's position in `items`, from 0" },
    status: { type: 'string', enum: ['queued', 'excluded', 'rejected'] },
    id: { type: 'string', description: "the record's id, when it has one" },
    item_id: { type: 'string' },
    task_id: { type: 'string' },
    kind: { type: 'string', enum: REVIEW_KINDS },
    reasons: { type: 'array', items: { type: 'string', enum: REASONS } },
    code: { type: 'string' },
    error: { type: 'string' },
  },
} as const;

// The items' own texts and the body's text, by the parsed body they came in: Ajv checks the
// body's shape, the handler queues each item's bytes as sent and fingerprints the body.
const bodies = new WeakMap<object, { readonly text: string; readonly items: readonly string[] }>();

/**
 * `POST /items`: a pipeline queues records for review, decided, redacted and anonymised exactly
 * as `obhut review enqueue` does it (the same `enqueueSources`). Its own plugin scope, so the
 * strict body parser applies to this route alone.
 */
export async function registerItemRoutes(app: FastifyInstance, opts: ReviewRouteOptions) {
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: MAX_ITEMS_BODY_BYTES },
      (_req: FastifyRequest, body: string | Buffer, done) => {
        try {
          const text = body.toString();
          const parsed = parseItemsBody(text);
          if (parsed.value !== null && typeof parsed.value === 'object')
            bodies.set(parsed.value, { text, items: parsed.items });
          done(null, parsed.value);
        } catch (err) {
          done(err as Error, undefined);
        }
      },
    );
    scope.post<{ Body: ItemsBody; Headers: { 'idempotency-key'?: string } }>(
      `${REVIEW_API}/items`,
      {
        onRequest: requirePipeline(opts.pipelineToken),
        bodyLimit: MAX_ITEMS_BODY_BYTES,
        schema: {
          operationId: 'enqueueReviewItems',
          tags: TAGS,
          security: [{ pipeline: [] }],
          headers: {
            type: 'object',
            properties: { 'idempotency-key': { type: 'string', minLength: 8, maxLength: 128 } },
          },
          summary:
            'Queue records for human review (pipelines): decided, redacted and anonymised as `obhut review enqueue` does',
          body: {
            type: 'object',
            required: ['items'],
            additionalProperties: false,
            properties: {
              items: {
                type: 'array',
                minItems: 1,
                maxItems: MAX_ITEMS_PER_REQUEST,
                description:
                  'item records, as in a JSONL input; media paths relative to OBHUT_REVIEW_MEDIA_DIR',
              },
              k: { type: 'integer', minimum: 1, maximum: 20, description: 'reviewers per item' },
              labels: {
                type: 'array',
                description: 'the questions; as `obhut review enqueue --labels`',
              },
            },
          },
          response: {
            200: {
              type: 'object',
              required: ['counts', 'results'],
              properties: {
                counts: {
                  type: 'object',
                  required: ['queued', 'excluded', 'rejected'],
                  properties: {
                    queued: { type: 'integer' },
                    excluded: { type: 'integer' },
                    rejected: { type: 'integer' },
                  },
                },
                results: { type: 'array', items: resultSchema },
              },
            },
            ...errors(400, 401, 403, 409, 413, 415, 422, 429),
          },
        },
        handler: async (req, reply): Promise<ItemsResponse> => {
          const body = bodies.get(req.body);
          if (body === undefined || body.items.length !== req.body.items.length)
            throw new ObhutError('INTERNAL', 'the items were not read by the strict parser');
          const texts = body.items;
          let labels = DEFAULT_LABELS;
          if (req.body.labels !== undefined) {
            const parsed = parseLabelsSchema(req.body.labels);
            if (!parsed.ok) throw new ObhutError('REQUEST_INVALID', `labels: ${parsed.error}`);
            labels = parsed.value;
          }
          const now = new Date();
          const response = await answerOnce(
            opts.store.review,
            req.headers['idempotency-key'],
            body.text,
            now,
            async () => {
              // Every event stored up to now counts: for review the newest objection must win.
              const consent = await loadConsentSnapshot(
                opts.store,
                'human_review',
                now.toISOString(),
                now.getTime(),
              );
              const result = await enqueueSources([itemsSource(texts, opts.mediaDir)], {
                policy: DEFAULT_REVIEW_POLICY,
                consent,
                store: opts.store,
                secret: opts.secret,
                home: opts.home,
                k: req.body.k ?? 1,
                labels,
                prepareAudio,
                prepareImage: stripImage,
                now,
              });
              return itemResults(result, texts.length);
            },
            { ...systemClaimKeeping, warn: (fields, message) => req.log.warn(fields, message) },
          ).catch((err: unknown) => {
            // The error handler sends the code; the wait is a header of this answer alone.
            if (err instanceof ObhutError && err.code === 'IDEMPOTENCY_KEY_IN_USE')
              reply.header('retry-after', String(KEY_IN_USE_RETRY_AFTER_S));
            throw err;
          });
          // Counts only: record ids may name people.
          req.log.info(response.counts, 'review items queued');
          return response;
        },
      },
    );
  });
}
