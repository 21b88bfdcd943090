import { describe, expect, it } from 'vitest';
import { type Backend, workspace } from '../support/fixtures.js';
import { postgresTestUrl } from '../support/postgres.js';

const backends: Backend[] = postgresTestUrl ? ['sqlite', 'postgres'] : ['sqlite'];

describe.each(backends)('spent link tokens (%s)', (backend) => {
  it('spends an id once until its time has passed, then forgets it', async () => {
    const ws = await workspace(backend);
    try {
      const { store } = ws;
      expect(await store.spendLinkToken('a', 2_000, 1_000)).toBe(true);
      expect(await store.spendLinkToken('a', 2_000, 1_500)).toBe(false);
      expect(await store.spendLinkToken('b', 2_000, 1_500)).toBe(true);
      // After keep-until the id is gone; a token that old is refused by its exp anyway.
      expect(await store.spendLinkToken('a', 9_000, 2_001)).toBe(true);
      expect(await store.spendLinkToken('a', 9_000, 2_002)).toBe(false);
    } finally {
      await ws.close();
    }
  });
});
