import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/runtime/config.js';
import { initHome } from '../../src/runtime/home.js';
import {
  decryptQuarantined,
  loadQuarantineKey,
  quarantineFile,
  quarantinePath,
} from '../../src/safety/quarantine.js';

async function benignImage(dir: string): Promise<{ file: string; bytes: Buffer; sha256: string }> {
  const bytes = await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 20, g: 140, b: 200 } },
  })
    .png()
    .toBuffer();
  const file = join(dir, 'benign.png');
  writeFileSync(file, bytes);
  return { file, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

describe('quarantine', () => {
  it('encrypts into <home>/quarantine/<sha256>.bin (0600 in a 0700 folder) and decrypts back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'obhut-quarantine-'));
    const home = join(dir, 'home');
    const config = { ...readConfig({ OBHUT_HOME: home }, dir) };
    const { created } = await initHome(config);
    expect(created).toContain(join(home, 'quarantine.key'));
    expect(statSync(join(home, 'quarantine.key')).mode & 0o777).toBe(0o600);
    const key = await loadQuarantineKey(config);
    const { file, bytes, sha256 } = await benignImage(dir);
    const q = await quarantineFile(home, key, file);
    expect(q).toMatchObject({ sha256, size: bytes.length, fresh: true });
    expect(q.path).toBe(quarantinePath(home, sha256));
    expect(statSync(q.path).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'quarantine')).mode & 0o777).toBe(0o700);
    // The input is untouched; the stored file holds no plaintext.
    expect(readFileSync(file).equals(bytes)).toBe(true);
    const stored = readFileSync(q.path);
    expect(stored.includes(bytes.subarray(0, 32))).toBe(false);
    expect((await decryptQuarantined(home, key, sha256)).equals(bytes)).toBe(true);
    // Quarantining the same content again keeps the first copy.
    expect((await quarantineFile(home, key, file, sha256)).fresh).toBe(false);
    expect(readFileSync(q.path).equals(stored)).toBe(true);
  });

  it('fails on any changed byte, a wrong key, or another file name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'obhut-quarantine-'));
    const home = join(dir, 'home');
    const keyHex = 'ab'.repeat(32);
    const config = readConfig({ OBHUT_HOME: home, OBHUT_QUARANTINE_KEY: keyHex }, dir);
    const key = await loadQuarantineKey(config);
    expect(key.toString('hex')).toBe(keyHex);
    const { file, sha256 } = await benignImage(dir);
    const q = await quarantineFile(home, key, file);
    const stored = readFileSync(q.path);
    for (const at of [0, 9, 20, stored.length - 20, stored.length - 1]) {
      const changed = Buffer.from(stored);
      changed[at]! ^= 1;
      writeFileSync(q.path, changed);
      await expect(decryptQuarantined(home, key, sha256)).rejects.toMatchObject({
        code: 'QUARANTINE_FAILED',
      });
    }
    writeFileSync(q.path, stored);
    await expect(decryptQuarantined(home, Buffer.alloc(32, 1), sha256)).rejects.toMatchObject({
      code: 'QUARANTINE_FAILED',
    });
    // The associated data binds the name: the same bytes under another digest do not decrypt.
    const other = 'c'.repeat(64);
    writeFileSync(quarantinePath(home, other), stored);
    await expect(decryptQuarantined(home, key, other)).rejects.toMatchObject({
      code: 'QUARANTINE_FAILED',
    });
    expect(() => readConfig({ OBHUT_QUARANTINE_KEY: 'xyz' }, dir)).toThrow(/64 hex digits/);
  });
});
