// A PDQ bank's packed hashes, labels and MIH index, kept in a file per bank in the home folder
// between builds. Reading a bank of 100,000 hashes from the store and indexing it cost a build
// about 0.3–0.6 CPU-s (a million: seconds); reading and checking this file costs milliseconds.
//
// The file is never trusted: it is used only when its MAC, under a key derived from the
// register's secret, is right over every byte, and when it names the bank, its revision (which
// every import sets anew), this format, the index layout (MIH_LAYOUT), the tool's version and
// this byte order. Anything else — another revision or version, a torn or damaged file, one
// made under another secret, one copied from another bank — is ignored, and the bank is read
// from the store and the file written again.
import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import path from 'node:path';
import { removeAbandonedStaging, stagingPath } from '../io/sibling-files.js';
import { TOOL_VERSION } from '../version.js';
import type { BankIndexCache, PdqBankIndex } from './matcher.js';
import { MIH_BUCKETS, MIH_LAYOUT, MIH_SLOTS } from './mih.js';
import { HASH256_WORDS } from './pdq/index.js';
import type { HashBankHead } from './safety-store.js';

const MAGIC = Buffer.from('OBHUTMIH', 'latin1');
const FORMAT = 1;
const MAC_BYTES = 32;
/** Magic, format, header length. */
const PREFIX_BYTES = MAGIC.length + 8;

interface Header {
  readonly bank: string;
  readonly revision: string;
  readonly count: number;
  readonly slots: number;
  readonly buckets: number;
  readonly endianness: string;
  /** MIH_LAYOUT and the tool's version when written: another version's file is not used. */
  readonly layout: number;
  readonly tool: string;
  readonly labelled: readonly (readonly [string, readonly string[]])[];
}

/** The folder of these files in a home folder. */
export function bankIndexFolder(home: string): string {
  return path.join(home, 'cache', 'bank-index');
}

/** The MAC key of these files: derived from the register's secret for this use alone. */
export function bankIndexKey(secret: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, '', 'obhut bank index file 1', 32));
}

/**
 * Bank indexes kept in `bankIndexFolder(home)`, authenticated with a key derived from `secret`
 * (the register's pseudonym secret): a file written under another secret is not used.
 */
export function bankIndexFiles(home: string, secret: Uint8Array): BankIndexCache {
  const key = bankIndexKey(secret);
  const folder = bankIndexFolder(home);
  const fileOf = (bank: string) =>
    path.join(folder, `${createHash('sha256').update(bank).digest('hex').slice(0, 32)}.mih`);
  return {
    async read(bank: HashBankHead): Promise<PdqBankIndex | undefined> {
      if (bank.revision === null) return undefined;
      let bytes: Buffer;
      try {
        bytes = await readFile(fileOf(bank.name));
      } catch {
        return undefined;
      }
      return decodeBankIndex(bytes, key, bank.name, bank.revision);
    },

    async write(bank: HashBankHead, index: PdqBankIndex): Promise<void> {
      if (bank.revision === null) return;
      const file = fileOf(bank.name);
      // Written beside and renamed into place, so a reader sees the old file or the new one.
      // Not synced: a file torn by a crash fails its MAC and is written again. The temporary
      // files of writers that were killed (~100 MB a million hashes) are removed first.
      const temporary = stagingPath(file);
      try {
        await mkdir(folder, { recursive: true, mode: 0o700 });
        removeAbandonedStaging(file);
        await writeFile(temporary, encodeBankIndex(index, key, bank.name, bank.revision), {
          mode: 0o600,
        });
        await rename(temporary, file);
      } catch {
        // Only a cache: the build goes on with the index it made.
        await rm(temporary, { force: true }).catch(() => undefined);
      }
    },
  };
}

/** The file's bytes: prefix, header JSON, padding to 4 bytes, the arrays, the MAC. */
export function encodeBankIndex(
  index: PdqBankIndex,
  key: Uint8Array,
  bank: string,
  revision: string,
): Buffer[] {
  const header: Header = {
    bank,
    revision,
    count: index.count,
    slots: MIH_SLOTS,
    buckets: MIH_BUCKETS,
    endianness: endianness(),
    layout: MIH_LAYOUT,
    tool: TOOL_VERSION,
    labelled: index.labelled.map((e) => [e.hash, e.labels] as const),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(PREFIX_BYTES + json.length + padding(json.length));
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(FORMAT, MAGIC.length);
  prefix.writeUInt32LE(json.length, MAGIC.length + 4);
  json.copy(prefix, PREFIX_BYTES);
  const parts = [prefix, ...[index.packed, ...index.offsets, ...index.ids].map(bytesOf)];
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(part);
  return [...parts, mac.digest()];
}

/** The index in `bytes` if it is this bank's at this revision and its MAC is right; else undefined. */
export function decodeBankIndex(
  bytes: Buffer,
  key: Uint8Array,
  bank: string,
  revision: string,
  made: { readonly layout: number; readonly tool: string } = {
    layout: MIH_LAYOUT,
    tool: TOOL_VERSION,
  },
): PdqBankIndex | undefined {
  if (bytes.length < PREFIX_BYTES + MAC_BYTES) return undefined;
  const body = bytes.subarray(0, bytes.length - MAC_BYTES);
  const mac = createHmac('sha256', key).update(body).digest();
  if (!timingSafeEqual(mac, bytes.subarray(body.length))) return undefined;
  // Past the MAC the bytes are as this register wrote them; the checks below find a file of
  // another bank, revision, format or machine.
  if (!MAGIC.equals(body.subarray(0, MAGIC.length))) return undefined;
  if (body.readUInt32LE(MAGIC.length) !== FORMAT) return undefined;
  const jsonLength = body.readUInt32LE(MAGIC.length + 4);
  let header: Header;
  try {
    header = JSON.parse(
      body.subarray(PREFIX_BYTES, PREFIX_BYTES + jsonLength).toString('utf8'),
    ) as Header;
  } catch {
    return undefined;
  }
  if (
    header.bank !== bank ||
    header.revision !== revision ||
    header.slots !== MIH_SLOTS ||
    header.buckets !== MIH_BUCKETS ||
    header.endianness !== endianness() ||
    header.layout !== made.layout ||
    header.tool !== made.tool ||
    !Number.isSafeInteger(header.count) ||
    header.count < 0
  ) {
    return undefined;
  }
  const n = header.count;
  const start = PREFIX_BYTES + jsonLength + padding(jsonLength);
  const words = n * HASH256_WORDS + MIH_SLOTS * (MIH_BUCKETS + 1) + MIH_SLOTS * n;
  if (body.length !== start + words * 4) return undefined;
  // Views into the file's bytes, no copies, unless they start off a word boundary.
  const data = (body.byteOffset + start) % 4 === 0 ? body : alignedCopy(body);
  let at = data.byteOffset + start;
  const take = (length: number) => {
    const view = new Uint32Array(data.buffer, at, length);
    at += length * 4;
    return view;
  };
  const packed = take(n * HASH256_WORDS);
  const offsets = Array.from({ length: MIH_SLOTS }, () => take(MIH_BUCKETS + 1));
  const ids = Array.from({ length: MIH_SLOTS }, () => take(n));
  return {
    count: n,
    packed,
    offsets,
    ids,
    labelled: header.labelled.map(([hash, labels]) => ({ hash, labels })),
  };
}

function padding(jsonLength: number): number {
  return (4 - ((PREFIX_BYTES + jsonLength) % 4)) % 4;
}

function alignedCopy(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

function bytesOf(words: Uint32Array): Buffer {
  return Buffer.from(words.buffer, words.byteOffset, words.byteLength);
}
