import { type ErrorCode, EXIT, ObhutError } from '../errors/index.js';

/** A file a per-file command could not handle, kept in its output in input order. */
export interface FileFailure {
  readonly path: string;
  readonly error: { readonly code: ErrorCode; readonly message: string };
}

/**
 * Runs `work` for one file of a command that takes many. One bad file must not stop the
 * others: its error goes to stderr with the path, the command exits 2 at the end.
 */
export async function perFile<T>(path: string, work: () => Promise<T>): Promise<T | FileFailure> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof ObhutError)) throw err;
    process.stderr.write(`obhut: error [${err.code}]: ${path}: ${err.message}\n`);
    process.exitCode = EXIT.data;
    return { path, error: { code: err.code, message: err.message } };
  }
}
