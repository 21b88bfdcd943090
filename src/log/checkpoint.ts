import {
  decodeBase64Strict,
  NoteError,
  type NoteSigner,
  type NoteVerifier,
  openNote,
  signNote,
} from './note.js';

/**
 * C2SP tlog-checkpoint bodies (https://c2sp.org/tlog-checkpoint) for an RFC 6962 SHA-256 log.
 * Stricter than the spec requires in two places, on purpose: the root must be 32 bytes, and the
 * size must fit a JavaScript safe integer (2^53 − 1 leaves is far beyond any log we run).
 */
export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Buffer;
  /** Opaque, non-empty lines after the root; C2SP discourages them, so we never write any. */
  readonly extensions: readonly string[];
}

export interface OpenedCheckpoint {
  readonly checkpoint: Checkpoint;
  /** The exact signed text, for storing or hashing byte for byte. */
  readonly text: string;
}

const HASH_BYTES = 32;
const DECIMAL = /^(?:0|[1-9][0-9]*)$/;

/** Parses a tree size or index: ASCII decimal, no sign, no leading zeros, a safe integer. */
export function parseDecimal(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** `origin\nsize\nbase64(root)\n`: the body a log signs. */
export function formatCheckpoint(checkpoint: {
  origin: string;
  size: number;
  root: Uint8Array;
}): string {
  const { origin, size, root } = checkpoint;
  if (origin.length === 0 || /[\p{Cc}\p{Cs}]/u.test(origin)) {
    throw new NoteError('invalid_input', 'the origin must be one non-empty line of text');
  }
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new NoteError('invalid_input', `the size ${size} is not a non-negative safe integer`);
  }
  if (root.length !== HASH_BYTES) throw new NoteError('invalid_input', 'the root is not 32 bytes');
  return `${origin}\n${size}\n${Buffer.from(root).toString('base64')}\n`;
}

/** Parses a checkpoint body (the note text, without signatures). */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw malformed('it does not end in a newline');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the note rules, for a body parsed alone.
  if (/[\0-\x09\x0b-\x1f]|\p{Cs}/u.test(text)) throw malformed('it holds a control character');
  const [origin, sizeLine, rootLine, ...extensions] = text.slice(0, -1).split('\n');
  if (origin === undefined || sizeLine === undefined || rootLine === undefined) {
    throw malformed('it has fewer than three lines');
  }
  if (origin.length === 0) throw malformed('the origin is empty');
  const size = parseDecimal(sizeLine);
  if (size === undefined) throw malformed(`the size ${JSON.stringify(sizeLine)} is not valid`);
  const root = decodeBase64Strict(rootLine);
  if (!root || root.length !== HASH_BYTES) throw malformed('the root is not 32 bytes of base64');
  if (extensions.some((line) => line.length === 0)) throw malformed('an extension line is empty');
  return { origin, size, root, extensions };
}

/**
 * Signs a checkpoint with the log's key. The key name must equal the origin: C2SP only says
 * SHOULD, but for our log it means a checkpoint names the one key that may sign it.
 */
export function signCheckpoint(
  checkpoint: { origin: string; size: number; root: Uint8Array },
  signer: NoteSigner,
): string {
  if (signer.name !== checkpoint.origin) {
    throw new NoteError(
      'origin_mismatch',
      `key ${signer.name} cannot sign a checkpoint of origin ${checkpoint.origin}`,
    );
  }
  return signNote(formatCheckpoint(checkpoint), signer);
}

/**
 * Opens a checkpoint signed by the log key `verifier`, ignoring any other signatures (witness
 * cosignatures). Refuses a checkpoint whose origin is not the key name, the rule signCheckpoint
 * follows; a foreign log that names its key differently (sum.golang.org, origin "go.sum database
 * tree") needs openNote and parseCheckpoint, with the caller pinning the origin.
 */
export function openCheckpoint(
  note: string | Uint8Array,
  verifier: NoteVerifier,
): OpenedCheckpoint {
  const { text } = openNote(note, [verifier]);
  const checkpoint = parseCheckpoint(text);
  if (checkpoint.origin !== verifier.name) {
    throw new NoteError(
      'origin_mismatch',
      `checkpoint origin ${checkpoint.origin} is not the key name ${verifier.name}`,
    );
  }
  return { checkpoint, text };
}

function malformed(why: string): NoteError {
  return new NoteError('malformed', `malformed checkpoint: ${why}`);
}
