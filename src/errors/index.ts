export { ERROR_CODES, type ErrorCode, EXIT, type ExitCode } from './catalogue.js';
export { ObhutError, wrapError } from './obhut-error.js';
