// Checks an Obhut receipt in the browser with WebCrypto alone (Ed25519, SHA-256): the signed
// checkpoint against a verifier key the person brings, and the entry's inclusion under it
// (RFC 9162 §2.1.3.2). No request to the server is made; the same checks `obhut verify` does.

export type CheckName = 'key' | 'receipt' | 'signature' | 'inclusion';

export interface ReceiptCheck {
  readonly ok: boolean;
  /** The first failed check, if any. */
  readonly failed?: { readonly check: CheckName; readonly detail: string };
  readonly origin?: string;
  readonly size?: number;
  readonly index?: number;
  /** The decoded log entry, when the receipt verified. */
  readonly entry?: Readonly<Record<string, unknown>>;
}

class CheckFailed extends Error {
  constructor(
    readonly check: CheckName,
    detail: string,
  ) {
    super(detail);
  }
}

const MAX_RECEIPT_CHARS = 400_000;
const MAX_PROOF = 64;
const encoder = new TextEncoder();
/** WebCrypto's key type, named without the DOM library (Node's tests import this file too). */
type PublicKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

export async function checkReceipt(
  receiptText: string,
  verifierKey: string,
): Promise<ReceiptCheck> {
  try {
    const key = await parseVerifierKey(verifierKey.trim());
    const receipt = parseReceipt(receiptText);
    const checkpoint = await openCheckpoint(receipt.checkpoint, key);
    const leaf = await sha256(concat(new Uint8Array([0]), receipt.entry));
    const root = await rootFromInclusion(leaf, receipt.index, checkpoint.size, receipt.proof);
    if (!root || !equal(root, checkpoint.root)) {
      throw new CheckFailed(
        'inclusion',
        `entry ${receipt.index} with its proof does not lead to the signed root of the tree of size ${checkpoint.size}`,
      );
    }
    let entry: Record<string, unknown> | undefined;
    try {
      entry = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(receipt.entry));
    } catch {
      entry = undefined;
    }
    return {
      ok: true,
      origin: checkpoint.origin,
      size: checkpoint.size,
      index: receipt.index,
      ...(entry ? { entry } : {}),
    };
  } catch (err) {
    if (err instanceof CheckFailed)
      return { ok: false, failed: { check: err.check, detail: err.message } };
    throw err;
  }
}

interface VerifierKey {
  readonly name: string;
  readonly keyId: Uint8Array;
  readonly publicKey: PublicKey;
}

/** `name+keyid+base64(0x01 ‖ 32-byte Ed25519 key)`, its key ID recomputed and compared. */
async function parseVerifierKey(text: string): Promise<VerifierKey> {
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(text);
  if (!match) throw new CheckFailed('key', 'this is not a verifier key (name+keyid+base64)');
  const [, name, keyIdHex, b64] = match as unknown as [string, string, string, string];
  const raw = base64(b64);
  if (raw?.length !== 33 || raw[0] !== 0x01) {
    throw new CheckFailed('key', 'the key is not an Ed25519 verifier key');
  }
  const id = (await sha256(concat(encoder.encode(`${name}\n`), raw))).subarray(0, 4);
  if (hex(id) !== keyIdHex) throw new CheckFailed('key', 'the key ID does not match the key');
  let publicKey: PublicKey;
  try {
    publicKey = await crypto.subtle.importKey(
      'raw',
      bytesOf(raw.subarray(1)),
      { name: 'Ed25519' },
      false,
      ['verify'],
    );
  } catch {
    throw new CheckFailed('key', 'this browser cannot check Ed25519 signatures');
  }
  return { name, keyId: id, publicKey };
}

interface ReceiptParts {
  readonly entry: Uint8Array;
  readonly index: number;
  readonly proof: readonly Uint8Array[];
  readonly checkpoint: string;
}

function parseReceipt(text: string): ReceiptParts {
  if (text.length > MAX_RECEIPT_CHARS) throw new CheckFailed('receipt', 'the file is too large');
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CheckFailed('receipt', 'the receipt is not JSON');
  }
  const entry = typeof json.entry === 'string' ? base64(json.entry) : undefined;
  const { index, proof, checkpoint } = json;
  const hashes = Array.isArray(proof)
    ? proof.map((h) => (typeof h === 'string' ? base64(h) : undefined))
    : [];
  if (
    json.version !== 1 ||
    !entry ||
    !Number.isSafeInteger(index) ||
    (index as number) < 0 ||
    !Array.isArray(proof) ||
    proof.length > MAX_PROOF ||
    !hashes.every((h) => h?.length === 32) ||
    typeof checkpoint !== 'string'
  ) {
    throw new CheckFailed('receipt', 'the receipt is missing a field or has an invalid one');
  }
  return { entry, index: index as number, proof: hashes as Uint8Array[], checkpoint };
}

/** The checkpoint signed by `key`: body, then signature lines "— name base64(keyid ‖ sig)". */
async function openCheckpoint(note: string, key: VerifierKey) {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) {
    throw new CheckFailed('signature', 'the checkpoint is not a signed note');
  }
  const body = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  let signed = false;
  for (const line of lines) {
    const m = /^\u2014 (\S+) ([A-Za-z0-9+/]+=*)$/.exec(line);
    const bytes = m?.[2] ? base64(m[2]) : undefined;
    if (!m || !bytes || bytes.length !== 68) continue;
    if (m[1] !== key.name || !equal(bytes.subarray(0, 4), key.keyId)) continue;
    const valid = await crypto.subtle.verify(
      { name: 'Ed25519' },
      key.publicKey,
      bytesOf(bytes.subarray(4)),
      bytesOf(encoder.encode(body)),
    );
    if (!valid) throw new CheckFailed('signature', `the signature by ${key.name} is not valid`);
    signed = true;
  }
  if (!signed) {
    throw new CheckFailed(
      'signature',
      `the checkpoint carries no signature by the key ${key.name}+${hex(key.keyId)}`,
    );
  }
  const [origin, sizeLine, rootLine] = body.slice(0, -1).split('\n');
  const root = rootLine ? base64(rootLine) : undefined;
  if (!origin || !sizeLine || !/^(0|[1-9][0-9]{0,15})$/.test(sizeLine) || root?.length !== 32) {
    throw new CheckFailed('signature', 'the signed checkpoint is malformed');
  }
  if (origin !== key.name) {
    throw new CheckFailed('signature', `the checkpoint is for the log ${origin}, not ${key.name}`);
  }
  return { origin, size: Number(sizeLine), root };
}

/** RFC 9162 §2.1.3.2: the root an inclusion proof leads to, or undefined if it cannot. */
async function rootFromInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
): Promise<Uint8Array | undefined> {
  if (index >= size) return undefined;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      r = await node(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await node(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : undefined;
}

function node(left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  return sha256(concat(new Uint8Array([1]), left, right));
}

async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytesOf(data)));
}

/** A copy on its own ArrayBuffer, the type WebCrypto's signatures ask for. */
function bytesOf(data: Uint8Array): ArrayBuffer {
  return data.slice().buffer as ArrayBuffer;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Standard padded base64 only, in its one canonical spelling. */
function base64(text: string): Uint8Array | undefined {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text))
    return undefined;
  const binary = atob(text);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return btoa(binary) === text ? bytes : undefined;
}
