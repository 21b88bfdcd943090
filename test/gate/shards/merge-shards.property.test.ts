import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../src/policy/index.js';
import { datasetContents, workspace } from '../../support/fixtures.js';
import { expectSameFiles } from '../../support/same-bytes.js';
import { merge, planIn, runAllShards } from './shard-support.js';

const ACCOUNTS = ['1', '2', '3', '4', '5'];

// Ids from a small pool, so duplicates fall across shard boundaries too.
const arbRecord = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record({
        id: fc.constantFrom(...Array.from({ length: 40 }, (_, i) => `id-${i}`)),
        kind: fc.constant('text'),
        text: fc.string({ minLength: 1, maxLength: 30 }),
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
    arbitrary: fc.constantFrom(
      '{"id": 3}',
      'not json',
      '[]',
      '{"id":"q","kind":"video"}',
      '   ',
      '',
    ),
  },
);

const arbEvent = fc.record({
  platform: fc.constant('ig'),
  account: fc.constantFrom(...ACCOUNTS),
  purpose: fc.constant('ai_training'),
  action: fc.constantFrom('object', 'revoke_objection', 'consent', 'withdraw_consent'),
  at: fc.integer({ min: 0, max: 10 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString()),
  channel: fc.constant('import'),
});

/** An input file: its lines, CRLF or LF, with or without a final newline, maybe gzipped. */
const arbFile = fc.record({
  lines: fc.array(arbRecord, { maxLength: 25 }),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
  gzip: fc.boolean(),
});

describe('plan → run-shard × N → merge', () => {
  it('publishes the very build `obhut build` publishes at the same checkpoint', async () => {
    const secret = randomBytes(32);
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbFile, { minLength: 1, maxLength: 3 }),
        fc.array(arbEvent, { maxLength: 12 }),
        fc.integer({ min: 0, max: 12 }),
        fc.boolean(),
        fc.constantFrom(1, 2, 3, 7),
        fc.constantFrom(1, 3, 100_000),
        async (files, events, atDay, optIn, shards, shardRecords) => {
          const ws = await workspace('sqlite', secret);
          try {
            if (events.length > 0) await ws.importEvents(events);
            const inputs: string[] = [];
            for (const [i, file] of files.entries()) {
              const eol = file.crlf ? '\r\n' : '\n';
              const text = file.lines.join(eol) + (file.finalNewline ? eol : '');
              const name = path.join(ws.dir, `items-${i}.jsonl${file.gzip ? '.gz' : ''}`);
              await writeFile(name, file.gzip ? gzipSync(text) : text);
              inputs.push(name);
            }
            const at = new Date(Date.UTC(2025, 0, 1 + atDay)).toISOString();
            const policy = {
              ...DEFAULT_POLICY,
              default: optIn ? ('exclude' as const) : ('include' as const),
            };
            const { loaded } = await planIn(ws, inputs, { at, policy, shards, shardRecords });
            const dirs = await runAllShards(ws, loaded);
            // Events logged after the plan do not change the build: it is of the plan's checkpoint.
            await ws.importEvents([{ ...objection1, at: '2025-01-01T00:00:00Z' }]);
            const merged = await merge(ws, loaded, dirs, path.join(ws.dir, 'merged'));
            const single = await ws.build(inputs, {
              at,
              policy,
              shardRecords,
              workers: 0,
              checkpointSize: loaded.plan.consent.checkpoint.size,
            });
            const a = await datasetContents(merged.out);
            const b = await datasetContents(single.out);
            const { plan, ...manifest } = JSON.parse(a.get('manifest.json')!.toString('utf8'));
            expect(plan).toEqual({ sha256: loaded.sha256, shards });
            expect(manifest).toEqual(JSON.parse(b.get('manifest.json')!.toString('utf8')));
            a.delete('manifest.json');
            b.delete('manifest.json');
            expectSameFiles(a, b);
            const receipt = JSON.parse(
              await readFile(path.join(merged.out, 'build-receipt.json'), 'utf8'),
            );
            expect(receipt.index).toBe(merged.logIndex);
          } finally {
            await ws.close();
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});

const objection1 = {
  platform: 'ig',
  account: '1',
  purpose: 'ai_training',
  action: 'object',
  channel: 'import',
};
