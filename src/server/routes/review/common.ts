import type { FastifyRequest } from 'fastify';
import type { Mailer } from '../../../identity/index.js';
import type { TransparencyLog } from '../../../log/index.js';
import type { AssignmentRules, ReviewActor } from '../../../review/index.js';
import type { Store } from '../../../store/index.js';

export const REVIEW_API = '/api/review/v1';
/** The OpenAPI tags and security of every review route. */
export const TAGS = ['review'];
export const SECURITY = [{ staff: [] }];

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
  /** The bearer token of `POST /items` (OBHUT_REVIEW_PIPELINE_TOKEN); without it the route is off. */
  readonly pipelineToken?: string | undefined;
  /** The folder the media paths of records sent to `POST /items` are relative to (OBHUT_REVIEW_MEDIA_DIR). */
  readonly mediaDir?: string | undefined;
  /** Mails a request's answer to the address the person gave for it (the request queue). */
  readonly mailer?: Mailer;
}

/** Path parameters `{ id }`, an id matching `pattern` (an `ids.*` regular expression). */
export const idParams = (pattern: RegExp) =>
  ({
    type: 'object',
    required: ['id'],
    properties: { id: { type: 'string', pattern: pattern.source } },
  }) as const;

/** The member a request acts for, as `requireStaff` (the route's onRequest hook) set it. */
export function actorOf(req: FastifyRequest): ReviewActor {
  return { staff: req.staff!, ability: req.ability! };
}
