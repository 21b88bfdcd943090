import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';

/**
 * C2SP signed notes (https://c2sp.org/signed-note), Ed25519 (signature type 0x01) only: the one
 * type our log signs with. Verifier keys of other types are refused when parsed, and signature
 * lines of other types (for example tlog-cosignature, 0x04) never match a known key, so they are
 * ignored like any other unknown signature.
 */

export type NoteErrorCode =
  | 'malformed' // text does not follow the note, checkpoint or proof format
  | 'unverified' // no signature from a known key
  | 'invalid_signature' // a known key's signature does not verify
  | 'invalid_key' // a verifier or signer key string is wrong or of an unsupported type
  | 'invalid_input' // a caller asked us to write something the formats cannot hold
  | 'origin_mismatch'; // a checkpoint's origin is not the log key's name

/** Every failure in src/log; `code` is stable for callers, the message is for people. */
export class NoteError extends Error {
  override readonly name = 'NoteError';
  constructor(
    readonly code: NoteErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface NoteVerifier {
  readonly name: string;
  /** 8 lowercase hex digits: SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4]. */
  readonly keyId: string;
  /** The raw 32-byte Ed25519 public key. */
  readonly publicKey: Buffer;
  /** The verifier key string, `name+keyid+base64(0x01 ‖ public key)`. */
  readonly vkey: string;
}

/** A signer is also a verifier for its own signatures. */
export interface NoteSigner extends NoteVerifier {
  readonly privateKey: KeyObject;
}

export interface NoteSignature {
  readonly name: string;
  readonly keyId: string;
}

export interface OpenedNote {
  /** The signed text, ending in its final newline. */
  readonly text: string;
  /** Known keys whose signatures verified, each once, in note order. */
  readonly signatures: NoteSignature[];
  /** Signatures from keys not given to openNote (witnesses, rotated keys), each once; unchecked. */
  readonly unknown: NoteSignature[];
}

const ED25519 = 0x01;
const SIGNATURE_PREFIX = '\u2014 ';
/** C2SP: verifiers must accept at least 16 signatures; Go's x/mod accepts up to 100. */
export const MAX_NOTE_SIGNATURES = 100;
const SECRET_PREFIX = 'PRIVATE+KEY+';
// Fixed DER headers that wrap a raw Ed25519 key (RFC 8410) so node:crypto can import it.
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');
const KEY_ID = /^[0-9a-f]{8}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes standard padded base64, or returns undefined. Buffer.from(…, 'base64') skips bad
 * characters and accepts base64url; and only the canonical encoding is accepted, so that no
 * second spelling of a signature or hash can exist.
 */
export function decodeBase64Strict(text: string): Buffer | undefined {
  if (!BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

/** Key names appear between spaces and '+' separators, so neither may occur in them. */
export function isValidKeyName(name: string): boolean {
  // \p{Cs} matches only lone surrogates in a /u regex: those have no UTF-8 encoding.
  return name.length > 0 && !/[\p{White_Space}+\p{Cc}\p{Cs}]/u.test(name);
}

/** The key ID of an Ed25519 key, as 8 lowercase hex digits. */
export function noteKeyId(name: string, publicKey: Uint8Array): string {
  return createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, ED25519]))
    .update(publicKey)
    .digest()
    .subarray(0, 4)
    .toString('hex');
}

/** Parses `name+keyid+base64(0x01 ‖ public key)`; only the first two '+' separate fields. */
export function parseVerifierKey(vkey: string): NoteVerifier {
  const { name, keyId, key } = splitKey(vkey, 'verifier');
  const verifier = makeVerifier(name, key);
  if (verifier.keyId !== keyId) {
    throw new NoteError('invalid_key', `verifier key ${name}+${keyId}: the key ID does not match`);
  }
  return verifier;
}

/** Parses Go's x/mod signer key format, `PRIVATE+KEY+name+keyid+base64(0x01 ‖ seed)`. */
export function parseSignerKey(skey: string): NoteSigner {
  if (!skey.startsWith(SECRET_PREFIX)) {
    throw new NoteError('invalid_key', 'signer key does not start with PRIVATE+KEY+');
  }
  const { name, keyId, key: seed } = splitKey(skey.slice(SECRET_PREFIX.length), 'signer');
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const signer = { ...makeVerifier(name, rawPublicKey(privateKey)), privateKey };
  // The ID is checked against the derived public key so a mislabelled key cannot sign.
  if (signer.keyId !== keyId) {
    throw new NoteError('invalid_key', `signer key ${name}+${keyId}: the key ID does not match`);
  }
  return signer;
}

/** A fresh Ed25519 key pair, as signer and verifier key strings. */
export function generateNoteKey(name: string): { signerKey: string; verifierKey: string } {
  if (!isValidKeyName(name)) throw new NoteError('invalid_input', `invalid key name ${name}`);
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const seed = Buffer.from(jwk.d ?? '', 'base64url');
  const verifier = makeVerifier(name, Buffer.from(jwk.x ?? '', 'base64url'));
  const encodedSeed = Buffer.concat([Buffer.from([ED25519]), seed]).toString('base64');
  return {
    signerKey: `${SECRET_PREFIX}${name}+${verifier.keyId}+${encodedSeed}`,
    verifierKey: verifier.vkey,
  };
}

/**
 * Signs `text` and returns the note. The text is checked as openNote would check it, so we never
 * publish a note that we (or Go's x/mod) would refuse to open.
 */
export function signNote(text: string, signers: NoteSigner | readonly NoteSigner[]): string {
  const list = Array.isArray(signers) ? signers : [signers as NoteSigner];
  const problem = textProblem(text);
  if (problem) throw new NoteError('invalid_input', `cannot sign: ${problem}`);
  if (list.length === 0 || list.length > MAX_NOTE_SIGNATURES) {
    throw new NoteError('invalid_input', `cannot sign with ${list.length} signers`);
  }
  const message = Buffer.from(text, 'utf8');
  const lines = list.map((s) => {
    if (!isValidKeyName(s.name)) throw new NoteError('invalid_input', `invalid key name ${s.name}`);
    const blob = Buffer.concat([Buffer.from(s.keyId, 'hex'), sign(null, message, s.privateKey)]);
    return `${SIGNATURE_PREFIX}${s.name} ${blob.toString('base64')}\n`;
  });
  return `${text}\n${lines.join('')}`;
}

/**
 * Opens a signed note: every signature from a known (name, key ID) must verify, and at least one
 * must. Signatures from other keys are ignored, as C2SP requires. Bytes are accepted as well as
 * strings so that invalid UTF-8 is refused instead of silently replaced.
 */
export function openNote(
  note: string | Uint8Array,
  verifiers: readonly NoteVerifier[],
): OpenedNote {
  const message = typeof note === 'string' ? note : decodeUtf8(note);
  const problem = noteProblem(message);
  if (problem) throw new NoteError('malformed', `malformed note: ${problem}`);
  const split = message.lastIndexOf('\n\n');
  const text = message.slice(0, split + 1);
  const lines = message.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) {
    throw new NoteError('malformed', `malformed note: more than ${MAX_NOTE_SIGNATURES} signatures`);
  }
  const known = indexVerifiers(verifiers);
  const body = Buffer.from(text, 'utf8');
  const signatures = new Map<string, NoteSignature>();
  const unknown = new Map<string, NoteSignature>();
  for (const line of lines) {
    const { name, keyId, signature } = parseSignatureLine(line);
    const id = `${name}+${keyId}`;
    const verifier = known.get(id);
    if (!verifier) {
      unknown.set(id, { name, keyId });
      continue;
    }
    // Every line from a known key is checked, also repeats: one bad signature spoils the note.
    if (signature.length !== 64 || !verify(null, body, publicKeyObject(verifier), signature)) {
      throw new NoteError('invalid_signature', `invalid signature for key ${id}`);
    }
    signatures.set(id, { name, keyId });
  }
  if (signatures.size === 0) {
    throw new NoteError('unverified', 'no signature from a known key');
  }
  return { text, signatures: [...signatures.values()], unknown: [...unknown.values()] };
}

function splitKey(
  encoded: string,
  kind: 'verifier' | 'signer',
): { name: string; keyId: string; key: Buffer } {
  // Only the first two '+' are separators: standard base64 may contain '+' too.
  const first = encoded.indexOf('+');
  const second = first < 0 ? -1 : encoded.indexOf('+', first + 1);
  if (second < 0) throw new NoteError('invalid_key', `${kind} key has fewer than three fields`);
  const name = encoded.slice(0, first);
  const keyId = encoded.slice(first + 1, second);
  const data = decodeBase64Strict(encoded.slice(second + 1));
  if (!isValidKeyName(name)) throw new NoteError('invalid_key', `${kind} key has an invalid name`);
  if (!KEY_ID.test(keyId)) {
    throw new NoteError('invalid_key', `${kind} key ${name}: key ID is not 8 lowercase hex digits`);
  }
  if (!data || data.length === 0) {
    throw new NoteError('invalid_key', `${kind} key ${name}+${keyId}: key is not base64`);
  }
  if (data[0] !== ED25519) {
    const type = data[0]!.toString(16).padStart(2, '0');
    throw new NoteError('invalid_key', `${kind} key ${name}+${keyId}: unsupported type 0x${type}`);
  }
  if (data.length !== 33) {
    throw new NoteError('invalid_key', `${kind} key ${name}+${keyId}: key is not 32 bytes`);
  }
  return { name, keyId, key: data.subarray(1) };
}

function makeVerifier(name: string, publicKey: Buffer): NoteVerifier {
  const keyId = noteKeyId(name, publicKey);
  const encoded = Buffer.concat([Buffer.from([ED25519]), publicKey]).toString('base64');
  return { name, keyId, publicKey, vkey: `${name}+${keyId}+${encoded}` };
}

function rawPublicKey(privateKey: KeyObject): Buffer {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  return Buffer.from(jwk.x ?? '', 'base64url');
}

function publicKeyObject(verifier: NoteVerifier): KeyObject {
  return createPublicKey({
    key: Buffer.concat([SPKI_ED25519, verifier.publicKey]),
    format: 'der',
    type: 'spki',
  });
}

function indexVerifiers(verifiers: readonly NoteVerifier[]): Map<string, NoteVerifier> {
  const known = new Map<string, NoteVerifier>();
  for (const v of verifiers) {
    const id = `${v.name}+${v.keyId}`;
    const other = known.get(id);
    // Two different keys under one name and ID would make "which key signed" ambiguous.
    if (other && !other.publicKey.equals(v.publicKey)) {
      throw new NoteError('invalid_key', `two different verifier keys for ${id}`);
    }
    known.set(id, v);
  }
  return known;
}

function parseSignatureLine(line: string): NoteSignature & { signature: Buffer } {
  if (!line.startsWith(SIGNATURE_PREFIX)) {
    throw new NoteError('malformed', 'malformed note: a line after the blank line is no signature');
  }
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  const name = rest.slice(0, space);
  const blob = space < 0 ? undefined : decodeBase64Strict(rest.slice(space + 1));
  if (!blob || blob.length < 5 || !isValidKeyName(name)) {
    throw new NoteError('malformed', 'malformed note: a signature line is malformed');
  }
  return { name, keyId: blob.subarray(0, 4).toString('hex'), signature: blob.subarray(4) };
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    // ignoreBOM keeps a leading U+FEFF: the signature covers it, so it must stay in the text.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new NoteError('malformed', 'malformed note: not valid UTF-8');
  }
}

/** The rules for note text: what signNote accepts, and what openNote finds before the blank line. */
function textProblem(text: string): string | undefined {
  if (!text.endsWith('\n')) return 'the text does not end in a newline';
  return characterProblem(text);
}

function noteProblem(message: string): string | undefined {
  const bad = characterProblem(message);
  if (bad) return bad;
  const split = message.lastIndexOf('\n\n');
  if (split < 0) return 'no blank line before the signatures';
  if (split + 2 === message.length) return 'no signatures';
  if (!message.endsWith('\n')) return 'the last signature line does not end in a newline';
  return undefined;
}

function characterProblem(text: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: C2SP forbids exactly these.
  if (/[\0-\x09\x0b-\x1f]/.test(text)) return 'a control character other than newline';
  if (/\p{Cs}/u.test(text)) return 'a lone surrogate, which has no UTF-8 encoding';
  return undefined;
}
