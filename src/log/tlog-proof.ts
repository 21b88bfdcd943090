import { parseDecimal } from './checkpoint.js';
import { decodeBase64Strict, NoteError } from './note.js';

/**
 * C2SP tlog-proof@v1 (https://c2sp.org/tlog-proof): an inclusion proof that can be checked
 * offline, bundled with the signed checkpoint it leads to. Parsing checks only the layout; the
 * caller opens `checkpoint` with openCheckpoint and checks the proof against its root.
 */
export interface TlogProof {
  readonly index: number;
  /** SHA-256 hashes from the leaf's sibling up to the root's child (RFC 6962 §2.1.1). */
  readonly proof: readonly Buffer[];
  /** The signed checkpoint note, verbatim, signatures included. */
  readonly checkpoint: string;
  /** Opaque application data; not authenticated, so never trust it without checking. */
  readonly extra?: Buffer;
}

const HEADER = 'c2sp.org/tlog-proof@v1';
const HASH_BYTES = 32;
// Far above any path in a tree of 2^53 leaves; a bound so hostile input cannot grow unchecked.
const MAX_PROOF_HASHES = 64;

export function formatTlogProof(p: {
  index: number;
  proof: readonly Uint8Array[];
  checkpoint: string;
  extra?: Uint8Array;
}): string {
  if (!Number.isSafeInteger(p.index) || p.index < 0) {
    throw new NoteError('invalid_input', `the index ${p.index} is not a non-negative safe integer`);
  }
  if (p.proof.length > MAX_PROOF_HASHES || p.proof.some((h) => h.length !== HASH_BYTES)) {
    throw new NoteError('invalid_input', 'the proof must be at most 64 hashes of 32 bytes');
  }
  // An empty extra would be written as "extra " and could not be told from a truncated line.
  if (p.extra !== undefined && p.extra.length === 0) {
    throw new NoteError('invalid_input', 'extra data must be non-empty, or left out');
  }
  if (!p.checkpoint.endsWith('\n') || p.checkpoint.startsWith('\n')) {
    throw new NoteError('invalid_input', 'the checkpoint is not a signed note');
  }
  const lines = [HEADER];
  if (p.extra !== undefined) lines.push(`extra ${Buffer.from(p.extra).toString('base64')}`);
  lines.push(`index ${p.index}`);
  for (const hash of p.proof) lines.push(Buffer.from(hash).toString('base64'));
  return `${lines.join('\n')}\n\n${p.checkpoint}`;
}

export function parseTlogProof(text: string): TlogProof {
  const blank = text.indexOf('\n\n');
  if (blank < 0) throw malformed('no blank line before the checkpoint');
  const lines = text.slice(0, blank).split('\n');
  const checkpoint = text.slice(blank + 2);
  if (lines.shift() !== HEADER) throw malformed(`the first line is not ${HEADER}`);
  let extra: Buffer | undefined;
  if (lines[0]?.startsWith('extra ')) {
    extra = decodeBase64Strict(lines.shift()!.slice('extra '.length));
    if (!extra || extra.length === 0) throw malformed('the extra data is not base64');
  }
  const indexLine = lines.shift();
  const index = indexLine?.startsWith('index ') ? parseDecimal(indexLine.slice(6)) : undefined;
  if (index === undefined) throw malformed('no valid index line');
  if (lines.length > MAX_PROOF_HASHES) throw malformed('too many proof hashes');
  const proof = lines.map((line) => {
    const hash = decodeBase64Strict(line);
    if (!hash || hash.length !== HASH_BYTES) throw malformed('a proof line is not a 32-byte hash');
    return hash;
  });
  if (checkpoint.length === 0 || !checkpoint.endsWith('\n') || checkpoint.startsWith('\n')) {
    throw malformed('the checkpoint is missing or not a signed note');
  }
  return extra === undefined ? { index, proof, checkpoint } : { index, proof, checkpoint, extra };
}

function malformed(why: string): NoteError {
  return new NoteError('malformed', `malformed tlog-proof: ${why}`);
}
