import PgBoss from 'pg-boss';
import { ObhutError } from '../errors/index.js';

// The build queue on pg-boss: shard jobs of queued builds (`obhut build --queue`), taken by
// `obhut worker` processes on any machine that reaches the database. pg-boss keeps its own
// schema (OBHUT_QUEUE_SCHEMA), so Obhut needs no migration of its own for it. A job taken by
// a worker is leased for `leaseSeconds`; a worker killed midway stops completing it, pg-boss's
// maintenance fails it by timeout once the lease is over, and it is offered again (up to
// `retries` times). run-shard gives the same bytes each time, so a second run is harmless.

/** The pg-boss queue (one for every build: a build's jobs carry its id). */
export const SHARD_QUEUE = 'obhut-build-shard';

/** One shard of a queued build: what a worker needs to run `obhut build run-shard`. */
export interface ShardJob {
  readonly build: string;
  /** The plan file, on storage every worker sees at this path. */
  readonly plan: string;
  readonly shard: number;
  readonly shards: number;
  /** The shard folder to write. */
  readonly out: string;
}

export interface BuildQueueOptions {
  readonly url: string;
  /** The PostgreSQL schema pg-boss keeps its tables in. */
  readonly schema: string;
  /** How long a worker holds a shard before it is offered again. */
  readonly leaseSeconds: number;
  /** How many times a shard that failed or whose lease ran out is offered again. */
  readonly retries: number;
  /** Told of errors pg-boss meets in the background (a lost connection, a failed maintenance). */
  readonly onError?: (error: Error) => void;
}

/** A queued build's shards by state, as pg-boss records them. */
export interface BuildProgress {
  readonly build: string;
  readonly plan: string;
  readonly shards: number;
  readonly queued: number;
  readonly active: number;
  readonly completed: number;
  readonly failed: number;
  /** Times a shard was offered again after a failure or an expired lease, summed. */
  readonly retries: number;
  readonly created_on: string;
  /** The last error of each failed shard, by shard number. */
  readonly errors: readonly { shard: number; message: string }[];
}

export interface BuildQueue {
  enqueue(jobs: readonly ShardJob[]): Promise<void>;
  /** One build's progress, or undefined when the queue holds no job of it. */
  progress(build: string): Promise<BuildProgress | undefined>;
  /** Every build the queue still holds (pg-boss deletes jobs days after they finish). */
  builds(): Promise<BuildProgress[]>;
  /** Take shard jobs, `concurrency` at a time, until `stop`; a handler that throws fails its job. */
  work(concurrency: number, handler: (job: ShardJob) => Promise<object>): Promise<void>;
  stop(): Promise<void>;
}

/** pg-boss's schema name goes into SQL text: only a plain identifier is accepted. */
export const QUEUE_SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Creates the shard queue unless it exists. Workers and a submitter often start at the same moment
 * on a new schema; pg-boss then creates the queue's table in several transactions at once, and
 * PostgreSQL breaks the tie by aborting one of them (deadlock detected, or a duplicate name). Seen
 * in about one start in three when a worker and `build --queue` start together: the loser died
 * and the build waited for ever. Such an error only means another process is creating the same
 * queue, so try again after a short wait, and give up only if the queue still is not there.
 */
async function createShardQueue(boss: PgBoss): Promise<void> {
  const raced = new Set(['40P01', '23505', '42P07', '40001']);
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(SHARD_QUEUE);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code || !raced.has(code) || attempt >= 8) {
        if (await boss.getQueue(SHARD_QUEUE)) return;
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

export async function openBuildQueue(options: BuildQueueOptions): Promise<BuildQueue> {
  if (!QUEUE_SCHEMA_PATTERN.test(options.schema)) {
    throw new ObhutError('CONFIG_INVALID', `queue schema "${options.schema}" is not a plain name`);
  }
  const boss = new PgBoss({
    connectionString: options.url,
    schema: options.schema,
    max: 4,
    // Maintenance is what fails a job whose lease ran out; run it often enough to notice.
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, options.leaseSeconds)),
    // No cron jobs are used; pg-boss's scheduler would create a queue of its own at every start,
    // one more table creation racing the other processes' (see createShardQueue).
    schedule: false,
  });
  // pg-boss reports connection trouble as events; an unhandled 'error' event would end the process.
  boss.on('error', (error) => options.onError?.(error));
  await boss.start();
  await createShardQueue(boss);
  const schema = options.schema;
  const db = boss.getDb();

  async function states(build: string | undefined): Promise<BuildProgress[]> {
    // pg-boss moves finished jobs from `job` to `archive`; a build's jobs may be in both.
    const { rows } = await db.executeSql(
      `SELECT data->>'build' AS build, data->>'plan' AS plan, (data->>'shards')::int AS shards,
              (data->>'shard')::int AS shard, state::text AS state, retry_count, created_on,
              output->>'message' AS message
         FROM (SELECT data, state, retry_count, created_on, output FROM ${schema}.job WHERE name = $1
               UNION ALL
               SELECT data, state, retry_count, created_on, output FROM ${schema}.archive WHERE name = $1) AS jobs
        WHERE $2::text IS NULL OR data->>'build' = $2
        ORDER BY created_on, shard`,
      [SHARD_QUEUE, build ?? null],
    );
    const byBuild = new Map<
      string,
      BuildProgress & { errors: { shard: number; message: string }[] }
    >();
    for (const row of rows as {
      build: string;
      plan: string;
      shards: number;
      shard: number;
      state: string;
      retry_count: number;
      created_on: Date;
      message: string | null;
    }[]) {
      let entry = byBuild.get(row.build);
      if (!entry) {
        entry = {
          build: row.build,
          plan: row.plan,
          shards: row.shards,
          queued: 0,
          active: 0,
          completed: 0,
          failed: 0,
          retries: 0,
          created_on: row.created_on.toISOString(),
          errors: [],
        };
        byBuild.set(row.build, entry);
      }
      const counts = entry as { -readonly [K in keyof BuildProgress]: BuildProgress[K] };
      if (row.state === 'completed') counts.completed++;
      else if (row.state === 'active') counts.active++;
      else if (row.state === 'failed' || row.state === 'cancelled') {
        counts.failed++;
        entry.errors.push({ shard: row.shard, message: row.message ?? row.state });
      } else counts.queued++;
      counts.retries += row.retry_count;
    }
    return [...byBuild.values()];
  }

  return {
    async enqueue(jobs) {
      await boss.insert(
        jobs.map((data) => ({
          name: SHARD_QUEUE,
          data: { ...data },
          retryLimit: options.retries,
          expireInSeconds: options.leaseSeconds,
        })),
      );
    },
    async progress(build) {
      return (await states(build))[0];
    },
    builds: () => states(undefined),
    async work(concurrency, handler) {
      // One pg-boss worker per slot, each taking one job at a time.
      for (let i = 0; i < concurrency; i++) {
        await boss.work<ShardJob>(
          SHARD_QUEUE,
          { batchSize: 1, pollingIntervalSeconds: 1 },
          async ([job]) => (job ? handler(job.data) : {}),
        );
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
