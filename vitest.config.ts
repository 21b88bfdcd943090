import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // CLI tests start a child process each; property tests build many small datasets.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
