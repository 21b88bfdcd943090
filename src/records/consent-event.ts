import { z } from 'zod';
import { PURPOSES, type Purpose } from './item-record.js';
import { parseRfc3339 } from './time.js';
import { isWellFormed } from './unicode.js';
import type { Validation } from './validate-item.js';
import { formatZodError } from './zod-errors.js';

export const CONSENT_ACTIONS = [
  'object',
  'revoke_objection',
  'consent',
  'withdraw_consent',
] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

export const CONSENT_CHANNELS = ['portal', 'email', 'import', 'api', 'cli'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

const MAX_REFERENCE_LENGTH = 2000;
const UNICODE = { message: 'must be valid Unicode (no lone surrogate)' };

const consentEventSchema = z.strictObject({
  platform: z.string().min(1).max(200).refine(isWellFormed, UNICODE),
  account: z.string().min(1).max(1000).refine(isWellFormed, UNICODE),
  purpose: z.enum(PURPOSES),
  action: z.enum(CONSENT_ACTIONS),
  at: z.string().refine((v) => parseRfc3339(v) !== undefined, {
    message: 'must be an RFC 3339 date-time with a time zone',
  }),
  channel: z.enum(CONSENT_CHANNELS),
  reference: z.string().max(MAX_REFERENCE_LENGTH).optional(),
});

/** A consent event (v1) as written in an import file, before the account is pseudonymised. */
export type ConsentEventInput = z.infer<typeof consentEventSchema>;

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

export function validateConsentEvent(value: unknown): Validation<ConsentEventInput> {
  const parsed = consentEventSchema.safeParse(value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: formatZodError(parsed.error) };
}
