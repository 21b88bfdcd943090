import type { FastifyInstance, FastifyRequest } from 'fastify';
import { proveSubject } from '../../gate/subjects-proof.js';
import { SubjectsTree } from '../../gate/subjects-tree.js';
import type { PortalSessions, SessionClaims } from '../../identity/index.js';
import type { TransparencyLog } from '../../log/index.js';
import type { Store } from '../../store/index.js';
import { requireSession } from '../auth.js';
import { errors } from '../schemas.js';

// Subject trees of recent builds stay in memory: a build's list is read once, not per request.
const CACHED_BUILDS = 4;

/**
 * For each recorded build: was this person in it, did the build come after their objection,
 * and the proof (membership, or the two neighbours that show absence) anyone can check.
 */
export async function buildRoutes(
  app: FastifyInstance,
  opts: { store: Store; log: TransparencyLog; tokens: PortalSessions },
) {
  const { store, log } = opts;
  const cache = new Map<string, SubjectsTree>();
  // onRequest: a caller without a session is refused before the body is read or validated.
  app.addHook('onRequest', requireSession(opts.tokens));
  const me = (req: FastifyRequest): SessionClaims => req.subjectSession!;

  async function treeOf(buildId: string): Promise<SubjectsTree | undefined> {
    let tree = cache.get(buildId);
    if (!tree) {
      const sorted = await store.buildSubjects(buildId);
      if (!sorted) return undefined;
      tree = new SubjectsTree(sorted);
      cache.set(buildId, tree);
      if (cache.size > CACHED_BUILDS) cache.delete(cache.keys().next().value!);
    }
    return tree;
  }

  app.get('/api/v1/me/builds', {
    schema: {
      tags: ['me'],
      security: [{ session: [] }],
      operationId: 'listMyBuilds',
      summary: 'Dataset builds: whether your data was in each, and a proof you can check',
      response: {
        200: {
          type: 'object',
          required: ['builds'],
          properties: {
            builds: {
              type: 'array',
              items: {
                type: 'object',
                required: [
                  'build_id',
                  'created_at',
                  'purpose',
                  'status',
                  'after_objection',
                  'proof',
                ],
                properties: {
                  build_id: { type: 'string' },
                  created_at: { type: 'string' },
                  purpose: { type: 'string' },
                  status: { type: 'string', enum: ['included', 'left_out'] },
                  after_objection: { type: 'boolean' },
                  proof: { type: 'object', additionalProperties: true },
                },
              },
            },
          },
        },
        ...errors(401),
      },
    },
    handler: async (req) => {
      const subject = me(req).sub;
      const events = await store.consentEventsOf(subject);
      const builds = [];
      for (const build of (await store.listBuilds()).reverse()) {
        if (!build.buildId || build.logIndex === undefined || !build.subjectsRoot) continue;
        const tree = await treeOf(build.buildId);
        if (!tree) continue;
        const proof = proveSubject(
          tree,
          Buffer.from(subject, 'hex'),
          {
            build_id: build.buildId,
            manifest_sha256: build.manifestSha256,
            subjects_root: build.subjectsRoot,
          },
          await log.receiptAt(build.logIndex),
        );
        // The build honoured the register up to its checkpoint: an objection logged before it counts.
        const afterObjection = events.some(
          (e) =>
            e.purpose === build.purpose &&
            e.action === 'object' &&
            e.logIndex !== undefined &&
            e.logIndex < (build.checkpointSize ?? 0),
        );
        builds.push({
          build_id: build.buildId,
          created_at: build.createdAt,
          purpose: build.purpose,
          status: proof.member ? 'included' : 'left_out',
          after_objection: afterObjection,
          proof,
        });
      }
      return { builds };
    },
  });
}
