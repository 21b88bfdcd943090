// Brings @fastify/swagger's schema fields (tags, summary) into Fastify's route types.

import type {} from '@fastify/rate-limit';
import type {} from '@fastify/swagger';
import { SUBJECT_REQUEST_KINDS, SUBJECT_REQUEST_STATUSES } from '../consent/subject-requests.js';
import { CONSENT_ACTIONS, PURPOSES } from '../records/index.js';

// JSON Schemas for validation (Ajv, in Fastify) and for the OpenAPI document, in one place.

export const errorSchema = {
  $id: 'Error',
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        fields: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'message'],
            properties: { path: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
} as const;

export const receiptSchema = {
  $id: 'Receipt',
  type: 'object',
  description:
    'An offline-verifiable receipt: the log entry, its inclusion proof and the signed checkpoint. Check it with `obhut verify`.',
  required: [
    'version',
    'entry',
    'index',
    'proof',
    'checkpoint',
    'log_origin',
    'verifier_key',
    'type',
    'meaning',
  ],
  properties: {
    version: { type: 'integer', const: 1 },
    entry: { type: 'string', description: 'base64 of the RFC 8785 entry bytes' },
    index: { type: 'integer' },
    proof: { type: 'array', items: { type: 'string' } },
    checkpoint: { type: 'string', description: 'C2SP signed checkpoint, verbatim' },
    log_origin: { type: 'string' },
    verifier_key: { type: 'string' },
    type: { type: 'string' },
    purpose: { type: 'string' },
    action: { type: 'string' },
    at: { type: 'string' },
    subject: { type: 'string' },
    event_id: { type: 'string' },
    meaning: { type: 'string' },
  },
} as const;

export const subjectRequestSchema = {
  $id: 'SubjectRequest',
  type: 'object',
  required: ['id', 'kind', 'status', 'received_at', 'deadline', 'answer'],
  properties: {
    id: { type: 'string' },
    kind: { type: 'string', enum: SUBJECT_REQUEST_KINDS },
    status: { type: 'string', enum: SUBJECT_REQUEST_STATUSES },
    message: { type: ['string', 'null'] },
    received_at: { type: 'string' },
    deadline: { type: 'string' },
    answer: { type: ['string', 'null'] },
    assignee: { type: ['string', 'null'] },
    notify_by_email: { type: 'boolean' },
  },
} as const;

export const sessionSchema = {
  type: 'object',
  required: ['session', 'expires_at'],
  properties: { session: { type: 'string' }, expires_at: { type: 'string' } },
} as const;

export const purposeEnum = { type: 'string', enum: PURPOSES } as const;
export const actionEnum = { type: 'string', enum: CONSENT_ACTIONS } as const;

export const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [c, { $ref: 'Error#' }]));

export const sharedSchemas = [errorSchema, receiptSchema, subjectRequestSchema];
