// The encrypted quarantine: files that matched a hash bank are kept, locked, for the report and
// for authorised review, and never left readable on disk. AES-256-GCM with a random 12-byte
// nonce; the associated data names the file's SHA-256, so a quarantined file cannot be passed
// off as another one.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { chmod, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ObhutError } from '../errors/index.js';
import { digestFile } from './file-digest.js';
import { parseQuarantineKey } from './quarantine-key.js';

export { parseQuarantineKey };

export const QUARANTINE_DIR = 'quarantine';
export const QUARANTINE_KEY_FILE = 'quarantine.key';
/** File layout: MAGIC, nonce, ciphertext, tag. */
const MAGIC = Buffer.from('OBHUTQ01', 'ascii');
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export interface QuarantinedFile {
  readonly sha256: string;
  /** Path of the encrypted file, `<home>/quarantine/<sha256>.bin`. */
  readonly path: string;
  readonly size: number;
  /** False when the same content was already quarantined (it is kept as it was). */
  readonly fresh: boolean;
}

/** A new key in the key file's format. */
export function generateQuarantineKey(): string {
  return randomBytes(32).toString('hex');
}

/**
 * The quarantine key: OBHUT_QUARANTINE_KEY when set (read into the configuration), else
 * `<home>/quarantine.key` (made by `obhut init`).
 */
export async function loadQuarantineKey(config: {
  readonly home: string;
  readonly quarantineKey?: Buffer | undefined;
}): Promise<Buffer> {
  if (config.quarantineKey) return config.quarantineKey;
  const file = path.join(config.home, QUARANTINE_KEY_FILE);
  if (!existsSync(file)) {
    throw new ObhutError(
      'HOME_NOT_INITIALISED',
      `no quarantine key at ${file}; run \`obhut init\` or set OBHUT_QUARANTINE_KEY`,
    );
  }
  return parseQuarantineKey(await readFile(file, 'utf8'), file);
}

function associatedData(sha256: string): Buffer {
  return Buffer.from(`obhut quarantine v1 sha256:${sha256}`, 'utf8');
}

export function quarantinePath(home: string, sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new RangeError('not a SHA-256 hex digest');
  return path.join(home, QUARANTINE_DIR, `${sha256}.bin`);
}

/**
 * Encrypts `file` into the quarantine. The input is only read, never changed or removed. The
 * encrypted file appears under its final name only when complete (written to a temporary name,
 * then renamed). `sha256`, when the caller has it already, is checked against the bytes read.
 */
export async function quarantineFile(
  home: string,
  key: Buffer,
  file: string,
  sha256?: string,
): Promise<QuarantinedFile> {
  if (key.length !== 32) throw new RangeError('the quarantine key must be 32 bytes');
  const digest = sha256 ?? (await digestFile(file, 'sha256'));
  const target = quarantinePath(home, digest);
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  if (existsSync(target)) {
    const stored = (await stat(target)).size;
    const size = stored - MAGIC.length - NONCE_BYTES - TAG_BYTES;
    return { sha256: digest, path: target, size, fresh: false };
  }
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.concat([MAGIC, associatedData(digest)]));
  const check = createHash('sha256');
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const out = await open(temp, 'wx', 0o600);
  let size = 0;
  try {
    await out.write(Buffer.concat([MAGIC, nonce]));
    try {
      for await (const chunk of createReadStream(file)) {
        check.update(chunk as Buffer);
        size += (chunk as Buffer).length;
        await out.write(cipher.update(chunk as Buffer));
      }
    } catch (err) {
      throw new ObhutError('INPUT_UNREADABLE', `${file}: ${(err as Error).message}`, {
        cause: err,
      });
    }
    if (check.digest('hex') !== digest) {
      throw new ObhutError(
        'QUARANTINE_FAILED',
        `${file} changed while it was being quarantined (its SHA-256 is no longer ${digest})`,
      );
    }
    await out.write(Buffer.concat([cipher.final(), cipher.getAuthTag()]));
    await out.sync();
    await out.close();
    await rename(temp, target);
  } catch (err) {
    await out.close().catch(() => {});
    await rm(temp, { force: true });
    throw err;
  }
  return { sha256: digest, path: target, size, fresh: true };
}

/**
 * Decrypts a quarantined file, for authorised review or a report's upload. Fails with
 * QUARANTINE_FAILED when the key is wrong or any byte of the file was changed, and checks the
 * plaintext's SHA-256 against the name.
 */
export async function decryptQuarantined(
  home: string,
  key: Buffer,
  sha256: string,
): Promise<Buffer> {
  const file = quarantinePath(home, sha256);
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (err) {
    throw new ObhutError('NOT_FOUND', `no quarantined file ${sha256}`, { cause: err });
  }
  const failed = () =>
    new ObhutError(
      'QUARANTINE_FAILED',
      `quarantined file ${sha256} did not decrypt (wrong key, or the file was changed)`,
    );
  if (
    data.length < MAGIC.length + NONCE_BYTES + TAG_BYTES ||
    !data.subarray(0, MAGIC.length).equals(MAGIC)
  ) {
    throw failed();
  }
  const nonce = data.subarray(MAGIC.length, MAGIC.length + NONCE_BYTES);
  const body = data.subarray(MAGIC.length + NONCE_BYTES, data.length - TAG_BYTES);
  const tag = data.subarray(data.length - TAG_BYTES);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.concat([MAGIC, associatedData(sha256)]));
    decipher.setAuthTag(tag);
    plain = Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw failed();
  }
  if (createHash('sha256').update(plain).digest('hex') !== sha256) throw failed();
  return plain;
}
