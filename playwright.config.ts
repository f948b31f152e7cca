import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium where it exists (this machine cannot download Playwright's own browser).
const chromium = '/usr/bin/chromium';
const executablePath = fs.existsSync(chromium) ? chromium : undefined;
const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = process.env.E2E_DATA_DIR ?? `/tmp/qx-e2e-${process.pid}`;

export default defineConfig({
  testDir: './e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The production build, on a fresh database, with a clock the tests may move forward.
    command: `rm -rf ${dataDir} && npx tsx db/prepare.ts && node dist/server.cjs`,
    url: `http://127.0.0.1:${port}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { HOST: '127.0.0.1', PORT: String(port), QX_DATA_DIR: dataDir, QX_TEST_CLOCK: '1', QX_SWEEP_SECONDS: '1', AUTH_SECRET: 'e2e-secret-not-for-production-use-000000' },
  },
});
