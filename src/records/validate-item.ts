import {
  AGES,
  type Age,
  ITEM_KINDS,
  type ItemFacts,
  type ItemKind,
  LEGAL_BASES,
  type SubjectAccount,
  VISIBILITIES,
  type Visibility,
} from './item-record.js';
import { normaliseRegion } from './regions.js';
import { isRfc3339 } from './time.js';
import { isWellFormed } from './unicode.js';

export type Validation<T> = { ok: true; value: T } | { ok: false; error: string };

/** Field name Obhut adds to admitted records; an input record may not carry it already. */
export const PROVENANCE_FIELD = '_obhut';

const MAX_ID_LENGTH = 512;

// Hand-written rather than a schema library: this runs once per input record on the hot path
// of every build, and the error texts name the exact field for the rejected.jsonl report.
export function validateItem(value: unknown): Validation<ItemFacts> {
  if (!isObject(value)) return fail('record is not a JSON object');
  const { id, kind, text, media, subject, visibility, created_at, source, signals } = value;
  if (typeof id !== 'string' || id.length === 0)
    return fail('"id" is required and must be a non-empty string');
  if (id.length > MAX_ID_LENGTH) return fail(`"id" is longer than ${MAX_ID_LENGTH} characters`);
  if (!isWellFormed(id)) return fail('"id" holds a lone surrogate (not valid Unicode)');
  if (!includes(ITEM_KINDS, kind)) return fail(`"kind" must be one of ${ITEM_KINDS.join(', ')}`);
  if (text !== undefined && typeof text !== 'string') return fail('"text" must be a string');
  if (kind === 'text' && (typeof text !== 'string' || text.length === 0)) {
    return fail('a text item needs a non-empty "text"');
  }
  if (media !== undefined && (typeof media !== 'string' || media.length === 0)) {
    return fail('"media" must be a non-empty string (a path relative to the input file)');
  }
  if (visibility !== undefined && !includes(VISIBILITIES, visibility)) {
    return fail(`"visibility" must be one of ${VISIBILITIES.join(', ')}`);
  }
  if (created_at !== undefined && !isRfc3339(created_at)) {
    return fail('"created_at" must be an RFC 3339 date-time with a time zone');
  }
  const sourceError = checkSource(source);
  if (sourceError) return fail(sourceError);
  if (signals !== undefined) {
    if (!isObject(signals)) return fail('"signals" must be an object');
    if (signals.tdm_reserved !== undefined && typeof signals.tdm_reserved !== 'boolean') {
      return fail('"signals.tdm_reserved" must be true or false');
    }
  }
  if (Object.hasOwn(value, PROVENANCE_FIELD)) {
    return fail(`"${PROVENANCE_FIELD}" is reserved for the provenance Obhut adds`);
  }

  let account: SubjectAccount | undefined;
  let region: string | undefined;
  let age: Age = 'unknown';
  if (subject !== undefined) {
    if (!isObject(subject)) return fail('"subject" must be an object');
    const { platform, account: acct, age: rawAge, region: rawRegion } = subject;
    if (platform !== undefined || acct !== undefined) {
      if (typeof platform !== 'string' || platform.length === 0) {
        return fail(
          '"subject.platform" must be a non-empty string when "subject.account" is given',
        );
      }
      if (typeof acct !== 'string' || acct.length === 0) {
        return fail(
          '"subject.account" must be a non-empty string when "subject.platform" is given',
        );
      }
      if (!isWellFormed(platform) || !isWellFormed(acct)) {
        return fail(
          '"subject.platform" and "subject.account" must be valid Unicode (no lone surrogate)',
        );
      }
      // The pseudonym is the HMAC of "platform\0account": a NUL in the platform would let two
      // subjects, ("a\0b", "c") and ("a", "b\0c"), be read as one.
      if (platform.includes('\0')) {
        return fail('"subject.platform" must not contain a NUL character');
      }
      account = { platform, account: acct };
    }
    if (rawAge !== undefined) {
      if (!includes(AGES, rawAge)) return fail(`"subject.age" must be one of ${AGES.join(', ')}`);
      age = rawAge;
    }
    if (rawRegion !== undefined) {
      region = typeof rawRegion === 'string' ? normaliseRegion(rawRegion) : undefined;
      if (!region) return fail('"subject.region" must be an ISO 3166-1 alpha-2 code such as "DE"');
    }
  }

  return {
    ok: true,
    value: {
      id,
      kind: kind as ItemKind,
      media: media as string | undefined,
      account,
      region,
      age,
      visibility: (visibility as Visibility | undefined) ?? 'public',
      tdmReserved: isObject(signals) && signals.tdm_reserved === true,
    },
  };
}

function checkSource(source: unknown): string | undefined {
  if (source === undefined) return undefined;
  if (!isObject(source)) return '"source" must be an object';
  for (const field of ['url', 'collector', 'dataset', 'license'] as const) {
    if (source[field] !== undefined && typeof source[field] !== 'string') {
      return `"source.${field}" must be a string`;
    }
  }
  if (source.collected_at !== undefined && !isRfc3339(source.collected_at)) {
    return '"source.collected_at" must be an RFC 3339 date-time with a time zone';
  }
  if (source.legal_basis !== undefined && !includes(LEGAL_BASES, source.legal_basis)) {
    return `"source.legal_basis" must be one of ${LEGAL_BASES.join(', ')}`;
  }
  return undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function includes<T extends string>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
