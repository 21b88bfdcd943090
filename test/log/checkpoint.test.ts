import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCheckpoint,
  generateNoteKey,
  NoteError,
  type NoteErrorCode,
  openCheckpoint,
  openNote,
  parseCheckpoint,
  parseDecimal,
  parseSignerKey,
  parseVerifierKey,
  signCheckpoint,
  signNote,
} from '../../src/log/index.js';
import { merkleTreeHash } from '../../src/merkle/index.js';

// Vectors from test/vectors/tlog (see its README for sources and licences).
const dir = path.resolve(import.meta.dirname, '../vectors/tlog');
const json = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
const vectors = json('note/signed-note-vectors.json');
const derived = json('note/derived-checkpoint-cosignature.json');
const tree = json('merkle/rfc6962-reference-tree.json');

const logSigner = parseSignerKey(derived.keys.log.skey);
const logVerifier = parseVerifierKey(derived.keys.log.vkey);
const leaves: Buffer[] = tree.leaves.map((hex: string) => Buffer.from(hex, 'hex'));
const ROOT = Buffer.alloc(32, 0xab).toString('base64');

function codeOf(fn: () => unknown): NoteErrorCode | 'no error' {
  try {
    fn();
  } catch (err) {
    if (err instanceof NoteError) return err.code;
    throw err;
  }
  return 'no error';
}

describe('parseCheckpoint on the transparency-dev cases', () => {
  interface Case {
    desc: string;
    text: string;
    want?: { origin: string; size: number; rest: string; hashUtf8?: string };
    wantErr?: boolean;
  }
  const cases: Case[] = vectors.checkpointParsing;

  it.each(cases.filter((c) => c.wantErr))('refuses: $desc', (c) => {
    expect(codeOf(() => parseCheckpoint(c.text))).toBe('malformed');
  });

  // Those accepted cases carry roots of 7 and 37 bytes: we require a SHA-256 root, on purpose.
  it.each(cases.filter((c) => c.want))('refuses the non-32-byte root of $desc', (c) => {
    expect(() => parseCheckpoint(c.text)).toThrow(/root is not 32 bytes/);
  });

  it.each(cases.filter((c) => c.want))('reads $desc once its root is 32 bytes', (c) => {
    const lines = c.text.split('\n');
    lines[2] = ROOT;
    const parsed = parseCheckpoint(lines.join('\n'));
    expect(parsed.origin).toBe(c.want!.origin);
    expect(parsed.size).toBe(c.want!.size);
    expect(parsed.root.toString('base64')).toBe(ROOT);
    const rest = parsed.extensions.map((line) => `${line}\n`).join('');
    expect(rest).toBe(c.want!.rest);
  });
});

describe('parseCheckpoint, stricter rules', () => {
  const body = (size: string, root = ROOT, tail = '') => `Log\n${size}\n${root}\n${tail}`;

  it.each([
    ['0', 0],
    ['1', 1],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('reads the size %s', (size, want) => {
    expect(parseCheckpoint(body(size)).size).toBe(want);
  });

  it.each([
    ['a leading zero', body('0123')],
    ['two zeros', body('00')],
    ['a plus sign', body('+5')],
    ['a space', body(' 5')],
    ['an exponent', body('1e3')],
    ['hex', body('0x10')],
    ['a size beyond 2^53 - 1', body('9007199254740992')],
    ['an empty size', body('')],
    ['unpadded base64', body('1', ROOT.slice(0, -1))],
    ['base64url', body('1', Buffer.alloc(32, 0xfb).toString('base64url'))],
    ['non-canonical base64 (stray low bits)', body('1', `${ROOT.slice(0, -2)}t=`)],
    ['a 33-byte root', body('1', Buffer.alloc(33).toString('base64'))],
    ['an empty extension line', body('1', ROOT, '\nx\n')],
    ['a carriage return', `Log\r\n1\n${ROOT}\n`],
    ['a control character in the origin', `L\x01g\n1\n${ROOT}\n`],
    ['an empty text', ''],
  ])('refuses %s', (_why, text) => {
    expect(codeOf(() => parseCheckpoint(text))).toBe('malformed');
  });

  it('keeps extension lines', () => {
    expect(parseCheckpoint(body('1', ROOT, 'a b\nc\n')).extensions).toEqual(['a b', 'c']);
  });

  it('parseDecimal follows the same rule', () => {
    expect(parseDecimal('42')).toBe(42);
    expect(parseDecimal('042')).toBeUndefined();
    expect(parseDecimal('-1')).toBeUndefined();
    expect(parseDecimal('3438945738945739845734895735')).toBeUndefined();
  });
});

describe('formatCheckpoint and signCheckpoint', () => {
  it('writes the derived bodies, whose roots are the RFC 6962 test tree', () => {
    for (const size of [5, 8] as const) {
      const root = merkleTreeHash(leaves.slice(0, size));
      const text = formatCheckpoint({ origin: 'Log', size, root });
      expect(text).toBe(derived[`checkpointBody_size${size}`]);
      expect(signCheckpoint({ origin: 'Log', size, root }, logSigner)).toBe(
        derived[`signedCheckpoint_size${size}`],
      );
    }
  });

  it.each([
    ['an empty origin', { origin: '', size: 1, root: Buffer.alloc(32) }],
    ['a newline in the origin', { origin: 'a\nb', size: 1, root: Buffer.alloc(32) }],
    ['a negative size', { origin: 'Log', size: -1, root: Buffer.alloc(32) }],
    ['a fractional size', { origin: 'Log', size: 1.5, root: Buffer.alloc(32) }],
    ['an unsafe size', { origin: 'Log', size: 2 ** 53, root: Buffer.alloc(32) }],
    ['a short root', { origin: 'Log', size: 1, root: Buffer.alloc(31) }],
  ])('refuses %s', (_why, checkpoint) => {
    expect(codeOf(() => formatCheckpoint(checkpoint))).toBe('invalid_input');
  });

  it('refuses to sign a checkpoint whose origin is not the key name', () => {
    const checkpoint = { origin: 'example.com/other', size: 1, root: Buffer.alloc(32) };
    expect(codeOf(() => signCheckpoint(checkpoint, logSigner))).toBe('origin_mismatch');
  });
});

describe('openCheckpoint', () => {
  it('opens the signed and the cosigned size-8 checkpoint, giving the exact text', () => {
    for (const note of [derived.signedCheckpoint_size8, derived.cosignedCheckpoint_size8]) {
      const { checkpoint, text } = openCheckpoint(note, logVerifier);
      expect(text).toBe(derived.checkpointBody_size8);
      expect(checkpoint.origin).toBe('Log');
      expect(checkpoint.size).toBe(8);
      expect(checkpoint.root).toEqual(merkleTreeHash(leaves));
      expect(checkpoint.extensions).toEqual([]);
    }
    expect(openCheckpoint(derived.signedCheckpoint_size5, logVerifier).checkpoint.size).toBe(5);
  });

  it('refuses the tampered checkpoint', () => {
    expect(codeOf(() => openCheckpoint(derived.tamperedCheckpoint_mustFail, logVerifier))).toBe(
      'invalid_signature',
    );
  });

  it('refuses a checkpoint not signed by the given key', () => {
    const other = parseVerifierKey(generateNoteKey('Log').verifierKey);
    expect(codeOf(() => openCheckpoint(derived.signedCheckpoint_size8, other))).toBe('unverified');
  });

  it('reads sum.golang.org through openNote, as its origin is not its key name', () => {
    const v = vectors.notes.find((n: { desc: string }) => n.desc.includes('sum.golang.org'));
    const sumdb = parseVerifierKey(vectors.keys[3].vkey);
    expect(codeOf(() => openCheckpoint(v.message, sumdb))).toBe('origin_mismatch');
    const checkpoint = parseCheckpoint(openNote(v.message, [sumdb]).text);
    expect(checkpoint.origin).toBe(v.want.checkpoint.origin);
    expect(checkpoint.size).toBe(v.want.checkpoint.size);
    expect(checkpoint.root.toString('base64')).toBe(v.want.checkpoint.rootHashBase64);
  });

  it('refuses a signed note that is not a checkpoint', () => {
    const { signerKey, verifierKey } = generateNoteKey('Log');
    const note = signNote('Log\nnot a size\n', parseSignerKey(signerKey));
    expect(codeOf(() => openCheckpoint(note, parseVerifierKey(verifierKey)))).toBe('malformed');
  });
});

describe('properties', () => {
  const origin = fc.stringMatching(/^[a-z0-9./-]{1,40}$/);
  const checkpoint = fc.record({
    origin,
    size: fc.maxSafeNat(),
    root: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b)),
  });

  it('format then parse gives back the checkpoint', () => {
    fc.assert(
      fc.property(checkpoint, (c) => {
        expect(parseCheckpoint(formatCheckpoint(c))).toEqual({ ...c, extensions: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('sign then open gives back the checkpoint and its text', () => {
    const { signerKey, verifierKey } = generateNoteKey('example.com/log');
    const signer = parseSignerKey(signerKey);
    const verifier = parseVerifierKey(verifierKey);
    fc.assert(
      fc.property(checkpoint, (c) => {
        const signed = { ...c, origin: signer.name };
        const opened = openCheckpoint(signCheckpoint(signed, signer), verifier);
        expect(opened.checkpoint).toEqual({ ...signed, extensions: [] });
        expect(opened.text).toBe(formatCheckpoint(signed));
      }),
      { numRuns: 200 },
    );
  });
});
