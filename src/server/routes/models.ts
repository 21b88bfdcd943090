import type { FastifyInstance, FastifyRequest } from 'fastify';
import { linkedStatus } from '../../consent/index.js';
import type { PortalSessions, SessionClaims } from '../../identity/index.js';
import { modelsHoldingPerson } from '../../lineage/index.js';
import type { Store } from '../../store/index.js';
import { requireSession } from '../auth.js';
import { errors } from '../schemas.js';

/**
 * The registered models trained on builds that included the signed-in person (any of their
 * linked identities), and, per purpose, whether their objection or withdrawal came after the
 * model was registered. Nothing about anyone else: other models are not listed.
 */
export async function modelRoutes(
  app: FastifyInstance,
  opts: { store: Store; tokens: PortalSessions },
) {
  const { store } = opts;
  // onRequest: a caller without a session is refused before the body is read or validated.
  app.addHook('onRequest', requireSession(opts.tokens));
  const me = (req: FastifyRequest): SessionClaims => req.subjectSession!;

  app.get('/api/v1/me/models', {
    schema: {
      tags: ['me'],
      security: [{ session: [] }],
      operationId: 'listMyModels',
      summary:
        'Models trained on dataset builds that included your data, and whether your objection came after',
      response: {
        200: {
          type: 'object',
          required: ['models'],
          properties: {
            models: {
              type: 'array',
              items: {
                type: 'object',
                required: ['name', 'version', 'registered_at', 'builds', 'decisions'],
                properties: {
                  name: { type: 'string' },
                  version: { type: 'string' },
                  registered_at: { type: 'string' },
                  builds: {
                    description: 'The builds of this model that included your data',
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['build_id', 'purpose'],
                      properties: { build_id: { type: 'string' }, purpose: { type: 'string' } },
                    },
                  },
                  decisions: {
                    description:
                      'Per purpose of those builds: your objection or withdrawal in effect now, if any',
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['purpose', 'state', 'at', 'after_model'],
                      properties: {
                        purpose: { type: 'string' },
                        state: { type: 'string', enum: ['objected', 'withdrawn', 'none'] },
                        at: { type: ['string', 'null'] },
                        after_model: {
                          description:
                            'Your objection or withdrawal took effect after the model was registered',
                          type: 'boolean',
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        ...errors(401),
      },
    },
    handler: async (req) => {
      const now = Date.now();
      const status = await linkedStatus(store, me(req).sub, now);
      return { models: await modelsHoldingPerson(store, status) };
    },
  });
}
