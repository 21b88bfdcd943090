import { describe, expect, it } from 'vitest';
import { modelImpact, type RegisteredModel } from '../../src/lineage/index.js';
import type { Purpose } from '../../src/records/index.js';

const model = (name: string, builds: string[]): RegisteredModel => ({
  name,
  version: '1',
  builds: builds.map((buildId) => ({ buildId, manifestSha256: '00'.repeat(32) })),
  cardSha256: undefined,
  registeredAt: '2026-03-01T00:00:00.000Z',
  logIndex: 9,
});
const subject = 'ab'.repeat(32);
const models = [model('a', ['b1', 'b2']), model('b', ['b3']), model('c', ['b2', 'b4'])];
const including = new Map<string, Purpose>([
  ['b2', 'ai_training'],
  ['b3', 'human_review'],
]);

describe('modelImpact', () => {
  it('names the models trained on a build of the purpose that includes the person', () => {
    expect(
      modelImpact(
        { subject, purpose: 'ai_training', action: 'object', logIndex: 12 },
        models,
        including,
      ),
    ).toEqual({
      type: 'model_impact',
      subject,
      purpose: 'ai_training',
      log_index: 12,
      models: [
        { name: 'a', version: '1', build_ids: ['b2'] },
        { name: 'c', version: '1', build_ids: ['b2'] },
      ],
    });
    expect(
      modelImpact(
        { subject, purpose: 'human_review', action: 'withdraw_consent', logIndex: 3 },
        models,
        including,
      )?.models,
    ).toEqual([{ name: 'b', version: '1', build_ids: ['b3'] }]);
  });

  it('is undefined for a decision that takes nothing back, or when no model holds the person', () => {
    for (const action of ['consent', 'revoke_objection'] as const) {
      expect(
        modelImpact({ subject, purpose: 'ai_training', action, logIndex: 1 }, models, including),
      ).toBeUndefined();
    }
    expect(
      modelImpact(
        { subject, purpose: 'ai_training', action: 'object', logIndex: 1 },
        models,
        new Map(),
      ),
    ).toBeUndefined();
    expect(
      modelImpact(
        { subject, purpose: 'ai_training', action: 'object', logIndex: 1 },
        [],
        including,
      ),
    ).toBeUndefined();
  });
});
