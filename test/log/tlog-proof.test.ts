import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatTlogProof,
  NoteError,
  type NoteErrorCode,
  openCheckpoint,
  parseSignerKey,
  parseTlogProof,
  parseVerifierKey,
  signCheckpoint,
} from '../../src/log/index.js';
import { leafHash, verifyConsistency, verifyInclusion } from '../../src/merkle/index.js';

// Vectors from test/vectors/tlog (see its README for sources and licences).
const dir = path.resolve(import.meta.dirname, '../vectors/tlog/note');
const derived = JSON.parse(
  readFileSync(path.join(dir, 'derived-checkpoint-cosignature.json'), 'utf8'),
);
const proofFile = readFileSync(path.join(dir, 'derived-index5.tlog-proof'), 'utf8');
const log = parseVerifierKey(derived.keys.log.vkey);
const HEADER = 'c2sp.org/tlog-proof@v1';
const HASH = Buffer.alloc(32, 0x5a).toString('base64');

function codeOf(fn: () => unknown): NoteErrorCode | 'no error' {
  try {
    fn();
  } catch (err) {
    if (err instanceof NoteError) return err.code;
    throw err;
  }
  return 'no error';
}

describe('the derived proof for leaf 5 of the 8-leaf tree', () => {
  it('the file is the JSON copy', () => {
    expect(proofFile).toBe(derived.tlogProof_index5.text);
  });

  it('parses, and its checkpoint is the cosigned size-8 checkpoint', () => {
    const p = parseTlogProof(proofFile);
    expect(p.index).toBe(5);
    expect(p.proof).toHaveLength(3);
    expect(p.extra).toBeUndefined();
    expect(p.checkpoint).toBe(derived.cosignedCheckpoint_size8);
  });

  it('its inclusion proof verifies for leaf 40414243 under the signed root', () => {
    const p = parseTlogProof(proofFile);
    const { checkpoint } = openCheckpoint(p.checkpoint, log);
    const leaf = leafHash(Buffer.from(derived.tlogProof_index5.leafData_hex, 'hex'));
    expect(leaf.toString('hex')).toBe(derived.tlogProof_index5.leafHash_hex);
    expect(verifyInclusion(leaf, p.index, checkpoint.size, p.proof, checkpoint.root)).toEqual({
      ok: true,
    });
    // The same proof must not pass for a neighbour or for another leaf.
    expect(verifyInclusion(leaf, 4, checkpoint.size, p.proof, checkpoint.root).ok).toBe(false);
    const other = leafHash(Buffer.from('40414244', 'hex'));
    expect(verifyInclusion(other, 5, checkpoint.size, p.proof, checkpoint.root).ok).toBe(false);
  });

  it('formats back to the same bytes', () => {
    expect(formatTlogProof(parseTlogProof(proofFile))).toBe(proofFile);
  });

  it('the witness request carries the same checkpoint and a 5 → 8 consistency proof', () => {
    // tlog-witness is not ours to implement; this only checks the vector agrees with the others.
    const request: string = derived.witnessAddCheckpointRequest_5_to_8;
    const blank = request.indexOf('\n\n');
    const [oldLine, ...hashes] = request.slice(0, blank).split('\n');
    expect(oldLine).toBe('old 5');
    const newer = openCheckpoint(request.slice(blank + 2), log).checkpoint;
    const older = openCheckpoint(derived.signedCheckpoint_size5, log).checkpoint;
    const proof = hashes.map((h) => Buffer.from(h, 'base64'));
    expect(verifyConsistency(5, newer.size, proof, older.root, newer.root)).toEqual({ ok: true });
  });
});

describe('format and parse', () => {
  const checkpoint = derived.signedCheckpoint_size8 as string;

  it('writes and reads the extra line', () => {
    const extra = Buffer.from('an entry');
    const text = formatTlogProof({ index: 0, proof: [], checkpoint, extra });
    expect(text).toBe(`${HEADER}\nextra ${extra.toString('base64')}\nindex 0\n\n${checkpoint}`);
    expect(parseTlogProof(text)).toEqual({ index: 0, proof: [], checkpoint, extra });
  });

  it.each([
    ['a wrong first line', `c2sp.org/tlog-proof@v2\nindex 1\n\n${checkpoint}`],
    ['no index line', `${HEADER}\n${HASH}\n\n${checkpoint}`],
    ['an index with a leading zero', `${HEADER}\nindex 01\n\n${checkpoint}`],
    ['a negative index', `${HEADER}\nindex -1\n\n${checkpoint}`],
    ['two spaces after index', `${HEADER}\nindex  1\n\n${checkpoint}`],
    ['extra after the index', `${HEADER}\nindex 1\nextra AAAA\n\n${checkpoint}`],
    ['empty extra data', `${HEADER}\nextra \nindex 1\n\n${checkpoint}`],
    ['extra that is not base64', `${HEADER}\nextra A-_=\nindex 1\n\n${checkpoint}`],
    [
      'a 31-byte hash',
      `${HEADER}\nindex 1\n${Buffer.alloc(31).toString('base64')}\n\n${checkpoint}`,
    ],
    ['a carriage return', `${HEADER}\r\nindex 1\n\n${checkpoint}`],
    ['no blank line', `${HEADER}\nindex 1\n${checkpoint}`],
    ['no checkpoint', `${HEADER}\nindex 1\n\n`],
    ['two blank lines', `${HEADER}\nindex 1\n\n\n${checkpoint}`],
    ['65 proof hashes', `${HEADER}\nindex 1\n${`${HASH}\n`.repeat(65)}\n${checkpoint}`],
  ])('refuses %s', (_why, text) => {
    expect(codeOf(() => parseTlogProof(text))).toBe('malformed');
  });

  it.each([
    ['a negative index', { index: -1, proof: [], checkpoint }],
    ['a short hash', { index: 1, proof: [Buffer.alloc(31)], checkpoint }],
    ['empty extra', { index: 1, proof: [], checkpoint, extra: Buffer.alloc(0) }],
    ['a checkpoint without final newline', { index: 1, proof: [], checkpoint: 'Log' }],
  ])('refuses to write %s', (_why, p) => {
    expect(codeOf(() => formatTlogProof(p))).toBe('invalid_input');
  });

  it('format then parse gives back the proof', () => {
    const signer = parseSignerKey(derived.keys.log.skey);
    const proof = fc.record(
      {
        index: fc.maxSafeNat(),
        proof: fc.array(
          fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b)),
          { maxLength: 64 },
        ),
        checkpoint: fc
          .record({ size: fc.maxSafeNat(), root: fc.uint8Array({ minLength: 32, maxLength: 32 }) })
          .map((c) => signCheckpoint({ origin: 'Log', ...c }, signer)),
        extra: fc.uint8Array({ minLength: 1, maxLength: 100 }).map((b) => Buffer.from(b)),
      },
      { requiredKeys: ['index', 'proof', 'checkpoint'] },
    );
    fc.assert(
      fc.property(proof, (p) => {
        const text = formatTlogProof(p);
        expect(parseTlogProof(text)).toEqual(p);
        expect(formatTlogProof(parseTlogProof(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
