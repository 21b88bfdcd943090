import canonicalize from 'canonicalize';
import * as z from 'zod';
import { CONSENT_ACTIONS, CONSENT_CHANNELS, PURPOSES } from '../records/index.js';

const HEX64 = /^[0-9a-f]{64}$/;
const BASE64_HASH = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Log entries hold pseudonyms, digests and ids only: the log is public and append-only, so
 * nothing in it may ever need erasing. No raw account id, e-mail or IP address, ever.
 */
const consentEventEntry = z.strictObject({
  type: z.literal('consent_event'),
  version: z.literal(1),
  event_id: z.string().min(1).max(200),
  subject: z.string().regex(HEX64),
  purpose: z.enum(PURPOSES),
  action: z.enum(CONSENT_ACTIONS),
  at: z.string().min(1).max(64),
  channel: z.enum(CONSENT_CHANNELS),
});

const checkpointRef = z.strictObject({
  origin: z.string().min(1).max(256),
  size: z.number().int().nonnegative(),
  root: z.string().regex(BASE64_HASH),
});

const buildEntry = z.strictObject({
  type: z.literal('build'),
  version: z.literal(1),
  build_id: z.string().min(1).max(200),
  purpose: z.enum(PURPOSES),
  manifest_sha256: z.string().regex(HEX64),
  items_root: z.string().regex(HEX64),
  subjects_root: z.string().regex(HEX64),
  /** Binds the tree's size, so a subjects proof cannot be read against another size. */
  subjects_count: z.number().int().nonnegative(),
  consent_checkpoint: checkpointRef,
});

/**
 * A safety finding: a file matched a hash bank and was kept out of a build. Only hashes and ids:
 * the provenance and the report stay in the register, the file in the encrypted quarantine.
 */
const findingEntry = z.strictObject({
  type: z.literal('finding'),
  version: z.literal(1),
  finding_id: z.string().regex(/^[0-9a-f]{16,64}$/),
  bank: z.string().min(1).max(200),
  /** The bank's hash that matched: PDQ or SHA-256 (64 hex digits) or MD5 (32). */
  matched_hash: z.string().regex(/^(?:[0-9a-f]{32}|[0-9a-f]{64})$/),
  file_sha256: z.string().regex(HEX64),
  build_id: z.string().min(1).max(200),
});

/** Who handled a review task's data, and how: a privacy officer answers access requests from these. */
export const ACCESS_ACTIONS = [
  'view',
  'listen',
  'answer',
  'flag',
  'reveal',
  'unmask',
  'release',
] as const;

const accessEntry = z.strictObject({
  type: z.literal('access'),
  version: z.literal(1),
  /** A staff id (`st_` + 16 hex); never a username. */
  actor: z.string().regex(/^st_[0-9a-f]{16}$/),
  task: z.string().regex(/^rt_[0-9a-f]{32}$/),
  /** The subject's pseudonym; absent when the item names no subject. */
  subject: z.string().regex(HEX64).optional(),
  action: z.enum(ACCESS_ACTIONS),
  at: z.string().min(1).max(64),
});

/** A review item's raw part or derivatives were deleted (past retention, or the subject objected). */
const deletionEntry = z.strictObject({
  type: z.literal('deletion'),
  version: z.literal(1),
  item: z.string().regex(/^ri_[0-9a-f]{32}$/),
  what: z.enum(['raw', 'derived']),
  reason: z.enum(['retention', 'objection']),
  at: z.string().min(1).max(64),
});

/**
 * Two identities (pseudonyms, in ascending order) became, or stopped being, one person's: a
 * verified e-mail address and a platform account, linked by the platform or the operator.
 */
const identityLinkEntry = z.strictObject({
  type: z.literal('identity_link'),
  version: z.literal(1),
  link_id: z.string().min(1).max(200),
  subjects: z
    .tuple([z.string().regex(HEX64), z.string().regex(HEX64)])
    .refine(([a, b]) => a < b, 'the two subjects must differ and be in ascending order'),
  action: z.enum(['link', 'unlink']),
  at: z.string().min(1).max(64),
  via: z.enum(['platform', 'operator']),
});

/** A model's name and version: operator data, not personal; bounded and plain so no reading is ambiguous. */
export const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$/;
export const MODEL_VERSION = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/;
/** How many builds one model entry may name (the entry must stay under MAX_ENTRY_BYTES). */
export const MAX_MODEL_BUILDS = 256;

/** A model was trained on these builds: the lineage from a person's data to a model. */
const modelEntry = z.strictObject({
  type: z.literal('model'),
  version: z.literal(1),
  name: z.string().regex(MODEL_NAME),
  model_version: z.string().regex(MODEL_VERSION),
  builds: z
    .array(
      z.strictObject({
        build_id: z.string().regex(/^[0-9a-f]{16}$/),
        manifest_sha256: z.string().regex(HEX64),
      }),
    )
    .min(1)
    .max(MAX_MODEL_BUILDS)
    .refine(
      (builds) => builds.every((b, i) => i === 0 || builds[i - 1]!.build_id < b.build_id),
      'builds must be distinct and in ascending order of build_id',
    ),
  /** SHA-256 of the model card, when one was given. */
  card_sha256: z.string().regex(HEX64).optional(),
  at: z.string().min(1).max(64),
});

const knownEntry = z.discriminatedUnion('type', [
  consentEventEntry,
  identityLinkEntry,
  buildEntry,
  findingEntry,
  accessEntry,
  deletionEntry,
  modelEntry,
]);

export type ConsentEventEntry = z.infer<typeof consentEventEntry>;
export type IdentityLinkEntry = z.infer<typeof identityLinkEntry>;
export type BuildEntry = z.infer<typeof buildEntry>;
export type FindingEntry = z.infer<typeof findingEntry>;
export type AccessEntry = z.infer<typeof accessEntry>;
export type AccessAction = AccessEntry['action'];
export type DeletionEntry = z.infer<typeof deletionEntry>;
export type ModelEntry = z.infer<typeof modelEntry>;
export type CheckpointRef = z.infer<typeof checkpointRef>;
export type LogEntry = z.infer<typeof knownEntry>;

/** Entries are capped like tlog-tiles entry bundles cap them (uint16 length prefixes). */
export const MAX_ENTRY_BYTES = 65_535;

/** The RFC 8785 (JCS) bytes of an entry: the exact bytes the leaf hash commits to. */
export function encodeEntry(entry: LogEntry): Buffer {
  const checked = knownEntry.parse(entry);
  const bytes = Buffer.from(canonicalize(checked)!, 'utf8');
  if (bytes.length > MAX_ENTRY_BYTES) throw new RangeError('log entry too large');
  return bytes;
}

export type DecodedEntry =
  | { readonly ok: true; readonly entry: LogEntry }
  | { readonly ok: false; readonly type: string | undefined; readonly error: string };

/**
 * Reads entry bytes back. Entries of types this version does not know (from a later version)
 * are reported with their type, not rejected as corrupt.
 */
export function decodeEntry(bytes: Uint8Array): DecodedEntry {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return { ok: false, type: undefined, error: 'the entry is not JSON' };
  }
  const type =
    typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string'
      ? value.type
      : undefined;
  const parsed = knownEntry.safeParse(value);
  if (!parsed.success) {
    return { ok: false, type, error: `not a known entry: ${parsed.error.issues[0]?.message}` };
  }
  if (!Buffer.from(canonicalize(parsed.data)!, 'utf8').equals(Buffer.from(bytes))) {
    return { ok: false, type, error: 'the entry is not in RFC 8785 canonical form' };
  }
  return { ok: true, entry: parsed.data };
}

/** What an entry means, in one sentence for a person. */
export function describeEntry(entry: LogEntry): string {
  if (entry.type === 'build') {
    return `Dataset build ${entry.build_id} for ${PURPOSE_WORDS[entry.purpose]} honoured the consent log as of its checkpoint of size ${entry.consent_checkpoint.size}; its manifest has SHA-256 ${entry.manifest_sha256}.`;
  }
  if (entry.type === 'access') {
    const whose = entry.subject
      ? `the person with pseudonym ${entry.subject.slice(0, 12)}…`
      : 'no named person';
    return `Staff member ${entry.actor} did "${entry.action}" on review task ${entry.task} (data of ${whose}) at ${entry.at}.`;
  }
  if (entry.type === 'deletion') {
    const what = entry.what === 'raw' ? 'raw recording and record' : 'reviewer copies';
    const why = entry.reason === 'retention' ? 'its retention period ended' : 'the person objected';
    return `The ${what} of review item ${entry.item} were deleted at ${entry.at} because ${why}.`;
  }
  if (entry.type === 'identity_link') {
    const [a, b] = entry.subjects.map((s) => `${s.slice(0, 12)}…`);
    return entry.action === 'link'
      ? `The identities with pseudonyms ${a} and ${b} were linked as one person's by the ${entry.via} at ${entry.at}; a decision of either covers both from then on.`
      : `The identities with pseudonyms ${a} and ${b} were unlinked by the ${entry.via} at ${entry.at}; from then on each decides for itself.`;
  }
  if (entry.type === 'model') {
    const builds = entry.builds.map((b) => b.build_id).join(', ');
    return `Model ${entry.name}@${entry.model_version} was registered at ${entry.at} as trained on dataset build${entry.builds.length === 1 ? '' : 's'} ${builds}.`;
  }
  if (entry.type === 'finding') {
    return `Dataset build ${entry.build_id} kept out a file (SHA-256 ${entry.file_sha256}) that matched hash bank ${entry.bank}; finding ${entry.finding_id}.`;
  }
  const purpose = PURPOSE_WORDS[entry.purpose];
  const what = {
    object: `objected to the use of their data for ${purpose}`,
    revoke_objection: `revoked their objection to ${purpose}`,
    consent: `consented to the use of their data for ${purpose}`,
    withdraw_consent: `withdrew their consent to ${purpose}`,
  }[entry.action];
  if (entry.channel === 'canary') {
    return `Synthetic: obhut canary's test person with pseudonym ${entry.subject.slice(0, 12)}… ${what}, effective ${entry.at}. It checks that the objection flow works; no person's data is involved.`;
  }
  return `The person with pseudonym ${entry.subject.slice(0, 12)}… ${what}, effective ${entry.at}. Builds made after this point are bound by it.`;
}

const PURPOSE_WORDS = {
  ai_training: 'AI training',
  human_review: 'human review',
} as const;
