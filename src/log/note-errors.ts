import { ObhutError } from '../errors/index.js';
import { NoteError } from './note.js';

/** NoteError codes in the error catalogue's terms, for the CLI's exit codes and HTTP statuses. */
export function fromNoteError(err: unknown, what = 'the input'): unknown {
  if (!(err instanceof NoteError)) return err;
  switch (err.code) {
    case 'malformed':
      return new ObhutError('RECEIPT_INVALID', `${what}: ${err.message}`, { cause: err });
    case 'invalid_key':
    case 'invalid_input':
      return new ObhutError('USAGE', `${what}: ${err.message}`, { cause: err });
    case 'unverified':
    case 'invalid_signature':
    case 'origin_mismatch':
      return new ObhutError('VERIFY_FAILED', `${what}: ${err.message}`, { cause: err });
  }
}
