import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateNoteKey,
  MAX_NOTE_SIGNATURES,
  NoteError,
  type NoteErrorCode,
  noteKeyId,
  openNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
} from '../../src/log/index.js';

// Vectors from test/vectors/tlog (see its README for sources and licences).
const dir = path.resolve(import.meta.dirname, '../vectors/tlog/note');
const read = (file: string) => readFileSync(path.join(dir, file));
const vectors = JSON.parse(read('signed-note-vectors.json').toString('utf8'));
const derived = JSON.parse(read('derived-checkpoint-cosignature.json').toString('utf8'));

interface KeyVector {
  name: string;
  vkey: string;
  skey?: string;
}
const keys: KeyVector[] = vectors.keys;
const vkeyOf = (name: string) => keys.find((k) => k.name === name)!.vkey;
const peter = parseSignerKey(keys.find((k) => k.name === 'PeterNeumann')!.skey!);
const quote = vectors.notes[1].want.text as string;

function codeOf(fn: () => unknown): NoteErrorCode | 'no error' {
  try {
    fn();
  } catch (err) {
    if (err instanceof NoteError) return err.code;
    throw err;
  }
  return 'no error';
}

describe('verifier and signer keys', () => {
  it.each(keys)('parses $name, whose key ID is the one computed', (k) => {
    const v = parseVerifierKey(k.vkey);
    expect(v.name).toBe(k.name);
    expect(v.keyId).toBe(k.vkey.split('+')[1]);
    expect(noteKeyId(v.name, v.publicKey)).toBe(v.keyId);
    expect(v.vkey).toBe(k.vkey);
  });

  it('splits sum.golang.org at the first two + only: its base64 holds + too', () => {
    const vkey = vkeyOf('sum.golang.org');
    expect(vkey.split('+')).toHaveLength(5);
    const v = parseVerifierKey(vkey);
    expect(v.keyId).toBe('033de0ae');
    expect(v.vkey).toBe(vkey);
  });

  it.each(keys.filter((k) => k.skey))('parses the signer key of $name', (k) => {
    const s = parseSignerKey(k.skey!);
    expect(s.vkey).toBe(k.vkey);
  });

  it('matches the public keys and key IDs of the derived vectors', () => {
    const log = parseSignerKey(derived.keys.log.skey);
    expect(log.publicKey.toString('hex')).toBe(derived.keys.log.publicKeyHex);
    expect(log.keyId).toBe(derived.keys.log.keyIdHex);
    expect(log.vkey).toBe(derived.keys.log.vkey);
    const witness = parseSignerKey(derived.keys.witness.skey);
    expect(witness.publicKey.toString('hex')).toBe(derived.keys.witness.publicKeyHex);
    expect(witness.keyId).toBe(derived.keys.witness.keyIdHex_type01);
  });

  it('refuses a cosignature (type 0x04) verifier key: Ed25519 notes only', () => {
    expect(() => parseVerifierKey(derived.keys.witness.vkeyCosignatureV1)).toThrow(/type 0x04/);
  });

  it.each(vectors.badVkeys as { vkey: string; why: string }[])('refuses: $why', ({ vkey }) => {
    expect(codeOf(() => parseVerifierKey(vkey))).toBe('invalid_key');
  });

  it('refuses every proper prefix and suffix, and every one-character increment', () => {
    const vkey = vkeyOf('PeterNeumann');
    for (let i = 0; i < vkey.length; i++) {
      expect(codeOf(() => parseVerifierKey(vkey.slice(0, i)))).toBe('invalid_key');
      expect(codeOf(() => parseVerifierKey(vkey.slice(i + 1)))).toBe('invalid_key');
      const bumped =
        vkey.slice(0, i) + String.fromCharCode(vkey.charCodeAt(i) + 1) + vkey.slice(i + 1);
      expect(codeOf(() => parseVerifierKey(bumped))).toBe('invalid_key');
    }
  });

  it.each([
    ['a name with a space', 'Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['an empty name', '+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['an upper-case key ID', 'PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['base64url', 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq_LDE4izWy10TW'],
    ['a signer key', keys[1]!.skey!],
  ])('refuses a verifier key with %s', (_why, vkey) => {
    expect(codeOf(() => parseVerifierKey(vkey))).toBe('invalid_key');
  });

  it.each([
    ['no PRIVATE+KEY prefix', 'PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz'],
    [
      'a wrong key ID',
      'PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz',
    ],
    [
      'a wrong name',
      'PRIVATE+KEY+PeterNeuman+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz',
    ],
    [
      'a short seed',
      'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKA==',
    ],
  ])('refuses a signer key with %s', (_why, skey) => {
    expect(codeOf(() => parseSignerKey(skey))).toBe('invalid_key');
  });

  it('generates keys that parse, agree, and sign notes that open', () => {
    const { signerKey, verifierKey } = generateNoteKey('obhut.example/log');
    expect(signerKey).toMatch(/^PRIVATE\+KEY\+obhut\.example\/log\+[0-9a-f]{8}\+A/);
    const signer = parseSignerKey(signerKey);
    const verifier = parseVerifierKey(verifierKey);
    expect(signer.vkey).toBe(verifierKey);
    expect(openNote(signNote('hi\n', signer), [verifier]).text).toBe('hi\n');
    expect(codeOf(() => generateNoteKey('bad name'))).toBe('invalid_input');
    expect(codeOf(() => generateNoteKey('a+b'))).toBe('invalid_input');
  });
});

describe('signNote', () => {
  it('reproduces the Go note byte for byte (Ed25519 is deterministic)', () => {
    expect(signNote(quote, peter)).toBe(vectors.notes[1].message);
  });

  it('reproduces the derived size-8 checkpoint', () => {
    const log = parseSignerKey(derived.keys.log.skey);
    expect(signNote(derived.checkpointBody_size8, log)).toBe(derived.signedCheckpoint_size8);
  });

  it('signs with several keys, one line each, in order', () => {
    const enoch = generateNoteKey('EnochRoot2');
    const note = signNote(quote, [peter, parseSignerKey(enoch.signerKey)]);
    const opened = openNote(note, [peter, parseVerifierKey(enoch.verifierKey)]);
    expect(opened.signatures.map((s) => s.name)).toEqual(['PeterNeumann', 'EnochRoot2']);
  });

  it.each([
    ['an empty text', ''],
    ['no final newline', 'hello'],
    ['a carriage return', 'hello\r\n'],
    ['a tab', 'a\tb\n'],
    ['a NUL', 'a\0b\n'],
    ['a lone surrogate', 'a\ud800b\n'],
  ])('refuses %s', (_why, text) => {
    expect(codeOf(() => signNote(text, peter))).toBe('invalid_input');
  });

  it('accepts blank lines inside and at the end of the text', () => {
    for (const text of ['\n', 'a\n\nb\n', 'a\n\n', 'a\n\n\n\n']) {
      expect(openNote(signNote(text, peter), [peter]).text).toBe(text);
    }
  });
});

describe('openNote on the published notes', () => {
  interface NoteVector {
    desc: string;
    message: string;
    verifiers: string[];
    want: {
      ok: boolean;
      text?: string;
      verifiedBy?: string[];
      unverified?: string[];
      error?: string;
    };
  }
  it.each(vectors.notes as NoteVector[])('$desc', (v) => {
    const verifiers = v.verifiers.map((name) => parseVerifierKey(vkeyOf(name)));
    if (!v.want.ok) {
      const code = v.want.error === 'no verifiable signatures' ? 'unverified' : 'invalid_signature';
      expect(codeOf(() => openNote(v.message, verifiers))).toBe(code);
      if (code === 'invalid_signature') {
        expect(() => openNote(v.message, verifiers)).toThrow(v.want.error!);
      }
      return;
    }
    const opened = openNote(v.message, verifiers);
    if (v.want.text) expect(opened.text).toBe(v.want.text);
    expect(opened.signatures.map((s) => s.name)).toEqual(v.want.verifiedBy ?? v.verifiers);
    expect(opened.unknown.map((s) => s.name)).toEqual(v.want.unverified ?? []);
    // Bytes must open the same way as the string.
    expect(openNote(Buffer.from(v.message, 'utf8'), verifiers)).toEqual(opened);
  });

  it('opens the byte-exact files, the same as their JSON copies', () => {
    const example = openNote(read('c2sp-signed-note-example.txt'), [
      parseVerifierKey(vkeyOf('example.com/foo')),
    ]);
    expect(example.text).toBe('This is an example message.\n');
    const sumdb = read('sumdb-checkpoint-6476701.txt');
    expect(sumdb.toString('utf8')).toBe(vectors.notes[6].message);
    const opened = openNote(sumdb, [parseVerifierKey(vkeyOf('sum.golang.org'))]);
    expect(opened.signatures).toEqual([{ name: 'sum.golang.org', keyId: '033de0ae' }]);
  });

  it.each(vectors.malformedNotes as { desc: string; message?: string; messageHex?: string }[])(
    'refuses as malformed: $desc',
    (v) => {
      const note = v.messageHex ? Buffer.from(v.messageHex, 'hex') : v.message!;
      expect(codeOf(() => openNote(note, [peter]))).toBe('malformed');
    },
  );

  it('refuses the invalid UTF-8 note also after lossy decoding, as its text changed', () => {
    const lossy = Buffer.from(vectors.malformedNotes[4].messageHex, 'hex').toString('utf8');
    expect(codeOf(() => openNote(lossy, [peter]))).toBe('invalid_signature');
  });

  it('accepts 16 and 100 signature lines but not 101', () => {
    const line = vectors.notes[1].message.slice(quote.length + 1);
    const many = (n: number) => `${quote}\n${line.repeat(n)}`;
    expect(openNote(many(16), [peter]).signatures).toHaveLength(1);
    expect(openNote(many(MAX_NOTE_SIGNATURES), [peter]).signatures).toHaveLength(1);
    expect(codeOf(() => openNote(many(MAX_NOTE_SIGNATURES + 1), [peter]))).toBe('malformed');
  });

  it('checks every line from a known key, also a repeated one', () => {
    const good = vectors.notes[1].message.slice(quote.length + 1);
    const bad = vectors.notes[5].message.slice(quote.length + 1);
    expect(codeOf(() => openNote(`${quote}\n${good}${bad}`, [peter]))).toBe('invalid_signature');
  });

  it('refuses two different verifier keys under one name and key ID', () => {
    const forged = { ...peter, publicKey: Buffer.alloc(32, 7) };
    expect(codeOf(() => openNote(vectors.notes[1].message, [peter, forged]))).toBe('invalid_key');
  });

  it('ignores a signature with the right name but another key ID', () => {
    const other = parseVerifierKey(generateNoteKey('PeterNeumann').verifierKey);
    expect(codeOf(() => openNote(vectors.notes[1].message, [other]))).toBe('unverified');
  });
});

describe('cosigned checkpoints', () => {
  const log = parseVerifierKey(derived.keys.log.vkey);
  const known01 = parseVerifierKey(vkeyOf('Known'));

  it('the .txt copy is the cosigned checkpoint of the JSON', () => {
    expect(read('derived-cosigned-checkpoint-size8.txt').toString('utf8')).toBe(
      derived.cosignedCheckpoint_size8,
    );
  });

  it('ignores the cosignature (type 0x04) line, also when Known is a type 0x01 verifier', () => {
    for (const verifiers of [[log], [log, known01]]) {
      const opened = openNote(derived.cosignedCheckpoint_size8, verifiers);
      expect(opened.text).toBe(derived.checkpointBody_size8);
      expect(opened.signatures).toEqual([{ name: 'Log', keyId: '2271c621' }]);
      expect(opened.unknown).toEqual([{ name: 'Known', keyId: 'fdd35892' }]);
    }
    expect(codeOf(() => openNote(derived.cosignedCheckpoint_size8, [known01]))).toBe('unverified');
  });

  it('the ignored line is a real cosignature, as the vector says', () => {
    // Checked here by hand, to show the line ignored above is genuine and not merely broken.
    const pub = Buffer.from(derived.keys.witness.publicKeyHex, 'hex');
    const id = createHash('sha256')
      .update(Buffer.concat([Buffer.from('Known\n\x04', 'latin1'), pub]))
      .digest()
      .subarray(0, 4);
    expect(id.toString('hex')).toBe(derived.keys.witness.keyIdHex_type04);
    const blob = Buffer.from(derived.cosignature.signatureLine.split(' ')[2], 'base64');
    expect(blob.subarray(0, 4)).toEqual(id);
    expect(blob.readBigUInt64BE(4)).toBe(BigInt(derived.cosignature.timestamp));
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: pub.toString('base64url') },
      format: 'jwk',
    });
    expect(
      verify(null, Buffer.from(derived.cosignature.signedMessage), key, blob.subarray(12)),
    ).toBe(true);
    expect(derived.cosignedCheckpoint_size8).toBe(
      derived.signedCheckpoint_size8 + derived.cosignature.signatureLine,
    );
  });

  it('refuses the tampered checkpoint', () => {
    expect(codeOf(() => openNote(derived.tamperedCheckpoint_mustFail, [log]))).toBe(
      'invalid_signature',
    );
  });
});

describe('properties', () => {
  // Any Unicode text: control characters other than newline are mapped away, then a newline ends it.
  const noteText = fc
    .string({ unit: 'binary', maxLength: 200 })
    // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly the ones notes forbid.
    .map((s) => `${s.replace(/[\0-\x09\x0b-\x1f]/g, '.')}\n`);

  it('sign then open gives back the text', () => {
    fc.assert(
      fc.property(noteText, (text) => {
        const opened = openNote(signNote(text, peter), [peter]);
        expect(opened.text).toBe(text);
        expect(opened.signatures).toEqual([{ name: peter.name, keyId: peter.keyId }]);
      }),
      { numRuns: 300 },
    );
  });

  // With two signers, a changed name turns one signature into an unknown one, which C2SP says to
  // ignore; so the claim is: the note is refused, or it loses a verified signature. Never more.
  it('any single-byte change loses a verified signature, or the whole note', () => {
    const witness = parseSignerKey(derived.keys.witness.skey);
    fc.assert(
      fc.property(
        noteText,
        fc.boolean(),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (text, twoKeys, at, delta) => {
          const signers = twoKeys ? [peter, witness] : [peter];
          const bytes = Buffer.from(signNote(text, signers), 'utf8');
          const i = at % bytes.length;
          bytes[i] = (bytes[i]! + delta) % 256;
          let opened: ReturnType<typeof openNote> | undefined;
          try {
            opened = openNote(bytes, signers);
          } catch (err) {
            expect(err).toBeInstanceOf(NoteError);
          }
          if (opened) {
            expect(opened.text).toBe(text);
            expect(opened.signatures.length).toBeLessThan(signers.length);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
