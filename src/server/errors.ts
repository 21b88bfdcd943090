import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODES, type ErrorCode, ObhutError } from '../errors/index.js';
import { fromNoteError } from '../log/index.js';

export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** The one error body the API sends: a stable code, a message, and field errors for 400s. */
export function errorBody(code: ErrorCode, message: string, fields?: readonly FieldError[]) {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}

export function sendError(reply: FastifyReply, code: ErrorCode, message: string) {
  return reply.code(ERROR_CODES[code].http).send(errorBody(code, message));
}

/**
 * Maps anything thrown in a route to the catalogue's status and code. Server-side failures get
 * a generic message: their details (SQL, paths) are for the log, not for the caller.
 */
export function handleError(
  raw: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const err = fromNoteError(raw) as FastifyError | Error;
  if ('validation' in err && err.validation) {
    const fields = err.validation.map((v) => {
      const params = v.params as { missingProperty?: string; additionalProperty?: string };
      const at = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
      const leaf = params.missingProperty ?? params.additionalProperty;
      return {
        path: [err.validationContext, at, leaf].filter(Boolean).join('.'),
        message: v.message ?? 'is invalid',
      };
    });
    return reply
      .code(400)
      .send(errorBody('REQUEST_INVALID', 'the request has invalid fields', fields));
  }
  if (err instanceof ObhutError) {
    if (err.httpStatus >= 500) request.log.error({ code: err.code, err }, 'request failed');
    const message =
      err.httpStatus >= 500 ? 'the server could not complete the request' : err.message;
    return reply.code(err.httpStatus).send(errorBody(err.code, message));
  }
  const status = (err as FastifyError).statusCode;
  if (status === 413) {
    return reply.code(413).send(errorBody('PAYLOAD_TOO_LARGE', 'the request body is too large'));
  }
  if (status === 429) return reply.code(429).send(errorBody('RATE_LIMITED', err.message));
  if (status && status >= 400 && status < 500) {
    return reply.code(status).send(errorBody('REQUEST_INVALID', err.message));
  }
  request.log.error({ err }, 'unexpected error');
  return reply
    .code(500)
    .send(errorBody('INTERNAL', 'an unexpected error occurred; it has been logged'));
}
