import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['server/**/*.test.ts', 'lib/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    // The operator's log stays quiet, and the mutation limits leave room for generated workloads (limits.test.ts sets its own).
    env: { QX_LOG_LEVEL: 'silent', QX_MUTATIONS_PER_MINUTE_USER: '10000000', QX_MUTATIONS_PER_MINUTE_ADDRESS: '10000000' },
  },
});
