import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run server modules outside Next.js: `server-only` resolves as on the server (its react-server
  // export, an empty module), as the server bundle and the scripts resolve it.
  resolve: { alias: { '@': path.resolve(__dirname), 'server-only': path.resolve(__dirname, 'node_modules/server-only/empty.js') } },
  test: {
    include: ['server/**/*.test.ts', 'lib/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // `npm run test:pg` (QX_TEST_DB=pg): a throwaway PostgreSQL cluster for the run.
    globalSetup: ['server/testing/pg-global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    // The operator's log stays quiet, and the mutation limits leave room for generated workloads (limits.test.ts sets its own).
    env: { QX_LOG_LEVEL: 'silent', QX_MUTATIONS_PER_MINUTE_USER: '10000000', QX_MUTATIONS_PER_MINUTE_ADDRESS: '10000000' },
  },
});
