import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { TransparencyLog } from '../log/index.js';
import { requireOperator } from './auth.js';

/** Prometheus metrics: request latency by route template (never by URL, which may hold ids). */
export function registerMetrics(
  app: FastifyInstance,
  log: TransparencyLog,
  adminToken: string | undefined,
) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'obhut_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  new Counter({
    name: 'obhut_log_batches_total',
    help: 'Log batches committed by this process',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(log.writer.stats.batches);
    },
  });
  new Gauge({
    name: 'obhut_log_entries_appended',
    help: 'Log entries appended by this process',
    registers: [registry],
    collect() {
      this.set(log.writer.stats.entries);
    },
  });
  app.addHook('onResponse', async (req, reply) => {
    duration.observe(
      {
        method: req.method,
        route: req.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', {
    schema: { hide: true },
    preHandler: requireOperator(adminToken),
    handler: async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()),
  });
}
