import {
  atLeastBytes,
  flag,
  integer,
  oneOf,
  optionalInteger,
  optionalText,
  section,
  text,
  type Variable,
  type VariableDoc,
} from './config-kinds.js';

// Every OBHUT_* variable Obhut reads: its type, default, bound and one line of documentation,
// in the sections of docs/configuration.md, which test/runtime/config.test.ts keeps equal to
// this. runtime/config.ts parses them; runtime/compose.ts hands them to the parts that use them.
//
// Variables that only tests, benchmarks or the launcher (bin/obhut.js) read are not configuration
// and are not here; docs/configuration.md lists them.

export { parseInteger, type Variable, type VariableDoc } from './config-kinds.js';

/** The pseudonym key's least length; shorter keys are refused. */
export const MIN_SECRET_BYTES = 16;

const home = section('Home, register and keys', {
  OBHUT_HOME: text({
    type: 'path',
    default: '.obhut',
    description:
      'The home folder (database, keys, review media), relative to the current directory.',
  }),
  OBHUT_DATABASE_URL: optionalText({
    type: 'URL',
    unset: 'SQLite in `<home>/obhut.db`',
    check: {
      test: (v) => /^postgres(ql)?:\/\//.test(v),
      rule: 'start with postgres:// or postgresql://',
      bound: '`postgres://…` or `postgresql://…`',
    },
    description: 'A PostgreSQL database that holds the register instead of `<home>/obhut.db`.',
  }),
  OBHUT_SECRET: optionalText({
    type: 'secret',
    unset: '`<home>/secret.key`',
    check: atLeastBytes(MIN_SECRET_BYTES),
    description:
      'The pseudonym key (its UTF-8 bytes); when set, `secret.key` is neither created nor read.',
  }),
  OBHUT_LOG_ORIGIN: optionalText({
    type: 'text',
    unset: '`obhut.local/log`',
    check: {
      // Key names may not contain spaces or '+' (C2SP signed-note); checked here, not at first signing.
      test: (v) => /^[^\s+]+$/u.test(v),
      rule: 'be one word without spaces or "+"',
      bound: 'no spaces or `+`',
    },
    description:
      "The log's origin line and key name, fixed when `obhut init` creates the key; a set value must match the key's.",
  }),
  OBHUT_LOG_KEY: optionalText({
    type: 'secret',
    unset: '`<home>/log.key`',
    description:
      "The log's signing key, `PRIVATE+KEY+origin+keyid+base64`; when set, `log.key` is neither created nor read.",
  }),
  OBHUT_QUARANTINE_KEY: optionalText({
    type: 'secret',
    unset: '`<home>/quarantine.key`',
    check: {
      test: (v) => /^[0-9a-fA-F]{64}$/.test(v.trim()),
      rule: 'be 64 hex digits (a 256-bit key)',
      bound: '64 hex digits',
    },
    description:
      "The quarantine's AES-256 key; when set, `quarantine.key` is neither created nor read.",
  }),
  OBHUT_CONSENT_CLOCK_SKEW_SECONDS: integer({
    min: 0,
    default: 300,
    description:
      '`obhut consent import` rejects events dated more than this after the import, with their line.',
  }),
});

const builds = section('Builds', {
  OBHUT_PII_KEY: optionalText({
    type: 'secret',
    unset: 'a policy using `hash` fails',
    check: atLeastBytes(16),
    description:
      "The key of the `hash` redaction operator (its UTF-8 bytes); a policy's `redact.key_env` may name another variable.",
  }),
});

const queue = section('Build queue (`obhut build --queue`, `obhut worker`)', {
  OBHUT_QUEUE_SCHEMA: text({
    type: 'name',
    default: 'obhut_queue',
    check: {
      test: (v) => /^[a-z_][a-z0-9_]{0,62}$/.test(v),
      rule: 'be a plain lower-case PostgreSQL name',
      bound: '`[a-z_][a-z0-9_]*`, up to 63',
    },
    description:
      "The PostgreSQL schema pg-boss keeps the queued builds' jobs in (created on first use).",
  }),
  OBHUT_QUEUE_LEASE_SECONDS: integer({
    min: 1,
    // pg-boss refuses leases of 24 hours or more.
    max: 82_800,
    default: 3600,
    description:
      "How long a worker holds a shard; a shard not finished by then (its worker killed) is offered again. Set it above a shard's run time.",
  }),
  OBHUT_QUEUE_RETRIES: integer({
    min: 0,
    max: 100,
    default: 3,
    description: 'How many more times a shard that failed or outlived its lease is offered.',
  }),
});

const server = section('Server (`obhut serve`)', {
  OBHUT_PORT: integer({
    min: 0,
    max: 65535,
    default: 8080,
    description:
      'The TCP port `obhut serve` listens on (`--port` overrides it); 0 picks a free one.',
  }),
  OBHUT_HOST: text({
    type: 'address',
    default: '127.0.0.1',
    description: 'The address `obhut serve` listens on (`--host` overrides it).',
  }),
  OBHUT_ADMIN_TOKEN: optionalText({
    type: 'secret',
    unset: 'operator routes answer 403',
    description: 'Bearer token for the operator routes (`/api/v1/operator/*`) and `/metrics`.',
  }),
  OBHUT_SMTP_URL: optionalText({
    type: 'URL',
    unset: 'mail goes to `<home>/outbox/`',
    check: {
      test: (v) => /^smtps?:\/\//.test(v),
      rule: 'start with smtp:// or smtps://',
      bound: '`smtp://…` or `smtps://…`',
    },
    description: 'Where sign-in codes are mailed, e.g. `smtp://user:pass@host:587`.',
  }),
  OBHUT_MAIL_FROM: text({
    default: 'Obhut <no-reply@obhut.local>',
    description: 'The sender of sign-in codes.',
  }),
  OBHUT_RATE_LIMIT_PER_MINUTE: integer({
    min: 1,
    default: 600,
    description: 'Requests per minute per client address, all routes.',
  }),
  OBHUT_SIGN_IN_PER_MINUTE: integer({
    min: 1,
    default: 10,
    description: 'Sign-in attempts per minute per client address.',
  }),
  OBHUT_EVENTS_PER_MINUTE: integer({
    min: 1,
    default: 30,
    description: 'Consent events per minute per person.',
  }),
  OBHUT_TRUST_PROXY: flag({
    description:
      "`1` behind a reverse proxy, so limits apply to the client's address from `X-Forwarded-For`.",
  }),
  OBHUT_LOG_LEVEL: oneOf({
    values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    default: 'info',
    description:
      'Server log level; logs hold method, route template, status and timing, never addresses, tokens or identifiers.',
  }),
  OBHUT_LINK_TOKEN_CLOCK_ALLOWANCE_SECONDS: integer({
    min: 0,
    max: 600,
    default: 60,
    description:
      "How long after its `exp` a platform's link token is still accepted, for clocks that run apart.",
  }),
  // Set short by tests that crash a server mid-delivery (test/webhooks/schedule.test.ts); an
  // operator may lengthen them. The bounds keep a typo from hammering or stalling a receiver.
  OBHUT_WEBHOOK_FIRST_RETRY_MS: integer({
    min: 10,
    max: 3_600_000,
    default: 2000,
    description:
      'Milliseconds before a failed webhook message is first tried again; each further retry waits twice as long, up to an hour.',
  }),
  OBHUT_WEBHOOK_LEASE_MS: integer({
    min: 100,
    max: 3_600_000,
    default: 20_000,
    description:
      "Milliseconds a webhook message claimed by one deliverer is not handed to another: a crashed deliverer's messages wait this long. Keep it above one attempt (10 s) when deliverers share a database.",
  }),
});

const staff = section('Review console sign-in', {
  OBHUT_STAFF_LOCKOUT_ATTEMPTS: integer({
    min: 1,
    max: 1000,
    default: 5,
    description:
      'Failed sign-ins in a row for one username (known or not) before it is locked; a success resets the count.',
  }),
  OBHUT_STAFF_LOCKOUT_MINUTES: integer({
    min: 1,
    max: 24 * 60,
    default: 1,
    description:
      'The first lock, in minutes; each further failure doubles it, up to 60 minutes or this if longer.',
  }),
  OBHUT_STAFF_PASSWORD: optionalText({
    type: 'secret',
    unset: 'asked on the terminal or read from stdin',
    description: 'The password for `obhut staff add` and `obhut staff passwd`.',
  }),
});

const review = section('Review', {
  OBHUT_REVIEW_ASSIGNMENT_MINUTES: integer({
    min: 1,
    default: 30,
    description: 'How long a task stays assigned to a reviewer, in minutes.',
  }),
  OBHUT_REVIEW_DAILY_QUOTA: integer({
    min: 1,
    default: 200,
    description: 'Tasks per reviewer per UTC day (a member may have their own quota).',
  }),
  OBHUT_REVIEW_SUBJECT_CAP: optionalInteger({
    min: 1,
    unset: 'no cap',
    description: 'The most items of one subject a reviewer is given.',
  }),
  OBHUT_REVIEW_EXPOSURE_MINUTES: integer({
    min: 1,
    default: 120,
    description:
      'Exposure per reviewer per UTC day, in minutes: audio given to listen to plus 10 s per image viewed.',
  }),
  OBHUT_REVIEW_RAW_DAYS: integer({
    min: 1,
    default: 30,
    description:
      'Days raw recordings and records are kept (unless a task is open or flagged, or a hold applies).',
  }),
  OBHUT_REVIEW_DERIVED_DAYS: integer({
    min: 1,
    default: 90,
    description: 'Days reviewer copies and redacted views are kept.',
  }),
  OBHUT_REVIEW_PIPELINE_TOKEN: optionalText({
    type: 'secret',
    unset: '`POST /api/review/v1/items` answers 403',
    check: atLeastBytes(MIN_SECRET_BYTES),
    description:
      'Bearer token of `POST /api/review/v1/items` alone: pipelines queue items for review with it, without operator or staff rights.',
  }),
  OBHUT_REVIEW_MEDIA_DIR: optionalText({
    type: 'path',
    unset: 'records sent to `POST /api/review/v1/items` with `media` are rejected',
    description:
      'The folder the `media` paths of records sent to `POST /api/review/v1/items` are relative to (none may leave it).',
  }),
  OBHUT_REVIEW_SUPPORT: optionalText({
    unset: '"talk to your lead"',
    description:
      'Where a reviewer who flagged harmful content gets support (e.g. an employee assistance line).',
  }),
});

/** The environment as Obhut reads it: every OBHUT_* variable, how it is read, and its docs. */
export const CONFIG_SCHEMA = {
  ...home,
  ...builds,
  ...queue,
  ...server,
  ...staff,
  ...review,
};

/** The parsed variables, keyed by name. */
export type Settings = Readonly<{
  [K in keyof typeof CONFIG_SCHEMA]: (typeof CONFIG_SCHEMA)[K] extends Variable<infer T>
    ? T
    : never;
}>;

export type VariableName = keyof Settings & string;

/** The variables in the order docs/configuration.md lists them. */
export const VARIABLE_NAMES = Object.keys(CONFIG_SCHEMA) as VariableName[];

/** The documentation of one variable. */
export function variableDoc(name: VariableName): VariableDoc {
  return CONFIG_SCHEMA[name].doc;
}
