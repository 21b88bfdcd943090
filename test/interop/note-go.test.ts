import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatCheckpoint,
  generateNoteKey,
  openCheckpoint,
  openNote,
  parseSignerKey,
  parseVerifierKey,
  signCheckpoint,
  signNote,
} from '../../src/log/index.js';

/**
 * Our notes checked by an independent implementation: Go's golang.org/x/mod/sumdb/note, built
 * from Debian's source package in GOPATH mode, with no network. On Debian or Ubuntu:
 *   apt-get install -y golang-go golang-golang-x-mod-dev
 * OBHUT_GOPATH overrides where that source is looked for.
 */
const GOPATH = process.env.OBHUT_GOPATH ?? '/usr/share/gocode';
const hasGo = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;
const hasXMod = existsSync(path.join(GOPATH, 'src/golang.org/x/mod/sumdb/note/note.go'));
const skip = !hasGo || !hasXMod;
const why = skip ? ' (skipped: needs go and golang-golang-x-mod-dev installed)' : '';

const work = mkdtempSync(path.join(tmpdir(), 'obhut-note-go-'));
const binary = path.join(work, 'note-verify');
const goEnv = {
  ...process.env,
  GO111MODULE: 'off',
  GOPATH,
  GOPROXY: 'off',
  GOFLAGS: '',
  GOCACHE: process.env.GOCACHE ?? path.join(tmpdir(), 'obhut-go-build-cache'),
};

beforeAll(() => {
  if (skip) return;
  const source = path.resolve(import.meta.dirname, 'note-verify');
  const built = spawnSync('go', ['build', '-o', binary, '.'], {
    cwd: source,
    env: goEnv,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`go build failed: ${built.stderr}`);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function go(command: 'verify' | 'sign', key: string, input: string) {
  const run = spawnSync(binary, [command, key], { input, encoding: 'utf8' });
  return { ok: run.status === 0, out: run.stdout, err: run.stderr };
}

describe('Go x/mod sumdb/note', () => {
  const vectors = path.resolve(import.meta.dirname, '../vectors/tlog/note');

  it.skipIf(skip)(`verifies a checkpoint signed by our TypeScript${why}`, () => {
    const { signerKey, verifierKey } = generateNoteKey('obhut.example/log');
    const signer = parseSignerKey(signerKey);
    const checkpoint = { origin: signer.name, size: 123456, root: Buffer.alloc(32, 0x42) };
    const note = signCheckpoint(checkpoint, signer);
    const result = go('verify', verifierKey, note);
    expect(result.err).toBe('');
    expect(result.out).toBe(formatCheckpoint(checkpoint));
  });

  it.skipIf(skip)(`rejects our checkpoint once tampered, or under another key${why}`, () => {
    const { signerKey, verifierKey } = generateNoteKey('obhut.example/log');
    const note = signCheckpoint(
      { origin: 'obhut.example/log', size: 7, root: Buffer.alloc(32, 1) },
      parseSignerKey(signerKey),
    );
    const tampered = note.replace('\n7\n', '\n8\n');
    expect(tampered).not.toBe(note);
    const bad = go('verify', verifierKey, tampered);
    expect(bad.ok).toBe(false);
    expect(bad.err).toMatch(/invalid signature/);
    const stranger = generateNoteKey('obhut.example/log').verifierKey;
    expect(go('verify', stranger, note).ok).toBe(false);
  });

  it.skipIf(skip)(`verifies texts with Unicode, blank lines and several signers${why}`, () => {
    const a = generateNoteKey('a.example/log');
    const b = generateNoteKey('b.example/witness');
    const signers = [parseSignerKey(a.signerKey), parseSignerKey(b.signerKey)];
    for (const text of ['\n', 'x\n\n', 'ünïcödé — 😀\n\nsecond paragraph\n', 'a+b c\n\n\n']) {
      const note = signNote(text, signers);
      expect(go('verify', a.verifierKey, note).out).toBe(text);
      expect(go('verify', b.verifierKey, note).out).toBe(text);
    }
  });

  it.skipIf(skip)(`signs byte for byte as we do, and we open what Go signs${why}`, () => {
    const { signerKey, verifierKey } = generateNoteKey('obhut.example/log');
    const text = formatCheckpoint({ origin: 'obhut.example/log', size: 1, root: Buffer.alloc(32) });
    const signed = go('sign', signerKey, text);
    expect(signed.err).toBe('');
    expect(signed.out).toBe(signNote(text, parseSignerKey(signerKey)));
    const opened = openCheckpoint(signed.out, parseVerifierKey(verifierKey));
    expect(opened.text).toBe(text);
    expect(opened.checkpoint.size).toBe(1);
  });

  it.skipIf(skip)(
    `agrees on the vectors: sum.golang.org, and the ignored cosignature${why}`,
    () => {
      const sumdb = readFileSync(path.join(vectors, 'sumdb-checkpoint-6476701.txt'), 'utf8');
      const sumKey = 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8';
      expect(go('verify', sumKey, sumdb).out).toBe(
        openNote(sumdb, [parseVerifierKey(sumKey)]).text,
      );
      const cosigned = readFileSync(
        path.join(vectors, 'derived-cosigned-checkpoint-size8.txt'),
        'utf8',
      );
      const logKey = 'Log+2271c621+AemuH5ooBpEPcr+W8onrjA1NfuzBVHdezakU81Ekarvs';
      expect(go('verify', logKey, cosigned).out).toBe(
        openCheckpoint(cosigned, parseVerifierKey(logKey)).text,
      );
    },
  );
});
