import type { FastifyInstance } from 'fastify';
import { ObhutError } from '../../errors/index.js';
import { decodeEntry, parseDecimal, type TransparencyLog } from '../../log/index.js';
import { leafHash } from '../../merkle/index.js';
import { errors } from '../schemas.js';

const proofSchema = {
  type: 'object',
  required: ['size', 'proof'],
  properties: {
    index: { type: 'integer' },
    old_size: { type: 'integer' },
    size: { type: 'integer' },
    proof: { type: 'array', items: { type: 'string' } },
  },
} as const;

/** A plain-text answer (sent as a string, so never serialised through this schema). */
const signedNote = (description: string) =>
  ({ description, content: { 'text/plain': { schema: { type: 'string' } } } }) as const;

const sizeQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { size: { type: 'string', pattern: '^(0|[1-9][0-9]{0,15})$' } },
} as const;

/** The log is public: anyone may read checkpoints, entries and proofs and audit it. */
export async function publicLogRoutes(
  app: FastifyInstance,
  opts: { log: TransparencyLog; emailLogin: boolean },
) {
  const { log } = opts;
  const tags = ['log'];

  app.get('/api/v1/config', {
    schema: {
      tags: ['portal'],
      operationId: 'getConfig',
      security: [],
      summary: 'What the portal needs to know about this deployment',
      response: {
        200: {
          type: 'object',
          required: ['log_origin', 'verifier_key', 'email_login'],
          properties: {
            log_origin: { type: 'string' },
            verifier_key: { type: 'string' },
            email_login: { type: 'boolean' },
          },
        },
      },
    },
    handler: async () => ({
      log_origin: log.origin,
      verifier_key: log.verifierKey,
      email_login: opts.emailLogin,
    }),
  });

  app.get('/api/v1/log/key', {
    schema: {
      tags,
      operationId: 'getVerifierKey',
      security: [],
      summary: 'The verifier key, in signed-note form',
      response: { 200: signedNote('the verifier key, one line') },
    },
    handler: async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send(`${log.verifierKey}\n`),
  });

  app.get<{ Querystring: { size?: string } }>('/api/v1/log/checkpoint', {
    schema: {
      tags,
      operationId: 'getCheckpoint',
      security: [],
      summary: 'The latest signed checkpoint (or the one at ?size=), exactly as signed',
      querystring: sizeQuery,
      response: {
        200: signedNote('the signed checkpoint note (C2SP tlog-checkpoint)'),
        ...errors(404),
      },
    },
    handler: async (req, reply) => {
      const cp = await log.reader.checkpoint(sizeOf(req.query.size));
      // Checkpoints change with every batch; caches must not serve an old one as the latest.
      if (req.query.size === undefined) reply.header('cache-control', 'no-cache');
      return reply.type('text/plain; charset=utf-8').send(cp.note);
    },
  });

  app.get<{ Params: { index: string } }>('/api/v1/log/entries/:index', {
    schema: {
      tags,
      operationId: 'getLogEntry',
      security: [],
      summary: 'One log entry',
      params: {
        type: 'object',
        properties: { index: { type: 'string', pattern: '^(0|[1-9][0-9]{0,15})$' } },
      },
      response: {
        200: {
          type: 'object',
          required: ['index', 'entry', 'leaf_hash'],
          properties: {
            index: { type: 'integer' },
            entry: { type: 'string' },
            leaf_hash: { type: 'string' },
            decoded: { type: ['object', 'null'], additionalProperties: true },
          },
        },
        ...errors(404),
      },
    },
    handler: async (req) => {
      const index = sizeOf(req.params.index)!;
      const entry = await log.reader.entry(index);
      const decoded = decodeEntry(entry);
      return {
        index,
        entry: entry.toString('base64'),
        leaf_hash: leafHash(entry).toString('base64'),
        decoded: decoded.ok ? decoded.entry : null,
      };
    },
  });

  app.get<{ Querystring: { index: string; size?: string } }>('/api/v1/log/proofs/inclusion', {
    schema: {
      tags,
      operationId: 'getInclusionProof',
      security: [],
      summary: 'Inclusion proof of an entry in the tree of the latest (or ?size=) checkpoint',
      querystring: {
        type: 'object',
        required: ['index'],
        additionalProperties: false,
        properties: {
          index: { type: 'string', pattern: '^(0|[1-9][0-9]{0,15})$' },
          size: { type: 'string', pattern: '^(0|[1-9][0-9]{0,15})$' },
        },
      },
      response: { 200: proofSchema, ...errors(400, 404) },
    },
    handler: async (req) => {
      const index = sizeOf(req.query.index)!;
      const size = sizeOf(req.query.size) ?? (await log.reader.checkpoint()).size;
      if (index >= size)
        throw new ObhutError('NOT_FOUND', `entry ${index} is not in the tree of size ${size}`);
      const proof = await log.reader.inclusionProof(index, size);
      return { index, size, proof: proof.map((h) => h.toString('base64')) };
    },
  });

  app.get<{ Querystring: { old: string; size?: string } }>('/api/v1/log/proofs/consistency', {
    schema: {
      tags,
      operationId: 'getConsistencyProof',
      security: [],
      summary: 'Consistency proof between two tree sizes (default: to the latest checkpoint)',
      querystring: {
        type: 'object',
        required: ['old'],
        additionalProperties: false,
        properties: {
          old: { type: 'string', pattern: '^(0|[1-9][0-9]{0,15})$' },
          size: { type: 'string', pattern: '^(0|[1-9][0-9]{0,15})$' },
        },
      },
      response: { 200: proofSchema, ...errors(400, 404) },
    },
    handler: async (req) => {
      const old = sizeOf(req.query.old)!;
      const size = sizeOf(req.query.size) ?? (await log.reader.checkpoint()).size;
      const proof = await log.reader.consistencyProof(old, size);
      return { old_size: old, size, proof: proof.map((h) => h.toString('base64')) };
    },
  });
}

function sizeOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = parseDecimal(text);
  if (n === undefined) throw new ObhutError('REQUEST_INVALID', `${text} is not a size`);
  return n;
}
