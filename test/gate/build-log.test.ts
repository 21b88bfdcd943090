import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importConsentFile, loadConsentSnapshot, pseudonymise } from '../../src/consent/index.js';
import { proveSubjectFromFolder } from '../../src/gate/build-folder-proof.js';
import { proveSubject } from '../../src/gate/subjects-proof.js';
import { verifySubjectsProof } from '../../src/gate/verify-subjects-proof.js';
import { decodeEntry, openCheckpoint, readProofInput, verifyReceipt } from '../../src/log/index.js';
import { merkleTreeHash } from '../../src/merkle/index.js';
import { readConfig } from '../../src/runtime/config.js';
import { initHome, openSession } from '../../src/runtime/home.js';
import { loadConsentSnapshotIsolated } from '../../src/runtime/load-snapshot.js';
import { admittedLines, adult, type Backend, objection, workspace } from '../support/fixtures.js';
import { postgresTestUrl } from '../support/postgres.js';

const backends: Backend[] = postgresTestUrl ? ['sqlite', 'postgres'] : ['sqlite'];

describe.each(backends)('a build and the transparency log (%s)', (backend) => {
  it('reads the register at a checkpoint, records it, logs the build and commits to its subjects', async () => {
    const ws = await workspace(backend);
    try {
      await ws.importEvents([objection('2')]);
      const input = await ws.write('items.jsonl', [
        { id: 'a', kind: 'text', text: 'x', subject: adult('1') },
        { id: 'b', kind: 'text', text: 'x', subject: adult('2') },
        { id: 'c', kind: 'text', text: 'x', subject: adult('3') },
        { id: 'd', kind: 'text', text: 'x', subject: adult('1') },
        { id: 'e', kind: 'text', text: 'no subject' },
      ]);
      const before = await ws.log.reader.checkpoint();
      const result = await ws.build([input]);
      const { manifest, out } = result;

      // The checkpoint the register was read at, verbatim.
      expect(manifest.consent.checkpoint).toEqual({
        origin: 'test.local/log',
        size: before.size,
        root: before.root.toString('base64'),
        note: before.note,
      });
      expect(
        openCheckpoint(manifest.consent.checkpoint.note, ws.log.verifier).checkpoint.size,
      ).toBe(before.size);
      expect(manifest.counts).toMatchObject({ admitted: 4, excluded: 1 });

      // subjects.bin: the sorted distinct pseudonyms of admitted items; the root recomputes.
      const subjectsBin = await readFile(path.join(out, 'subjects.bin'));
      const pseudonyms = (await admittedLines(out))
        .map((l) => JSON.parse(l)._obhut.subject as string | undefined)
        .filter((s) => s !== undefined);
      const expected = [...new Set(pseudonyms)].sort();
      expect(expected).toHaveLength(2);
      expect(subjectsBin.toString('hex')).toBe(expected.join(''));
      const leaves = expected.map((h) => Buffer.from(h, 'hex'));
      expect(manifest.subjects_root).toBe(merkleTreeHash(leaves).toString('hex'));
      expect(manifest.subjects_count).toBe(2);
      expect(manifest.outputs.find((o) => o.path === 'subjects.bin')).toMatchObject({
        bytes: 64,
        records: 2,
      });

      // The build entry is in the log, and its receipt verifies with the log's key.
      expect(result.buildId).toBe(result.manifestSha256.slice(0, 16));
      expect(result.logIndex).toBe(before.size);
      expect(await ws.log.reader.entry(result.logIndex)).toEqual(
        Buffer.from(result.receipt.entry, 'base64'),
      );
      const receiptText = await readFile(path.join(out, 'build-receipt.json'), 'utf8');
      const verified = verifyReceipt(readProofInput(receiptText), ws.log.verifier);
      expect(verified.ok).toBe(true);
      expect(verified.statement).toContain(`Dataset build ${result.buildId}`);
      const decoded = decodeEntry(readProofInput(receiptText).entry);
      expect(decoded).toEqual({
        ok: true,
        entry: {
          type: 'build',
          version: 1,
          build_id: result.buildId,
          purpose: 'ai_training',
          manifest_sha256: result.manifestSha256,
          items_root: manifest.items_root,
          subjects_root: manifest.subjects_root,
          subjects_count: manifest.subjects_count,
          consent_checkpoint: {
            origin: 'test.local/log',
            size: before.size,
            root: before.root.toString('base64'),
          },
        },
      });

      // The store has the build, its place in the log and its subjects.
      const [recorded] = await ws.store.listBuilds();
      expect(recorded).toMatchObject({
        manifestSha256: result.manifestSha256,
        buildId: result.buildId,
        subjectsRoot: manifest.subjects_root,
        subjectsCount: 2,
        logIndex: result.logIndex,
        checkpointSize: before.size,
      });
      expect(await ws.store.buildSubjects(result.buildId)).toEqual(subjectsBin);

      // The objector gets a proof of absence from the folder alone, and it verifies.
      const objector = Buffer.from(
        pseudonymise(ws.secret, { platform: 'ig', account: '2' }),
        'hex',
      );
      const absent = await proveSubjectFromFolder(out, objector);
      expect(absent.member).toBe(false);
      const checked = verifySubjectsProof(absent, ws.log.verifier);
      expect(checked.ok).toBe(true);
      expect(checked.statement).toContain(`None of the items in build ${result.buildId}`);

      // An included subject gets a membership proof, which verifies too.
      const included = Buffer.from(
        pseudonymise(ws.secret, { platform: 'ig', account: '1' }),
        'hex',
      );
      const present = await proveSubjectFromFolder(out, included);
      expect(present).toMatchObject({ member: true, membership: { index: expect.any(Number) } });
      expect(verifySubjectsProof(present, ws.log.verifier).ok).toBe(true);

      // The server's way: subjects from the store and a fresh receipt from the log.
      const fromStore = proveSubject(
        (await ws.store.buildSubjects(result.buildId))!,
        objector,
        {
          build_id: result.buildId,
          manifest_sha256: result.manifestSha256,
          subjects_root: manifest.subjects_root,
        },
        await ws.log.receiptAt(result.logIndex),
      );
      expect(verifySubjectsProof(fromStore, ws.log.verifier).ok).toBe(true);
    } finally {
      await ws.close();
    }
  });
});

describe('a build honours only what its checkpoint covers', () => {
  it('ignores an objection logged after the checkpoint, and the next build honours it', async () => {
    const ws = await workspace();
    try {
      const input = await ws.write('items.jsonl', [
        { id: 'a', kind: 'text', text: 'x', subject: adult('1') },
      ]);
      const checkpoint = await ws.log.reader.checkpoint();
      // Effective long before --at, but logged after the checkpoint the first build uses.
      await ws.importEvents([objection('1', '2025-01-01T00:00:00Z')]);
      const first = await ws.build([input], { checkpointSize: checkpoint.size });
      expect(first.manifest.consent).toMatchObject({
        events_considered: 0,
        subjects_objected: 0,
        checkpoint: { size: checkpoint.size },
      });
      expect(first.manifest.counts.admitted).toBe(1);
      const subject = Buffer.from(pseudonymise(ws.secret, { platform: 'ig', account: '1' }), 'hex');
      expect((await proveSubjectFromFolder(first.out, subject)).member).toBe(true);

      const second = await ws.build([input]);
      expect(second.manifest.consent.checkpoint.size).toBeGreaterThan(checkpoint.size);
      expect(second.manifest.consent).toMatchObject({ events_considered: 1, subjects_objected: 1 });
      expect(second.manifest.counts).toMatchObject({ admitted: 0, excluded: 1 });
      expect(second.manifest.subjects_count).toBe(0);
      const proof = await proveSubjectFromFolder(second.out, subject);
      expect(proof).toMatchObject({ member: false, neighbours: {} });
      expect(verifySubjectsProof(proof, ws.log.verifier).ok).toBe(true);
    } finally {
      await ws.close();
    }
  });

  it('refuses to make a proof from a folder whose subjects.bin was altered', async () => {
    const ws = await workspace();
    try {
      const input = await ws.write('items.jsonl', [
        { id: 'a', kind: 'text', text: 'x', subject: adult('1') },
        { id: 'b', kind: 'text', text: 'x', subject: adult('2') },
      ]);
      const { out } = await ws.build([input]);
      const file = path.join(out, 'subjects.bin');
      const bytes = await readFile(file);
      await writeFile(file, bytes.subarray(0, 32));
      await expect(proveSubjectFromFolder(out, Buffer.alloc(32, 9))).rejects.toMatchObject({
        code: 'VERIFY_FAILED',
      });
      await expect(
        proveSubjectFromFolder(path.join(ws.dir, 'nowhere'), Buffer.alloc(32)),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await ws.close();
    }
  });
});

describe('loadConsentSnapshotIsolated with a log size', () => {
  it('reads in its thread only the events logged below that size, as the direct reader does', async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'obhut-snap-log-'));
    const config = { ...readConfig({ OBHUT_HOME: home }, home), secret: randomBytes(32) };
    try {
      await initHome(config);
      const session = await openSession(config);
      const file = path.join(home, 'events.jsonl');
      const line = (account: string) =>
        JSON.stringify({ ...objection(account, '2025-01-01T00:00:00Z'), platform: 'ig' });
      await writeFile(file, `${line('1')}\n${line('2')}\n`);
      await importConsentFile(file, session.log, config.secret);
      const size = (await session.log.reader.checkpoint()).size;
      await writeFile(file, `${line('3')}\n`);
      await importConsentFile(file, session.log, config.secret);
      const at = '2026-01-01T00:00:00Z';
      const direct = await loadConsentSnapshot(session.store, 'ai_training', at, Date.parse(at), {
        logSize: size,
      });
      await session.store.close();
      const isolated = await loadConsentSnapshotIsolated(
        config,
        'ai_training',
        at,
        Date.parse(at),
        {
          logSize: size,
        },
      );
      const { index: _i, stateOf: _s, ...figures } = direct;
      expect(figures).toMatchObject({ logSize: size, eventsConsidered: 2, objected: 2 });
      expect(isolated).toMatchObject(figures);
      const third = pseudonymise(config.secret, { platform: 'ig', account: '3' });
      expect(isolated.stateOf(third)).toBe('none');
      const all = await loadConsentSnapshotIsolated(config, 'ai_training', at, Date.parse(at));
      expect(all).toMatchObject({ logSize: undefined, eventsConsidered: 3 });
      expect(all.stateOf(third)).toBe('objected');
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
