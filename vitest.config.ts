import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each test file gets its own process: the CLI and store tests spawn
    // processes and open SQLite files, and must not share module state.
    pool: 'forks',
  },
});
