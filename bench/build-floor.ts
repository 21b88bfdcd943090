import { createHash, hash } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { IdFingerprintSet } from '../src/evaluation/id-set.js';
import { policyFieldScanner } from '../src/evaluation/read-record.js';
import { sha256Into } from '../src/merkle/sha256-into.js';
import { TreeHasher } from '../src/merkle/tree-hasher.js';

/**
 * The floor under `obhut build`: only what a build must do per line, on one thread, so its CPU
 * time says how far the real build is above it (BENCHMARKS.md, "Issue 13, the build's floor").
 * Reads the file in large chunks, splits lines, runs the real scanner over each line (JSON,
 * UTF-8, repeated keys) and takes the policy's fields as byte ranges, HMACs each distinct subject
 * once (a table of all of them, keyed by their bytes), checks each id against the build's id set,
 * admits or excludes by a byte rule (about the bench corpus's shares), copies an admitted line
 * with its provenance (input SHA-256 hex, pseudonym hex) into an output block and an excluded
 * line's id into the excluded list, SHA-256s each leaf into the Merkle tree, writes the blocks,
 * and hashes input and output as streams. No decision objects, no threads, no strings per line.
 *
 * Not a test and not a build: the output is thrown away. Parts can be switched off one at a time
 * to see each one's share:
 *   node --import tsx bench/build-floor.ts <items.jsonl> [passes] [parts to switch off, comma-separated]
 * With no parts named it alternates the whole floor with each part off, `passes` rounds, and
 * prints CPU µs a line (median of the rounds) per configuration.
 */

const PARTS = [
  'scan', // the scanner over the line, and the field ranges
  'hmac', // pseudonymising subjects (table look-up, HMAC on a miss)
  'ids', // the duplicate-id check: a 64-bit fingerprint of the id's bytes into the build's set
  'provenance', // SHA-256 hex of the input line
  'leaf', // the leaf's SHA-256
  'tree', // the Merkle tree's interior nodes
  'copy', // copying admitted lines and their provenance into the output block
  'write', // writing the output block
  'inhash', // streaming SHA-256 of the input
  'outhash', // streaming SHA-256 of the output
] as const;
type Part = (typeof PARTS)[number];

const CHUNK = 4 << 20;
const OUT_BLOCK = 4 << 20;
const HMAC_BLOCK = 64;
const SECRET = Buffer.alloc(32, 7);
const HEX = Buffer.from('0123456789abcdef', 'latin1');
// A pseudonym whose first byte is below this is taken as objected to: with the private, minor
// and reserved items, about the bench corpus's share of excluded lines (562,782 of 1,000,000).
const EXCLUDE_BELOW = 128;

/** Every distinct `platform\0account` once, by its bytes, with its HMAC-SHA-256. */
class SubjectTable {
  readonly #slots = new Int32Array(1 << 20);
  readonly #hashes = new Int32Array(1 << 19);
  readonly #keyAt = new Uint32Array(1 << 19);
  readonly #keyLength = new Uint8Array(1 << 19);
  readonly #keys = Buffer.alloc(64 << 20);
  readonly digests = Buffer.alloc((1 << 19) * 32);
  readonly #inner = Buffer.alloc(HMAC_BLOCK + 256);
  readonly #outer = Buffer.alloc(HMAC_BLOCK + 32);
  #count = 0;
  #keyBytes = 0;
  misses = 0;

  constructor() {
    for (let i = 0; i < HMAC_BLOCK; i++) {
      this.#inner[i] = (SECRET[i] ?? 0) ^ 0x36;
      this.#outer[i] = (SECRET[i] ?? 0) ^ 0x5c;
    }
  }

  /** The entry of the subject whose key is b[ps, pe) 0 b[as, ae); computes it once. */
  find(b: Buffer, ps: number, pe: number, as: number, ae: number): number {
    const length = pe - ps + 1 + ae - as;
    let h = 0x811c9dc5;
    for (let i = ps; i < pe; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
    h = Math.imul(h, 0x01000193);
    for (let i = as; i < ae; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
    const mask = this.#slots.length - 1;
    let slot = (h ^ (h >>> 15)) & mask;
    for (let at = this.#slots[slot]!; at !== 0; at = this.#slots[slot]!) {
      const e = at - 1;
      if (this.#hashes[e] === h && this.#same(e, b, ps, pe, as, ae, length)) return e;
      slot = (slot + 1) & mask;
    }
    const e = this.#count++;
    this.#slots[slot] = e + 1;
    this.#hashes[e] = h;
    this.#keyAt[e] = this.#keyBytes;
    this.#keyLength[e] = length;
    const inner = this.#inner;
    let at = HMAC_BLOCK;
    at += b.copy(inner, at, ps, pe);
    inner[at++] = 0;
    at += b.copy(inner, at, as, ae);
    inner.copy(this.#keys, this.#keyBytes, HMAC_BLOCK, at);
    this.#keyBytes += length;
    sha256Into(inner.subarray(0, at), this.#outer, HMAC_BLOCK);
    sha256Into(this.#outer, this.digests, e * 32);
    this.misses++;
    return e;
  }

  #same(
    e: number,
    b: Buffer,
    ps: number,
    pe: number,
    as: number,
    ae: number,
    length: number,
  ): boolean {
    if (this.#keyLength[e] !== length) return false;
    const keys = this.#keys;
    let k = this.#keyAt[e]!;
    for (let i = ps; i < pe; i++) if (keys[k++] !== b[i]) return false;
    if (keys[k++] !== 0) return false;
    for (let i = as; i < ae; i++) if (keys[k++] !== b[i]) return false;
    return true;
  }
}

const OPEN = Buffer.from(',"_obhut":{"input":0,"line":', 'latin1');
const SHA = Buffer.from(',"sha256":"', 'latin1');
const SUBJECT = Buffer.from('","subject":"', 'latin1');
const CLOSE = Buffer.from('"}}\n', 'latin1');
const EX_OPEN = Buffer.from('{"id":', 'latin1');
const EX_CLOSE = Buffer.from(',"reasons":["objected"]}\n', 'latin1');

const ADMITTED = 1;
const EXCLUDED = 2;
const REJECTED = 3;
/** The whole floor's verdict and subject per line number, recorded by its first pass. */
const oracle = {
  recording: false,
  verdict: new Uint8Array(0),
  subject: new Int32Array(0),
  table: undefined as SubjectTable | undefined,
};

interface Counts {
  lines: number;
  duplicates: number;
  admitted: number;
  excluded: number;
  rejected: number;
  subjects: number;
  root: string;
  input: string;
  output: string;
}

/** One pass over the file with the parts in `off` switched off. */
function pass(file: string, out: string, off: ReadonlySet<Part>): Counts {
  const on = (p: Part) => !off.has(p);
  const [doScan, doHmac, doIds, doProv, doLeaf, doTree, doCopy, doWrite, doIn, doOut] =
    PARTS.map(on);
  const ids = new IdFingerprintSet();
  const scanner = policyFieldScanner();
  const names = scanner.names;
  const ID = names.indexOf('id');
  const SUBJ = names.indexOf('subject');
  const PLATFORM = names.indexOf('subject.platform');
  const ACCOUNT = names.indexOf('subject.account');
  const AGE = names.indexOf('subject.age');
  const VISIBILITY = names.indexOf('visibility');
  const TDM = names.indexOf('signals.tdm_reserved');
  const table = new SubjectTable();
  if (oracle.recording) oracle.table = table;
  const tree = new TreeHasher();
  const leaf = Buffer.alloc(32);
  const inHash = createHash('sha256');
  const outHash = createHash('sha256');
  const fd = openSync(file, 'r');
  const outFd = openSync(out, 'w');
  let chunk = Buffer.allocUnsafeSlow(CHUNK);
  const block = Buffer.allocUnsafeSlow(OUT_BLOCK + 1);
  let blockAt = 1;
  let carry = 0;
  let number = 0;
  const counts = { lines: 0, admitted: 0, excluded: 0, rejected: 0, duplicates: 0 };
  const excluded = Buffer.allocUnsafeSlow(1 << 20);
  let exAt = 0;
  const exFd = openSync(`${out}.excluded`, 'w');
  const flushExcluded = () => {
    if (doWrite) writeSync(exFd, excluded, 0, exAt);
    exAt = 0;
  };
  const flush = () => {
    const bytes = block.subarray(1, blockAt);
    if (doOut) outHash.update(bytes);
    if (doWrite) writeSync(outFd, bytes);
    blockAt = 1;
  };
  for (;;) {
    const read = readSync(fd, chunk, carry, chunk.length - carry, null);
    const end = carry + read;
    if (doIn && read > 0) inHash.update(chunk.subarray(carry, end));
    let start = 0;
    for (;;) {
      let nl = chunk.indexOf(0x0a, start);
      if (nl < 0 || nl >= end) {
        if (read > 0) break;
        if (start >= end) break;
        nl = end;
      }
      number++;
      const line = chunk.subarray(start, nl);
      start = nl + 1;
      if (line.length === 0) continue;
      counts.lines++;
      let subject = -1;
      let admit = true;
      let digests = table.digests;
      if (doScan && doHmac) {
        if (scanner.scan(line) !== undefined || scanner.valueStart(ID) < 0) {
          counts.rejected++;
          if (oracle.recording) oracle.verdict[number] = REJECTED;
          continue;
        }
        // The fields as byte ranges, flags compared as bytes: "private", true, "minor".
        const visibility = scanner.valueStart(VISIBILITY);
        if (visibility >= 0 && line[visibility + 2] === 0x72) admit = false;
        const tdm = scanner.valueStart(TDM);
        if (tdm >= 0 && line[tdm] === 0x74) admit = false;
        if (scanner.valueStart(SUBJ) >= 0 && scanner.valueStart(ACCOUNT) >= 0) {
          const age = scanner.valueStart(AGE);
          if (age >= 0 && line[age + 1] === 0x6d) admit = false;
          subject = table.find(
            line,
            scanner.valueStart(PLATFORM) + 1,
            scanner.valueEnd(PLATFORM) - 1,
            scanner.valueStart(ACCOUNT) + 1,
            scanner.valueEnd(ACCOUNT) - 1,
          );
          if (table.digests[subject * 32]! < EXCLUDE_BELOW) admit = false;
        }
        if (oracle.recording) {
          oracle.verdict[number] = admit ? ADMITTED : EXCLUDED;
          oracle.subject[number] = subject;
        }
      } else {
        // With the scan or the HMAC off, the whole floor's verdicts stand in, so the same lines
        // are admitted; the scan alone still runs when only the HMAC is off.
        if (doScan) scanner.scan(line);
        const verdict = oracle.verdict[number];
        if (verdict === REJECTED) {
          counts.rejected++;
          continue;
        }
        admit = verdict === ADMITTED;
        subject = oracle.subject[number]!;
        digests = oracle.table!.digests;
      }
      // Every record's id is checked against the earlier ones (two FNV-1a lanes over its bytes).
      if (doIds && doScan) {
        let hi = 0x811c9dc5;
        let lo = 0x050c5d1f;
        for (let i = scanner.valueStart(ID) + 1; i < scanner.valueEnd(ID) - 1; i++) {
          hi = Math.imul(hi ^ line[i]!, 0x01000193);
          lo = Math.imul(lo ^ line[i]!, 0x01000193) ^ (lo >>> 13);
        }
        if (!ids.addFingerprint(hi >>> 0, lo >>> 0)) counts.duplicates++;
      }
      if (!admit) {
        counts.excluded++;
        // The excluded list names the id (one reason stands for the list).
        if (doCopy && doScan) {
          if (exAt + 256 > excluded.length) flushExcluded();
          excluded.set(EX_OPEN, exAt);
          exAt += EX_OPEN.length;
          exAt += line.copy(excluded, exAt, scanner.valueStart(ID), scanner.valueEnd(ID));
          excluded.set(EX_CLOSE, exAt);
          exAt += EX_CLOSE.length;
        }
        continue;
      }
      counts.admitted++;
      // The output line: the record up to its closing brace, then the provenance.
      const most = line.length + OPEN.length + 16 + SHA.length + 64 + SUBJECT.length + 64 + 8;
      if (blockAt + most > block.length) flush();
      const lineStart = blockAt;
      let at = blockAt;
      if (doCopy) at += line.copy(block, at, 0, line.length - 1);
      else at += line.length - 1;
      if (doCopy) {
        block.set(OPEN, at);
        at += OPEN.length;
        at += block.write(String(number), at, 'latin1');
        block.set(SHA, at);
        at += SHA.length;
      }
      if (doProv) block.write(hash('sha256', line, 'hex'), at, 'latin1');
      at += 64;
      if (subject >= 0) {
        if (doCopy) block.set(SUBJECT, at);
        at += SUBJECT.length;
        if (doCopy) {
          const d = digests;
          for (let i = subject * 32; i < subject * 32 + 32; i++) {
            block[at++] = HEX[d[i]! >> 4]!;
            block[at++] = HEX[d[i]! & 15]!;
          }
        } else at += 64;
      }
      if (doCopy) block.set(CLOSE, at);
      at += CLOSE.length;
      if (doLeaf) {
        const before = block[lineStart - 1]!;
        block[lineStart - 1] = 0;
        sha256Into(block.subarray(lineStart - 1, at - 1), leaf, 0);
        block[lineStart - 1] = before;
      }
      if (doTree) tree.appendLeafHash(leaf);
      blockAt = at;
    }
    if (read === 0) break;
    // The unfinished line moves to the chunk's front (a longer one than a chunk grows it).
    carry = end - start;
    if (carry === chunk.length) {
      const bigger = Buffer.allocUnsafeSlow(chunk.length * 2);
      chunk.copy(bigger, 0, 0, carry);
      chunk = bigger;
    } else chunk.copy(chunk, 0, start, end);
  }
  flush();
  flushExcluded();
  closeSync(exFd);
  closeSync(fd);
  closeSync(outFd);
  return {
    ...counts,
    subjects: table.misses,
    root: doTree ? tree.root().toString('hex').slice(0, 16) : '-',
    input: doIn ? inHash.digest('hex').slice(0, 16) : '-',
    output: doOut ? outHash.digest('hex').slice(0, 16) : '-',
  };
}

function cpuMicros(f: () => Counts): { us: number; counts: Counts } {
  const before = process.cpuUsage();
  const counts = f();
  const used = process.cpuUsage(before);
  return { us: used.user + used.system, counts };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function main(): void {
  const [file, passesArg, offArg] = process.argv.slice(2);
  if (file === undefined) {
    console.error('usage: node --import tsx bench/build-floor.ts <items.jsonl> [passes] [off,…]');
    process.exit(2);
  }
  const out = `/tmp/build-floor-${process.pid}.jsonl`;
  const passes = Number(passesArg ?? 3);
  const configs: Part[][] =
    offArg !== undefined
      ? [offArg.split(',').filter(Boolean) as Part[]]
      : [[], ...PARTS.map((p) => [p])];
  const times = configs.map(() => [] as number[]);
  // A first pass warms the page cache and the code, and records the verdicts.
  const lines = statSync(file).size / 64 + 2;
  oracle.verdict = new Uint8Array(lines);
  oracle.subject = new Int32Array(lines);
  oracle.recording = true;
  pass(file, out, new Set());
  oracle.recording = false;
  for (let r = 0; r < passes; r++) {
    configs.forEach((off, c) => {
      const { us, counts } = cpuMicros(() => pass(file, out, new Set(off)));
      times[c]!.push(us / counts.lines);
      if (r === 0) console.error(`${off.join(',') || 'all'}: ${JSON.stringify(counts)}`);
    });
  }
  rmSync(out, { force: true });
  rmSync(`${out}.excluded`, { force: true });
  const all = median(times[0]!);
  for (const [c, off] of configs.entries()) {
    const us = median(times[c]!);
    const label = off.length === 0 ? 'whole floor' : `without ${off.join(', ')}`;
    const share = c === 0 ? '' : `  part ≈ ${(all - us).toFixed(2)} µs`;
    console.log(
      `${label.padEnd(24)} ${us.toFixed(2)} µs a line  [${times[c]!.map((t) => t.toFixed(2)).join(' ')}]${share}`,
    );
  }
}

main();
