import { randomBytes } from 'node:crypto';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/policy/index.js';
import { admittedLines, datasetContents, readJsonl, workspace } from '../support/fixtures.js';
import { postgresTestUrl } from '../support/postgres.js';
import { expectSameFiles } from '../support/same-bytes.js';

const ACCOUNTS = ['1', '2', '3', '4', '5'];

const arbRecord = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record({
        id: fc.constantFrom(...Array.from({ length: 30 }, (_, i) => `id-${i}`)),
        kind: fc.constant('text'),
        text: fc.string({ minLength: 1, maxLength: 20 }),
        subject: fc.record({
          platform: fc.constant('ig'),
          account: fc.constantFrom(...ACCOUNTS),
          age: fc.constantFrom('adult', 'minor', 'unknown'),
          region: fc.constantFrom('DE', 'US', 'NO'),
        }),
        visibility: fc.constantFrom('public', 'private'),
        signals: fc.record({ tdm_reserved: fc.boolean() }),
      })
      .map((r) => JSON.stringify(r)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('{"id": 3}', 'not json', '[]', '{"id":"q","kind":"video"}', '   '),
  },
);

const arbEvent = fc.record({
  platform: fc.constant('ig'),
  account: fc.constantFrom(...ACCOUNTS),
  purpose: fc.constantFrom('ai_training', 'human_review'),
  action: fc.constantFrom('object', 'revoke_objection', 'consent', 'withdraw_consent'),
  at: fc.integer({ min: 0, max: 10 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString()),
  channel: fc.constant('import'),
});

describe('runBuild properties', () => {
  it('reconciles every record, never admits an objected subject, and is deterministic', async () => {
    const secret = randomBytes(32);
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbRecord, { maxLength: 40 }),
        fc.array(arbEvent, { maxLength: 15 }),
        fc.integer({ min: 0, max: 12 }),
        fc.boolean(),
        async (lines, events, atDay, optIn) => {
          const ws = await workspace('sqlite', secret);
          try {
            if (events.length > 0) await ws.importEvents(events);
            const input = await ws.write('items.jsonl', lines);
            const at = new Date(Date.UTC(2025, 0, 1 + atDay)).toISOString();
            const policy = {
              ...DEFAULT_POLICY,
              default: optIn ? ('exclude' as const) : ('include' as const),
            };
            const { manifest, out } = await ws.build([input], { at, policy });
            // Determinism: the same inputs, register, time and checkpoint give the same bytes
            // (but for the receipt: each build is a log entry of its own).
            const checkpointSize = manifest.consent.checkpoint.size;
            const again = await ws.build([input], { at, policy, checkpointSize });
            expectSameFiles(await datasetContents(again.out), await datasetContents(out));
            const { counts } = manifest;
            const nonBlank = lines.filter((l) => l.trim().length > 0).length;
            expect(counts.input).toBe(nonBlank);
            expect(counts.admitted + counts.excluded + counts.rejected).toBe(counts.input);

            const admitted = (await admittedLines(out)).map((l) => JSON.parse(l));
            const excluded = await readJsonl(path.join(out, 'excluded.jsonl'));
            const rejected = await readJsonl(path.join(out, 'rejected.jsonl'));
            expect([admitted.length, excluded.length, rejected.length]).toEqual([
              counts.admitted,
              counts.excluded,
              counts.rejected,
            ]);

            // Replay the register independently: latest event at or before `at` wins, later lines win ties.
            const state = new Map<string, string>();
            const ordered = events
              .map((e, i) => ({ ...e, i }))
              .filter((e) => e.purpose === 'ai_training' && e.at <= at)
              .sort((a, b) => a.at.localeCompare(b.at) || a.i - b.i);
            for (const e of ordered) state.set(e.account, e.action);
            for (const item of admitted) {
              const action = state.get(item.subject.account);
              expect(action).not.toBe('object');
              if (optIn) expect(action).toBe('consent');
            }
          } finally {
            await ws.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe.skipIf(!postgresTestUrl)('runBuild on SQLite and PostgreSQL registries', () => {
  it('produces byte-identical outputs from the same events', async () => {
    const secret = randomBytes(32);
    const sqlite = await workspace('sqlite', secret);
    const postgres = await workspace('postgres', secret);
    try {
      const events = [
        {
          platform: 'ig',
          account: '1',
          purpose: 'ai_training',
          action: 'object',
          at: '2025-01-02T00:00:00Z',
          channel: 'portal',
        },
        {
          platform: 'ig',
          account: '2',
          purpose: 'ai_training',
          action: 'consent',
          at: '2025-01-02T00:00:00Z',
          channel: 'email',
        },
        {
          platform: 'ig',
          account: '2',
          purpose: 'ai_training',
          action: 'withdraw_consent',
          at: '2025-01-02T00:00:00Z',
          channel: 'email',
        },
      ];
      await sqlite.importEvents(events);
      await postgres.importEvents(events);
      const lines = ACCOUNTS.map((account, i) => ({
        id: `r${i}`,
        kind: 'text',
        text: 'hallo',
        subject: { platform: 'ig', account, age: 'adult', region: 'DE' },
      }));
      // Same input path for both, so the manifests can match byte for byte.
      const input = await sqlite.write('items.jsonl', lines);
      const policy = { ...DEFAULT_POLICY, regions: { EU: { default: 'exclude' as const } } };
      const a = await sqlite.build([input], { policy, out: path.join(sqlite.dir, 'a') });
      const b = await postgres.build([input], { policy, out: path.join(postgres.dir, 'b') });
      expect(a.manifest.counts).toMatchObject({ admitted: 0, excluded: 5 });
      // The two logs hold the same entries, so the checkpoints name the same tree (origin, size,
      // root); but each register signs with its own log key, so the signed notes differ, and
      // with them the manifests' bytes and the build entries and receipts. Everything else is
      // byte-identical.
      const unsigned = (m: typeof a.manifest) => ({
        ...m,
        consent: { ...m.consent, checkpoint: { ...m.consent.checkpoint, note: '' } },
      });
      expect(unsigned(a.manifest)).toEqual(unsigned(b.manifest));
      expect(a.manifest.consent.checkpoint.size).toBeGreaterThan(0);
      expect(a.manifest.consent.checkpoint.note).not.toBe(b.manifest.consent.checkpoint.note);
      const [filesA, filesB] = [await datasetContents(a.out), await datasetContents(b.out)];
      filesA.delete('manifest.json');
      filesB.delete('manifest.json');
      expect(filesA.size).toBeGreaterThan(3);
      expectSameFiles(filesA, filesB);
    } finally {
      await sqlite.close();
      await postgres.close();
    }
  });
});
