import type { Command } from 'commander';
import { ObhutError } from '../../errors/index.js';
import { readConfig } from '../../runtime/config.js';
import { openQueue } from './build-queue.js';
import { runShardCommand } from './build-shards.js';

/**
 * `obhut worker`: takes shard jobs of queued builds (`obhut build --queue`) and runs them, until
 * SIGTERM or SIGINT. It needs the database (for the queue), the plan and inputs on shared storage,
 * and the pseudonym key; not the log key. A worker killed midway loses nothing: its shard's
 * lease runs out and another worker runs the shard again, to the same bytes.
 */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      'run shard jobs of queued builds (`obhut build --queue`) until stopped; any number, on any machine that reaches the database and the storage',
    )
    .option('--concurrency <n>', 'shards run at once by this worker', '1')
    .action(async (flags: { concurrency: string }) => {
      await workerCommand(flags);
    });
}

export async function workerCommand(flags: { concurrency: string }): Promise<void> {
  const concurrency = Number(flags.concurrency);
  if (!/^\d+$/.test(flags.concurrency) || concurrency < 1 || concurrency > 64) {
    throw new ObhutError('USAGE', '--concurrency must be an integer from 1 to 64');
  }
  const config = readConfig();
  const queue = await openQueue(config);
  // The CLI's own handlers stop a command at once; a worker instead takes no new shard and
  // finishes those it holds (a second signal stops it at once; their leases then run out).
  const stopped = new Promise<void>((resolve) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.removeAllListeners(signal);
      process.once(signal, () => {
        process.once(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
        resolve();
      });
    }
  });
  await queue.work(concurrency, async (job) => {
    process.stderr.write(
      `obhut: worker: build ${job.build} shard ${job.shard}/${job.shards} taken\n`,
    );
    // One thread per shard: concurrency is the worker's unit of parallelism.
    const record = await runShardCommand(
      job.plan,
      String(job.shard),
      { out: job.out, workers: '0' },
      config,
    );
    process.stderr.write(
      `obhut: worker: build ${job.build} shard ${job.shard}/${job.shards} done\n`,
    );
    return { shard: record.shard, results_sha256: record.results.sha256 };
  });
  process.stderr.write(`obhut: worker: waiting for shards (concurrency ${concurrency})\n`);
  await stopped;
  process.stderr.write('obhut: worker: stopping after the shards it holds\n');
  await queue.stop();
}
