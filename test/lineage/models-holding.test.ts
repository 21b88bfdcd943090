import { describe, expect, it } from 'vitest';
import type { PurposeStatus, StoredConsentEvent } from '../../src/consent/index.js';
import type { BuildSummary } from '../../src/gate/build-registry.js';
import {
  type ModelsHoldingStore,
  modelsHoldingPerson,
  type RegisteredModel,
} from '../../src/lineage/index.js';
import type { ConsentAction } from '../../src/records/index.js';

const hex = (c: string) => c.repeat(64);
const [account, email, other] = [hex('1'), hex('e'), hex('5')];
const REGISTERED = '2026-11-02T00:00:00.000Z';

const build = (buildId: string, purpose: string): BuildSummary => ({
  manifestSha256: '00'.repeat(32),
  purpose,
  consentAt: '2026-11-01T00:00:00Z',
  itemsRoot: '00'.repeat(32),
  admitted: 1,
  excluded: 0,
  rejected: 0,
  createdAt: '2026-11-01T00:00:00Z',
  buildId,
});
const model = (name: string, builds: string[]): RegisteredModel => ({
  name,
  version: '1',
  builds: builds.map((buildId) => ({ buildId, manifestSha256: '00'.repeat(32) })),
  cardSha256: undefined,
  registeredAt: REGISTERED,
  logIndex: 10,
});
const store: ModelsHoldingStore = {
  listModels: async () => [model('holds', ['b_train', 'b_none']), model('not', ['b_none'])],
  listBuilds: async () => [build('b_train', 'ai_training'), build('b_none', 'ai_training')],
  buildSubjects: async (id) => Buffer.from(id === 'b_train' ? account : other, 'hex'),
};
const deciding = (action: ConsentAction, at: string, logIndex: number): StoredConsentEvent => ({
  subject: email,
  purpose: 'ai_training',
  action,
  at,
  atMs: Date.parse(at),
  channel: 'portal',
  reference: undefined,
  seq: 1,
  key: 'k',
  logIndex,
});
const status = (identities: string[], event?: StoredConsentEvent) => ({
  identities,
  purposes: [
    {
      purpose: 'ai_training',
      state: 'none',
      decidingEvent: event,
      history: event ? [event] : [],
    } satisfies PurposeStatus,
  ],
});

describe('modelsHoldingPerson', () => {
  it('lists only the models whose builds held one of the person’s identities', async () => {
    expect(await modelsHoldingPerson(store, status([account]))).toEqual([
      {
        name: 'holds',
        version: '1',
        registered_at: REGISTERED,
        builds: [{ build_id: 'b_train', purpose: 'ai_training' }],
        decisions: [{ purpose: 'ai_training', state: 'none', at: null, after_model: false }],
      },
    ]);
    expect(await modelsHoldingPerson(store, status([hex('9')]))).toEqual([]);
  });

  it('says whether a linked identity’s objection came after the model', async () => {
    const late = deciding('object', '2026-12-01T00:00:00.000Z', 20);
    const [after] = await modelsHoldingPerson(store, status([account, email], late));
    expect(after!.decisions).toEqual([
      { purpose: 'ai_training', state: 'objected', at: late.at, after_model: true },
    ]);
    const early = deciding('withdraw_consent', '2026-10-01T00:00:00.000Z', 5);
    const [before] = await modelsHoldingPerson(store, status([account, email], early));
    expect(before!.decisions).toEqual([
      { purpose: 'ai_training', state: 'withdrawn', at: early.at, after_model: false },
    ]);
    const consent = deciding('consent', '2026-12-01T00:00:00.000Z', 20);
    const [none] = await modelsHoldingPerson(store, status([account, email], consent));
    expect(none!.decisions[0]).toMatchObject({ state: 'none', after_model: false });
  });
});
