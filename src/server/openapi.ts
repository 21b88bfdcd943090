import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { ObhutError } from '../errors/index.js';
import { TOOL_VERSION } from '../version.js';
import { errors } from './schemas.js';

/** What an operationId looks like: lowerCamelCase, a verb first (`getCheckpoint`, `listFlags`). */
export const OPERATION_ID = /^[a-z][a-zA-Z0-9]*$/;

/**
 * The OpenAPI document (/api/openapi.json) and its viewer (/api/docs), built from the routes'
 * schemas. Register it before any route: it collects routes as they are added.
 * test/server/openapi-style.test.ts holds it to Redocly's recommended rules.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Obhut consent API',
        version: TOOL_VERSION,
        description:
          'Objections, consents and requests of the people whose data it is, each recorded in a public transparency log with an offline-verifiable receipt.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      // Relative: the API is served by whatever host serves this document.
      servers: [{ url: '/', description: 'this deployment' }],
      components: {
        securitySchemes: {
          session: {
            type: 'http',
            scheme: 'bearer',
            description: 'a portal session from /api/v1/session/*',
          },
          operator: { type: 'http', scheme: 'bearer', description: 'OBHUT_ADMIN_TOKEN' },
          staff: { type: 'http', scheme: 'bearer', description: 'a review console session' },
          pipeline: {
            type: 'http',
            scheme: 'bearer',
            description: 'OBHUT_REVIEW_PIPELINE_TOKEN (POST /api/review/v1/items only)',
          },
        },
      },
    },
    refResolver: { buildLocalReference: (json) => String(json.$id) },
  });
  app.addHook('onRoute', (route) => {
    if (route.schema?.hide) return;
    // Clients generate method names from operationIds: a route without one fails at start-up,
    // not in a client generator months later.
    if (!route.schema?.operationId || !OPERATION_ID.test(route.schema.operationId)) {
      throw new ObhutError(
        'INTERNAL',
        `route ${route.method} ${route.url} needs a lowerCamelCase operationId in its schema (or schema.hide)`,
      );
    }
    // The rate limit covers every route, so every documented operation may answer 429.
    route.schema.response = { ...errors(429), ...(route.schema.response as object) };
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
