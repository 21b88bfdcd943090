import { describe, expect, it } from 'vitest';
import { pseudonymise } from '../../src/consent/index.js';
import { buildsIncluding, parseModelRef, registerModel } from '../../src/lineage/index.js';
import { decodeEntry } from '../../src/log/index.js';
import { adult, workspace } from '../support/fixtures.js';

describe('registerModel', () => {
  it('logs a model entry naming each build with its manifest digest, then stores the model', async () => {
    const ws = await workspace();
    try {
      const input = await ws.write('items.jsonl', [
        { id: 'a', kind: 'text', text: 'x', subject: adult('1') },
      ]);
      const one = await ws.build([input]);
      const two = await ws.build([input], { at: '2026-02-01T00:00:00Z' });
      const deps = { builds: ws.store, models: ws.store, writer: ws.log.writer };
      const at = new Date('2026-03-01T00:00:00Z');
      const registered = await registerModel(deps, {
        model: parseModelRef('acme/chat@1'),
        buildIds: [two.buildId, one.buildId, one.buildId],
        cardSha256: 'cd'.repeat(32),
        at,
      });
      const builds = [one, two]
        .map((b) => ({ build_id: b.buildId, manifest_sha256: b.manifestSha256 }))
        .sort((a, b) => (a.build_id < b.build_id ? -1 : 1));
      expect(decodeEntry(await ws.log.reader.entry(registered.logIndex))).toEqual({
        ok: true,
        entry: {
          type: 'model',
          version: 1,
          name: 'acme/chat',
          model_version: '1',
          builds,
          card_sha256: 'cd'.repeat(32),
          at: at.toISOString(),
        },
      });
      expect(await ws.store.listModels()).toEqual([registered]);
      const ada = pseudonymise(ws.secret, { platform: 'ig', account: '1' });
      expect(await buildsIncluding(ws.store, [one.buildId, 'ffffffffffffffff'], [ada])).toEqual(
        new Set([one.buildId]),
      );

      const size = await ws.log.reader.size();
      await expect(
        registerModel(deps, { model: parseModelRef('acme/chat@1'), buildIds: [one.buildId], at }),
      ).rejects.toMatchObject({ code: 'MODEL_EXISTS' });
      await expect(
        registerModel(deps, {
          model: parseModelRef('acme/chat@2'),
          buildIds: [one.buildId, '0123456789abcdef'],
          at,
        }),
      ).rejects.toMatchObject({
        code: 'BUILD_UNKNOWN',
        message: expect.stringContaining('0123456789abcdef'),
      });
      // Refused registrations log nothing and store nothing.
      expect(await ws.log.reader.size()).toBe(size);
      expect(await ws.store.listModels()).toHaveLength(1);
    } finally {
      await ws.close();
    }
  });
});
