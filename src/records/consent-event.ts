import * as z from 'zod';
import { CONSENT_ACTIONS, type ConsentAction } from './consent-actions.js';
import { PURPOSES, type Purpose } from './item-record.js';
import { parseRfc3339 } from './time.js';
import { isWellFormed } from './unicode.js';
import type { Validation } from './validate-item.js';
import { formatZodError } from './zod-errors.js';

export { CONSENT_ACTIONS, type ConsentAction } from './consent-actions.js';

/** Channels a recorded or imported decision can name. */
export const IMPORTABLE_CHANNELS = ['portal', 'email', 'import', 'api', 'cli'] as const;
/**
 * `canary` marks the synthetic decisions `obhut canary` makes through the portal, so anyone
 * reading the public log can tell them from people's. Only a platform-signed link for a
 * reserved account name (CANARY_ACCOUNT_PREFIX) gets it; an import cannot claim it.
 */
export const CONSENT_CHANNELS = [...IMPORTABLE_CHANNELS, 'canary'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** Platform accounts under this prefix are `obhut canary`'s synthetic people, never a person's. */
export const CANARY_ACCOUNT_PREFIX = 'obhut-canary-';

const MAX_REFERENCE_LENGTH = 2000;
const UNICODE = { message: 'must be valid Unicode (no lone surrogate)' };
// A subject's pseudonym is the HMAC of "platform\0account": a NUL inside the platform would let
// ("a\0b", "c") and ("a", "b\0c") name the same subject.
const NO_NUL = { message: 'must not contain a NUL character' };

const consentEventSchema = z.strictObject({
  platform: z
    .string()
    .min(1)
    .max(200)
    .refine(isWellFormed, UNICODE)
    .refine((v) => !v.includes('\0'), NO_NUL),
  account: z.string().min(1).max(1000).refine(isWellFormed, UNICODE),
  purpose: z.enum(PURPOSES),
  action: z.enum(CONSENT_ACTIONS),
  at: z.string().refine((v) => parseRfc3339(v) !== undefined, {
    message: 'must be an RFC 3339 date-time with a time zone',
  }),
  channel: z.enum(IMPORTABLE_CHANNELS),
  reference: z.string().max(MAX_REFERENCE_LENGTH).optional(),
});

/** What the server itself records may also be a canary session's synthetic decision. */
const recordedEventSchema = consentEventSchema.extend({ channel: z.enum(CONSENT_CHANNELS) });

/** A consent event (v1) as written in an import file, before the account is pseudonymised. */
export type ConsentEventInput = z.infer<typeof recordedEventSchema>;

/** A consent event as the store keeps it: keyed by the subject's pseudonym, never the raw account. */
export interface ConsentEvent {
  readonly subject: string;
  readonly purpose: Purpose;
  readonly action: ConsentAction;
  readonly at: string;
  /** `at` in milliseconds since the epoch; events are ordered by it, then by import order. */
  readonly atMs: number;
  readonly channel: ConsentChannel;
  readonly reference: string | undefined;
}

/** `from: 'import'` (the default) refuses the `canary` channel; `'server'` is the portal's own. */
export function validateConsentEvent(
  value: unknown,
  from: 'import' | 'server' = 'import',
): Validation<ConsentEventInput> {
  const parsed = (from === 'server' ? recordedEventSchema : consentEventSchema).safeParse(value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: formatZodError(parsed.error) };
}
