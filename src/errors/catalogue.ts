/**
 * Every error code Obhut can report, with the CLI exit code and HTTP status it maps to.
 * docs/errors.md lists the same codes; a test keeps the two in step.
 */
export const EXIT = { ok: 0, usage: 1, data: 2, internal: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

interface CodeInfo {
  readonly exit: ExitCode;
  readonly http: number;
  readonly summary: string;
}

export const ERROR_CODES = {
  USAGE: {
    exit: EXIT.usage,
    http: 400,
    summary: 'A command was called with missing or invalid arguments.',
  },
  CONFIG_INVALID: {
    exit: EXIT.usage,
    http: 500,
    summary: 'An environment variable or configuration value is invalid.',
  },
  HOME_NOT_INITIALISED: {
    exit: EXIT.usage,
    http: 500,
    summary: 'The home folder has no database yet; run `obhut init`.',
  },
  POLICY_INVALID: {
    exit: EXIT.data,
    http: 422,
    summary: 'The policy file could not be read or does not follow the policy schema.',
  },
  INPUT_UNREADABLE: {
    exit: EXIT.data,
    http: 422,
    summary: 'An input file could not be opened or read.',
  },
  PLAN_INVALID: {
    exit: EXIT.data,
    http: 422,
    summary:
      'A build plan is unreadable, or its inputs, pseudonym key or log checkpoint are not those it pinned.',
  },
  SHARD_INVALID: {
    exit: EXIT.data,
    http: 422,
    summary:
      'A shard folder is incomplete, of another plan, given twice, or missing; nothing was published.',
  },
  QUEUE_NEEDS_POSTGRES: {
    exit: EXIT.usage,
    http: 500,
    summary:
      'Queued builds and `obhut worker` need OBHUT_DATABASE_URL set to PostgreSQL (the queue is pg-boss).',
  },
  QUEUED_BUILD_FAILED: {
    exit: EXIT.data,
    http: 422,
    summary:
      'A shard of a queued build failed on every try; nothing was published, the finished shards are kept.',
  },
  QUEUED_BUILD_NOT_FOUND: {
    exit: EXIT.usage,
    http: 404,
    summary: 'The queue holds no build with this id (never queued, or its jobs were deleted).',
  },
  INPUT_FORMAT_MISMATCH: {
    exit: EXIT.data,
    http: 422,
    summary:
      "An input's first bytes do not match the format its name says (for example gzip data named .jsonl).",
  },
  INPUT_FORMAT_UNSUPPORTED: {
    exit: EXIT.data,
    http: 422,
    summary:
      'An input format this installation cannot read (zstd before Node 22.15, Parquet without its reader).',
  },
  INPUT_CORRUPT: {
    exit: EXIT.data,
    http: 422,
    summary: 'A compressed or Parquet input is truncated or corrupt; nothing was published.',
  },
  INPUT_DECOMPRESSION_LIMIT: {
    exit: EXIT.data,
    http: 413,
    summary:
      'A compressed input expands past the bound in docs/limits.md (a possible decompression bomb).',
  },
  PROVIDER_FACTS_INVALID: {
    exit: EXIT.data,
    http: 422,
    summary:
      'The provider facts file for `obhut docs` could not be read or does not follow its schema.',
  },
  MAPPING_INVALID: {
    exit: EXIT.usage,
    http: 422,
    summary:
      'The --map file could not be read or does not follow the mapping format (docs/mapping.md).',
  },
  RECORD_UNMAPPED: {
    exit: EXIT.data,
    http: 422,
    summary:
      'A row could not be mapped to an item record: a value not in a value map, or a bad time.',
  },
  OUTPUT_EXISTS: {
    exit: EXIT.usage,
    http: 409,
    summary: 'The output folder already exists; choose another or pass --overwrite.',
  },
  OUTPUT_LOCKED: {
    exit: EXIT.usage,
    http: 409,
    summary: 'Another build is writing to the same output folder; wait for it to finish.',
  },
  OUTPUT_UNWRITABLE: {
    exit: EXIT.usage,
    http: 500,
    summary: 'A file Obhut was asked to write could not be written; the message names it.',
  },
  RECORDS_REJECTED: {
    exit: EXIT.data,
    http: 422,
    summary: 'Some records were rejected and --strict was given, so nothing was published.',
  },
  CONSENT_LINES_REJECTED: {
    exit: EXIT.data,
    http: 422,
    summary: 'Some consent event lines were rejected; the valid ones were imported.',
  },
  PII_LINES_REJECTED: {
    exit: EXIT.data,
    http: 422,
    summary: 'Some lines given to `obhut pii` were unreadable; the others were processed.',
  },
  RECORD_INVALID: {
    exit: EXIT.data,
    http: 422,
    summary: 'A record does not follow its format (the message names the field).',
  },
  RECORD_NOT_JSON: { exit: EXIT.data, http: 400, summary: 'A line is not a JSON object.' },
  RECORD_NOT_UTF8: { exit: EXIT.data, http: 400, summary: 'A line is not valid UTF-8.' },
  RECORD_TOO_LARGE: {
    exit: EXIT.data,
    http: 413,
    summary: 'A line is longer than the limit (16 MiB).',
  },
  RECORD_DUPLICATE_KEY: {
    exit: EXIT.data,
    http: 400,
    summary: 'A JSON object repeats a key (I-JSON, RFC 7493); the message names its path.',
  },
  RECORD_TOO_DEEP: {
    exit: EXIT.data,
    http: 400,
    summary: 'A record nests objects and arrays deeper than the limit (64 levels).',
  },
  RECORD_DUPLICATE_ID: {
    exit: EXIT.data,
    http: 409,
    summary: 'A record id appeared earlier in the same build.',
  },
  MEDIA_INVALID: {
    exit: EXIT.data,
    http: 422,
    summary: 'A media path escapes the input folder, or the file is missing or too large.',
  },
  TAR_INVALID: {
    exit: EXIT.data,
    http: 422,
    summary: 'A .tar input is truncated or malformed; the message names the member and offset.',
  },
  SAMPLE_INVALID: {
    exit: EXIT.data,
    http: 422,
    summary:
      'A WebDataset sample has no usable `.json` record, or its media is ambiguous or too large.',
  },
  WARC_INVALID: {
    exit: EXIT.data,
    http: 422,
    summary:
      'A WARC record is truncated or malformed (its byte offset is named), or a --signals file cannot be read.',
  },
  IMAGE_INVALID: {
    exit: EXIT.data,
    http: 422,
    summary: 'An image file could not be decoded: unknown format, corrupt or truncated.',
  },
  IMAGE_TOO_LARGE: {
    exit: EXIT.data,
    http: 413,
    summary: 'An image file is over the byte or pixel limit (a possible decompression bomb).',
  },
  AUDIO_INVALID: {
    exit: EXIT.data,
    http: 422,
    summary:
      'An audio file could not be decoded: not RIFF/WAVE, unsupported encoding, or truncated.',
  },
  AUDIO_TOO_LARGE: {
    exit: EXIT.data,
    http: 413,
    summary: 'An audio file is over the byte or duration limit.',
  },
  BANK_INVALID: {
    exit: EXIT.data,
    http: 422,
    summary: 'A hash bank file has bad lines, or conflicts with the bank it is imported into.',
  },
  QUARANTINE_FAILED: {
    exit: EXIT.data,
    http: 500,
    summary:
      'A quarantined file could not be encrypted or decrypted (wrong key, or it was changed).',
  },
  STORE_FAILED: {
    exit: EXIT.internal,
    http: 503,
    summary: 'The database could not be reached or a query failed.',
  },
  NOT_FOUND: {
    exit: EXIT.usage,
    http: 404,
    summary: 'The log entry, checkpoint, build, receipt or request asked for does not exist.',
  },
  BUILD_UNKNOWN: {
    exit: EXIT.usage,
    http: 404,
    summary: 'A model was registered for a build id that no recorded build has.',
  },
  MODEL_EXISTS: {
    exit: EXIT.usage,
    http: 409,
    summary: 'The model name and version is registered already; use a new version.',
  },
  LOG_CORRUPT: {
    exit: EXIT.internal,
    http: 500,
    summary: 'The stored log disagrees with its own checkpoints; stop writing and investigate.',
  },
  VERIFY_FAILED: {
    exit: EXIT.data,
    http: 422,
    summary: 'A receipt, checkpoint or proof did not verify (the message says which step failed).',
  },
  RECEIPT_INVALID: {
    exit: EXIT.data,
    http: 400,
    summary: 'A receipt or proof file is not in a format Obhut reads.',
  },
  REQUEST_INVALID: {
    exit: EXIT.usage,
    http: 400,
    summary: 'An API request failed validation; `fields` names each bad field.',
  },
  UNAUTHENTICATED: {
    exit: EXIT.usage,
    http: 401,
    summary: 'The session, platform token or one-time code is missing, wrong or expired.',
  },
  LINK_TOKEN_INVALID: {
    exit: EXIT.usage,
    http: 401,
    summary:
      "A platform's link token was refused: not a JWT, unknown platform, an algorithm or key other than the platform's, or a bad claim.",
  },
  LINK_TOKEN_EXPIRED: {
    exit: EXIT.usage,
    http: 401,
    summary: "A platform's link token is past its exp (beyond the clock allowance).",
  },
  TOKEN_ALREADY_USED: {
    exit: EXIT.usage,
    http: 409,
    summary: 'The platform link token was already exchanged for a session; each is used once.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    exit: EXIT.usage,
    http: 422,
    summary: 'The Idempotency-Key was used before with a different request body.',
  },
  IDEMPOTENCY_KEY_IN_USE: {
    exit: EXIT.usage,
    http: 409,
    summary:
      'A request under this Idempotency-Key is still running; retry after Retry-After for its answer.',
  },
  FORBIDDEN: {
    exit: EXIT.usage,
    http: 403,
    summary: 'The caller may not use this route or see this data.',
  },
  USERNAME_TAKEN: {
    exit: EXIT.usage,
    http: 409,
    summary: 'A member of staff with that username already exists.',
  },
  REVIEW_CONFLICT: {
    exit: EXIT.usage,
    http: 409,
    summary:
      'The review task or request is no longer in a state that allows this (closed, expired, already decided).',
  },
  RATE_LIMITED: {
    exit: EXIT.usage,
    http: 429,
    summary: 'Too many requests from one address or identity; retry after the given time.',
  },
  SIGN_IN_LOCKED: {
    exit: EXIT.usage,
    http: 429,
    summary:
      'Too many failed sign-ins for this username; sign-ins for it are refused until Retry-After.',
  },
  PAYLOAD_TOO_LARGE: {
    exit: EXIT.usage,
    http: 413,
    summary: 'A request body is larger than the limit.',
  },
  CANARY_FAILED: {
    exit: EXIT.data,
    http: 503,
    summary: 'A step of the public consent flow failed in `obhut canary`.',
  },
  INTERNAL: {
    exit: EXIT.internal,
    http: 500,
    summary: 'An unexpected internal error (a bug); please report it.',
  },
} as const satisfies Record<string, CodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;
