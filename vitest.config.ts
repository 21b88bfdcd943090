import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Worker threads of src/ run their tsc output in dist/, which the global setup below keeps up
  // to date, instead of starting tsx in each thread (src/io/worker-script.ts; issue 13).
  define: { __OBHUT_WORKERS_FROM_DIST__: 'true' },
  test: {
    // Tests live under test/, mirroring src/ (src/log/note.ts → test/log/note.test.ts).
    include: ['test/**/*.test.ts'],
    // CLI tests start dist/ (test/support/cli.ts); this rebuilds it first when src/ is newer.
    // The folder for each test process's migrated SQLite template (test/support/sqlite-template.ts).
    globalSetup: ['test/support/global-setup.ts', 'test/support/template-folder.ts'],
    // Test files run two at a time, in two processes (issue 13). Vitest's default on a
    // 2-core machine is one at a time (cores - 1), which left a core idle while a file waited on
    // a child process, PostgreSQL or a browser. Every file works in its own temporary folders,
    // PostgreSQL schemas and ephemeral ports, so files do not share state.
    pool: 'forks',
    maxWorkers: 2,
    // The two processes are kept for the whole run instead of one new process per file (issue 13,
    // fourth round): with isolation each file started a Node, set up vitest's runner and evaluated
    // its share of src/ (Fastify, Kysely, the PII tables …) anew before any test ran: a third of
    // the suite's CPU (605 → 404 CPU-s, loaded; BENCHMARKS.md). Each file still imports its own
    // test module, and vitest restores mocks (vi.spyOn) and its config after each file. What a
    // file changes in its process it puts back: the in-process CLI (test/support/cli-in-process.ts)
    // restores variables, the working directory, process.exitCode and the parsed settings; fake
    // timers are undone in afterEach; what src/ caches for a process (the PII model, the
    // gazetteer) is filled once and only read. A file that needs a process of its own would go
    // into a second vitest project with isolate: true; none does now.
    isolate: false,
    // These bounds only catch a hung test; they are not performance assertions. A CLI test takes
    // seconds on a quiet machine and several times that on a busy one, and its result must not
    // depend on which (issue 12), so the bound is far above any healthy run.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
