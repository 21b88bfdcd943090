import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt cost. N = 2^15, r = 8, p = 3 is one of OWASP's equivalent minimums (32 MiB a hash);
 * the parameters are stored with each hash, so raising them later re-hashes at the next sign-in.
 */
export interface ScryptParams {
  /** log2 of N, the CPU and memory cost. */
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { logN: 15, r: 8, p: 3 };
export const MIN_PASSWORD_LENGTH = 12;
/** Longer inputs are refused before hashing: nobody types more, and it bounds the work. */
export const MAX_PASSWORD_BYTES = 1024;

const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Bounds for parameters read back from the database, so a tampered row cannot exhaust memory.
const LIMITS = { logN: [10, 20], r: [1, 32], p: [1, 16] } as const;
// `$scrypt$ln=15,r=8,p=3$<salt>$<key>`, base64 without padding (the PHC string format).
const FORMAT =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{16,88})\$([A-Za-z0-9+/]{16,88})$/;

/** Why a new password is unacceptable, or undefined when it is fine. */
export function passwordProblem(password: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `a password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  }
  if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) {
    return `a password may have at most ${MAX_PASSWORD_BYTES} bytes`;
  }
  return undefined;
}

export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<string> {
  if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) throw new RangeError('password too long');
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return `$scrypt$ln=${params.logN},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
}

/** Compares in constant time; false for a malformed hash or an over-long password. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || Buffer.byteLength(password) > MAX_PASSWORD_BYTES) return false;
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** True when the stored hash is weaker than `params` (or unreadable), and should be redone. */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_SCRYPT): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return true;
  const { logN, r, p } = parsed.params;
  return logN < params.logN || r < params.r || p < params.p;
}

function parseHash(stored: string) {
  const m = FORMAT.exec(stored);
  if (!m) return undefined;
  const params = { logN: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  for (const name of ['logN', 'r', 'p'] as const) {
    const [min, max] = LIMITS[name];
    if (params[name] < min || params[name] > max) return undefined;
  }
  const key = Buffer.from(m[5]!, 'base64');
  if (key.length < 16) return undefined;
  return { params, salt: Buffer.from(m[4]!, 'base64'), key };
}

function derive(password: string, salt: Buffer, params: ScryptParams, length: number) {
  const N = 2 ** params.logN;
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      length,
      { N, r: params.r, p: params.p, maxmem: 256 * N * params.r },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

function b64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '');
}
