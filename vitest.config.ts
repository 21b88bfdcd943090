import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Tests live under test/, mirroring src/ (src/log/note.ts → test/log/note.test.ts).
    include: ['test/**/*.test.ts'],
    // These bounds only catch a hung test; they are not performance assertions. A CLI test takes
    // seconds on a quiet machine and several times that on a busy one, and its result must not
    // depend on which (issue 12), so the bound is far above any healthy run.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
