import { describe, expect, it } from 'vitest';
import type { StoredIdentityLink } from '../../src/consent/index.js';
import type { BuildSummary } from '../../src/gate/build-registry.js';
import {
  type DecisionImpactStore,
  modelImpactsOf,
  type RegisteredModel,
} from '../../src/lineage/index.js';

const hex = (c: string) => c.repeat(64);
const [account, email, other, stranger] = [hex('1'), hex('e'), hex('5'), hex('9')];

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
  registeredAt: '2026-11-02T00:00:00.000Z',
  logIndex: 3,
});
const link = (atMs: number): StoredIdentityLink => ({
  key: 'l1',
  subjects: [account, email],
  action: 'link',
  at: new Date(atMs).toISOString(),
  atMs,
  via: 'operator',
  platforms: ['example', 'email'],
  logIndex: 4,
});

/** A register in memory that counts what is read. */
function fakeStore(links: StoredIdentityLink[], models = [model('m', ['b_train', 'b_review'])]) {
  const lists: Record<string, string[]> = {
    b_train: [account, other],
    b_review: [account],
    b_other: [other],
  };
  const reads = { models: 0, lists: [] as string[] };
  const store: DecisionImpactStore = {
    listModels: async () => {
      reads.models++;
      return models;
    },
    listBuilds: async () => [
      build('b_train', 'ai_training'),
      build('b_review', 'human_review'),
      build('b_other', 'ai_training'),
    ],
    buildSubjects: async (id) => {
      reads.lists.push(id);
      return Buffer.concat(lists[id]!.sort().map((s) => Buffer.from(s, 'hex')));
    },
    identityLinksOf: async (subjects) =>
      links.filter((l) => l.subjects.some((s) => subjects.includes(s))),
  };
  return { store, reads };
}

const decision = (
  subject: string,
  action: 'object' | 'consent' | 'withdraw_consent',
  logIndex: number,
) => ({
  subject,
  purpose: 'ai_training' as const,
  action,
  logIndex,
});

describe('modelImpactsOf', () => {
  it('reads nothing when no decision takes anything back', async () => {
    const { store, reads } = fakeStore([]);
    expect(await modelImpactsOf(store, [decision(account, 'consent', 5)], 10_000)).toEqual([]);
    expect(reads).toEqual({ models: 0, lists: [] });
  });

  it('names the model for the person, a linked identity and nobody else, reading each list once', async () => {
    const { store, reads } = fakeStore([link(1_000)]);
    const events = await modelImpactsOf(
      store,
      [
        decision(account, 'object', 5),
        decision(email, 'withdraw_consent', 6),
        decision(stranger, 'object', 7),
        decision(account, 'consent', 8),
      ],
      10_000,
    );
    expect(events.map((e) => [e.subject, e.log_index, e.models])).toEqual([
      [account, 5, [{ name: 'm', version: '1', build_ids: ['b_train'] }]],
      [email, 6, [{ name: 'm', version: '1', build_ids: ['b_train'] }]],
    ]);
    // Only the model's build of the decisions' purpose; not the review build, not b_other.
    expect(reads.lists).toEqual(['b_train']);
  });

  it('counts a link only once it is in effect', async () => {
    const { store } = fakeStore([link(20_000)]);
    expect(await modelImpactsOf(store, [decision(email, 'object', 6)], 10_000)).toEqual([]);
  });

  it('reads no build list when no model is registered', async () => {
    const { store, reads } = fakeStore([], []);
    expect(await modelImpactsOf(store, [decision(account, 'object', 5)], 10_000)).toEqual([]);
    expect(reads).toEqual({ models: 1, lists: [] });
  });
});
