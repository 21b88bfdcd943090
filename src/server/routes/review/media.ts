import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import {
  MEDIA_TOKEN_PATTERN,
  type MediaTokens,
  type ReviewContext,
  redeemMediaLink,
} from '../../../review/index.js';
import { errors } from '../../schemas.js';
import { authenticateStaff } from '../../staff-auth.js';
import { REVIEW_API, TAGS } from './common.js';

/**
 * The media stream behind a signed link from GET /tasks/:id/audio. No requireStaff here: the
 * signed token is the credential (see src/review/media-tokens.ts); the service re-checks the
 * member and their right to listen, and a bearer session if one is sent.
 */
export function registerMediaRoutes(app: FastifyInstance, ctx: ReviewContext, media: MediaTokens) {
  app.get<{ Params: { token: string } }>(`${REVIEW_API}/media/:token`, {
    schema: {
      tags: TAGS,
      operationId: 'streamTaskMedia',
      // The signed token in the path is the credential; a bearer staff session, if sent, must be valid too.
      security: [{}, { staff: [] }],
      summary:
        "Streams a task's reviewer copy for a signed URL from GET /tasks/:id/audio (once, within ~120 s)",
      params: {
        type: 'object',
        required: ['token'],
        properties: { token: { type: 'string', pattern: MEDIA_TOKEN_PATTERN } },
      },
      response: {
        // Streamed from the file, so never serialised through this schema.
        200: {
          description: 'the reviewer copy: bleeped audio as WAV, or the re-encoded image',
          content: {
            'audio/wav': { schema: { type: 'string', contentMediaType: 'audio/wav' } },
            'image/*': { schema: { type: 'string', contentMediaType: 'image/*' } },
          },
        },
        ...errors(401, 403, 404, 410),
      },
    },
    handler: async (req, reply) => {
      const sent = req.headers.authorization !== undefined;
      const { file, contentType } = await redeemMediaLink(ctx, media, req.params.token, {
        nowMs: Date.now(),
        ...(sent ? { sessionStaff: async () => (await authenticateStaff(req)).staff } : {}),
      });
      return (
        reply
          .header('content-type', contentType)
          .header('cache-control', 'no-store')
          .header('content-disposition', 'inline')
          .header('x-content-type-options', 'nosniff')
          // One whole response, no ranges: the token is used up by this request.
          .header('accept-ranges', 'none')
          .send(createReadStream(file))
      );
    },
  });
}
