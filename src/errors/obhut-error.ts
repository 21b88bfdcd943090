import { ERROR_CODES, type ErrorCode, type ExitCode } from './catalogue.js';

/** The one error type Obhut throws on purpose; `code` is stable, the message is for people. */
export class ObhutError extends Error {
  override readonly name = 'ObhutError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get exitCode(): ExitCode {
    return ERROR_CODES[this.code].exit;
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code].http;
  }
}

/** Wraps an unknown failure from an I/O layer, keeping ObhutErrors as they are. */
export function wrapError(err: unknown, code: ErrorCode, message: string): ObhutError {
  if (err instanceof ObhutError) return err;
  return new ObhutError(code, `${message}: ${err instanceof Error ? err.message : String(err)}`, {
    cause: err,
  });
}
