import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObhutError } from '../../src/errors/index.js';
import { type BuildQueue, openBuildQueue, type ShardJob } from '../../src/store/build-queue.js';
import { postgresTestUrl } from '../support/postgres.js';

describe('openBuildQueue', () => {
  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(
      openBuildQueue({
        url: 'postgres://nowhere/x',
        schema: 'a; drop',
        leaseSeconds: 5,
        retries: 0,
      }),
    ).rejects.toThrow(ObhutError);
  });
});

describe.skipIf(!postgresTestUrl)('the build queue on PostgreSQL', () => {
  const schema = `obhut_queue_test_${randomBytes(6).toString('hex')}`;
  let queue: BuildQueue;
  beforeAll(async () => {
    queue = await openBuildQueue({ url: postgresTestUrl!, schema, leaseSeconds: 30, retries: 1 });
  });
  afterAll(async () => {
    await queue?.stop();
    const client = new pg.Client({ connectionString: postgresTestUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  it("counts a build's shards by state; a shard that fails every try is failed with its error", async () => {
    const build = randomUUID();
    const jobs: ShardJob[] = [1, 2, 3].map((shard) => ({
      build,
      plan: '/shared/plan.json',
      shard,
      shards: 3,
      out: `/shared/shards/${shard}`,
    }));
    await queue.enqueue(jobs);
    expect(await queue.progress(build)).toMatchObject({
      build,
      plan: '/shared/plan.json',
      shards: 3,
      queued: 3,
      active: 0,
      completed: 0,
      failed: 0,
    });
    expect(await queue.progress(randomUUID())).toBeUndefined();

    const runs = new Map<number, number>();
    let settle: () => void;
    const settled = new Promise<void>((resolve) => {
      settle = resolve;
    });
    await queue.work(2, async (job) => {
      runs.set(job.shard, (runs.get(job.shard) ?? 0) + 1);
      // Shard 2 fails on its first try and its one retry; the others succeed.
      if (job.shard === 2) {
        if (runs.get(2) === 2) setTimeout(() => settle(), 0);
        throw new Error('input changed since the plan');
      }
      return { shard: job.shard };
    });
    await settled;
    // The worker records the last failure after the handler threw: wait until it shows.
    let progress = await queue.progress(build);
    while (progress!.completed + progress!.failed < 3) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      progress = await queue.progress(build);
    }
    expect(progress).toMatchObject({ completed: 2, failed: 1, queued: 0, active: 0, retries: 1 });
    expect(progress!.errors).toEqual([{ shard: 2, message: 'input changed since the plan' }]);
    expect(runs.get(2)).toBe(2);
    expect((await queue.builds()).map((b) => b.build)).toContain(build);
  }, 120_000);
});

describe.skipIf(!postgresTestUrl)('opening the build queue from several processes at once', () => {
  // A worker and `obhut build --queue` starting together on a new schema raced to create the
  // queue's table; PostgreSQL aborted one with "deadlock detected" and that process died.
  it('every opener succeeds on a new schema, round after round', async () => {
    const schemas: string[] = [];
    try {
      for (let round = 0; round < 6; round++) {
        const schema = `obhut_queue_test_${randomBytes(6).toString('hex')}`;
        schemas.push(schema);
        const opened = await Promise.allSettled(
          [1, 2, 3].map(() =>
            openBuildQueue({ url: postgresTestUrl!, schema, leaseSeconds: 30, retries: 1 }),
          ),
        );
        for (const o of opened) if (o.status === 'fulfilled') await o.value.stop();
        const failed = opened.filter((o) => o.status === 'rejected');
        expect(failed.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([]);
      }
    } finally {
      const client = new pg.Client({ connectionString: postgresTestUrl });
      await client.connect();
      for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });
});
