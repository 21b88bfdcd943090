import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stagingPath } from '../../src/io/sibling-files.js';
import type { BankEntry, HashBank } from '../../src/safety/bank.js';
import {
  bankIndexFiles,
  bankIndexFolder,
  bankIndexKey,
  decodeBankIndex,
  encodeBankIndex,
} from '../../src/safety/bank-index-file.js';
import { Matcher } from '../../src/safety/matcher.js';
import { MIH_LAYOUT, MihIndex } from '../../src/safety/mih.js';
import { hash256FromHex, hash256ToHex } from '../../src/safety/pdq/index.js';
import type { HashBankStore } from '../../src/safety/safety-store.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { TOOL_VERSION } from '../../src/version.js';

const BANK: HashBank = {
  name: 'kept',
  signalType: 'pdq',
  source: null,
  listVersion: '1',
  threshold: 31,
};

function entries(count: number, labelled = 3): BankEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    hash: randomBytes(32).toString('hex'),
    labels: i < labelled ? [`label-${i}`] : [],
  }));
}

/** The hash `hex` with its first `bits` bits flipped: a near match for PDQ. */
function near(hex: string, bits: number): string {
  const h = hash256FromHex(hex)!;
  for (let b = 0; b < bits; b++) h[b >> 5]! ^= 1 << (b & 31);
  return hash256ToHex(h);
}

/** What a matcher answers for queries near every entry and for random ones. */
function answers(matcher: Matcher, bank: readonly BankEntry[]) {
  const queries = [
    ...bank.map((e, i) => near(e.hash, i % 40)),
    ...Array.from({ length: 20 }, () => randomBytes(32).toString('hex')),
  ];
  return queries.map((q) => matcher.matchPdq(hash256FromHex(q)!));
}

describe('bank index files', () => {
  let dir: string;
  let home: string;
  let store: Store;
  const secret = randomBytes(32);

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'obhut-bank-index-'));
    home = path.join(dir, 'home');
    store = await openSqliteStore(path.join(dir, 'obhut.db'));
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const load = (name = BANK.name, key: Uint8Array = secret, from: typeof store = store) =>
    Matcher.load(from, name, bankIndexFiles(home, key));
  const files = async () => readdir(bankIndexFolder(home)).catch(() => [] as string[]);
  const onlyFile = async () => {
    const names = await files();
    expect(names).toHaveLength(1);
    return path.join(bankIndexFolder(home), names[0]!);
  };

  it('keeps a PDQ bank between loads and answers exactly as the bank read from the store', async () => {
    const bank = entries(300);
    await store.importBank(BANK, bank);
    const reference = Matcher.fromEntries(BANK, bank);
    const first = await load();
    expect(first.loadedFrom).toBe('store');
    const second = await load();
    expect(second.loadedFrom).toBe('cache');
    expect(second.size).toBe(300);
    expect(second.bank).toEqual({ ...BANK, revision: expect.any(String) });
    const expected = answers(reference, bank);
    expect(answers(first, bank)).toEqual(expected);
    expect(answers(second, bank)).toEqual(expected);
    // Labels come back too.
    expect(second.matchPdq(hash256FromHex(bank[0]!.hash)!)[0]).toMatchObject({
      hash: bank[0]!.hash,
      distance: 0,
      labels: ['label-0'],
    });
    expect(await files()).toHaveLength(1);
  });

  it('reads the bank again when an import changed it, and keeps the new state', async () => {
    const bank = entries(200);
    await store.importBank(BANK, bank);
    await load();
    expect((await load()).loadedFrom).toBe('cache');
    const added = entries(50, 0);
    // New entries, and a label on an entry that had none.
    await store.importBank(BANK, [...added, { hash: bank[150]!.hash, labels: ['late'] }]);
    const changed = await load();
    expect(changed.loadedFrom).toBe('store');
    expect(changed.size).toBe(250);
    const all = [...bank, ...added].map((e) =>
      e.hash === bank[150]!.hash ? { ...e, labels: ['late'] } : e,
    );
    const expected = answers(Matcher.fromEntries(BANK, all), all);
    expect(answers(changed, all)).toEqual(expected);
    const kept = await load();
    expect(kept.loadedFrom).toBe('cache');
    expect(answers(kept, all)).toEqual(expected);
    // A new threshold alone is a new revision too, and is the one used.
    await store.importBank({ ...BANK, threshold: 8 }, []);
    const narrower = await load();
    expect(narrower.loadedFrom).toBe('store');
    expect(narrower.bank.threshold).toBe(8);
    expect((await load()).bank.threshold).toBe(8);
    // One file per bank, replaced at each revision: old revisions are not kept beside it.
    expect(await files()).toHaveLength(1);
  });

  it('never uses a damaged, truncated, foreign or misplaced file, and writes it again', async () => {
    const bank = entries(120);
    await store.importBank(BANK, bank);
    await store.importBank({ ...BANK, name: 'other' }, entries(80));
    await load();
    const file = await onlyFile();
    const good = await readFile(file);
    const expected = answers(Matcher.fromEntries(BANK, bank), bank);
    const damaged: [string, Buffer][] = [
      ['one bit flipped in the hashes', flip(good, good.length - 32 - 120 * 64 - 1000)],
      ['one bit flipped in the MAC', flip(good, good.length - 1)],
      ['one bit flipped in the header', flip(good, 20)],
      ['truncated', good.subarray(0, good.length - 100)],
      ['empty', Buffer.alloc(0)],
      ['garbage', randomBytes(good.length)],
    ];
    for (const [what, bytes] of damaged) {
      await writeFile(file, bytes);
      const matcher = await load();
      expect(matcher.loadedFrom, what).toBe('store');
      expect(answers(matcher, bank), what).toEqual(expected);
      expect(await readFile(file), what).not.toEqual(bytes);
      expect((await load()).loadedFrom, what).toBe('cache');
    }
    // Made by a version that laid out the index or packed the hashes otherwise: not used,
    // MAC or not (decodeBankIndex as such a version would call it).
    await load();
    const current = await readFile(file);
    const bankHead = await store.bankHead(BANK.name);
    expect(
      decodeBankIndex(current, bankIndexKey(secret), BANK.name, bankHead!.revision!),
    ).toBeDefined();
    for (const made of [
      { layout: MIH_LAYOUT + 1, tool: TOOL_VERSION },
      { layout: MIH_LAYOUT, tool: `${TOOL_VERSION}-next` },
    ]) {
      expect(
        decodeBankIndex(current, bankIndexKey(secret), BANK.name, bankHead!.revision!, made),
      ).toBe(undefined);
    }
    // Written under another secret: not vouched for.
    const foreign = await load(BANK.name, randomBytes(32));
    expect(foreign.loadedFrom).toBe('store');
    expect((await load()).loadedFrom).toBe('store');
    expect((await load()).loadedFrom).toBe('cache');
    // Another bank's file put in this bank's place, MAC and all.
    await load('other');
    const [a, b] = (await files()).map((f) => path.join(bankIndexFolder(home), f));
    await copyFile(a!, b!);
    const names = [await load(), await load('other')];
    expect(names.map((m) => m.size).sort()).toEqual([120, 80]);
    expect(names.some((m) => m.loadedFrom === 'store')).toBe(true);
  });

  it("removes the temporary files of writers that were killed, and no live writer's", async () => {
    await store.importBank(BANK, entries(50));
    await load();
    const file = await onlyFile();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const host = /tmp-(h[0-9a-f]{8})-/.exec(path.basename(stagingPath(file)))![1];
    const base = path.basename(file);
    const killed = `.${base}.tmp-${host}-${dead}-0123456789ab`;
    const live = `.${base}.tmp-${host}-${process.pid}-0123456789ab`;
    await writeFile(path.join(bankIndexFolder(home), killed), 'half');
    await writeFile(path.join(bankIndexFolder(home), live), 'half');
    await store.importBank(BANK, entries(60));
    expect((await load()).loadedFrom).toBe('store');
    expect((await files()).sort()).toEqual([live, base].sort());
  });

  it('does not keep an index when the bank changed while it was read', async () => {
    const bank = entries(50);
    await store.importBank(BANK, bank);
    // An import lands between reading the hashes and checking the revision again.
    const racing: Pick<HashBankStore, 'bankHead' | 'bankSignals'> = {
      bankHead: (name) => store.bankHead(name),
      bankSignals: async (name) => {
        const signals = await store.bankSignals(name);
        await store.importBank(BANK, entries(1, 0));
        return signals;
      },
    };
    const matcher = await Matcher.load(racing, BANK.name, bankIndexFiles(home, secret));
    expect(matcher.size).toBe(50);
    expect(await files()).toEqual([]);
    expect((await load()).size).toBe(51);
  });

  it('builds without a cache it cannot write, and keeps none of exact-hash banks', async () => {
    const bank = entries(40);
    await store.importBank(BANK, bank);
    await store.importBank({ ...BANK, name: 'sha', signalType: 'sha256' }, entries(10));
    // The home's cache folder is a file: nothing can be written there.
    await mkdir(home, { recursive: true });
    await writeFile(path.join(home, 'cache'), 'not a folder');
    const matcher = await load();
    expect(matcher.loadedFrom).toBe('store');
    expect(answers(matcher, bank)).toEqual(answers(Matcher.fromEntries(BANK, bank), bank));
    await rm(path.join(home, 'cache'));
    expect((await load('sha')).loadedFrom).toBe('store');
    expect(await files()).toEqual([]);
  });
});

describe('bank index file encoding', () => {
  it('decodes what it encodes, and nothing once any byte is changed', () => {
    const key = randomBytes(32);
    const bank = entries(40, 5);
    const packed = new Uint32Array(40 * 8);
    for (const [i, e] of bank.entries()) packed.set(hash256FromHex(e.hash)!, i * 8);
    const { offsets, ids } = MihIndex.build(packed).parts();
    const labelled = bank.filter((e) => e.labels.length > 0);
    const bytes = Buffer.concat(
      encodeBankIndex({ count: 40, packed, offsets, ids, labelled }, key, 'b', 'r1'),
    );
    const decoded = decodeBankIndex(bytes, key, 'b', 'r1')!;
    expect(decoded.count).toBe(40);
    expect(same(decoded.packed, packed)).toBe(true);
    expect(decoded.offsets.every((o, s) => same(o, offsets[s]!))).toBe(true);
    expect(decoded.ids.every((l, s) => same(l, ids[s]!))).toBe(true);
    expect(decoded.offsets).toHaveLength(16);
    expect(decoded.ids).toHaveLength(16);
    expect(decoded.labelled).toEqual(labelled);
    // A copy that starts off a word boundary decodes too.
    const shifted = Buffer.alloc(bytes.length + 1).subarray(1);
    bytes.copy(shifted);
    expect(same(decodeBankIndex(shifted, key, 'b', 'r1')!.packed, packed)).toBe(true);
    expect(decodeBankIndex(bytes, key, 'b', 'r2')).toBeUndefined();
    expect(decodeBankIndex(bytes, key, 'c', 'r1')).toBeUndefined();
    expect(decodeBankIndex(bytes, randomBytes(32), 'b', 'r1')).toBeUndefined();
    fc.assert(
      fc.property(
        fc.nat({ max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (at, mask) => {
          const changed = Buffer.from(bytes);
          changed[at]! ^= mask;
          expect(decodeBankIndex(changed, key, 'b', 'r1')).toBeUndefined();
        },
      ),
      { numRuns: 100 },
    );
  });
});

/** Equal words (compared as bytes: a deep comparison of a million elements is slow). */
function same(a: Uint32Array, b: Uint32Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );
}

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at]! ^= 0x10;
  return copy;
}
