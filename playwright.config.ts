import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { E2E_CLOCK_TOKEN } from './e2e/clock-token';

// Debian's Chromium where it exists (this machine cannot download Playwright's own browser).
const chromium = '/usr/bin/chromium';
const executablePath = fs.existsSync(chromium) ? chromium : undefined;
const port = Number(process.env.E2E_PORT ?? 3210);
// Set once by the runner, so that its workers (which load this file again) name the same folders.
process.env.E2E_DATA_DIR ??= `/tmp/qx-e2e-${process.pid}`;
const dataDir = process.env.E2E_DATA_DIR;
// A second server as an operator starts it for real: no demo, no test clock (e2e/production.spec.ts).
const productionPort = port + 1;
const productionDataDir = `${dataDir}-production`;
process.env.E2E_PRODUCTION_URL = `http://127.0.0.1:${productionPort}`;
process.env.E2E_PRODUCTION_DATA_DIR = productionDataDir;
const secret = 'e2e-secret-not-for-production-use-000000';

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
  webServer: [
    {
      // The production build, on a fresh demo database, with a clock the tests may move forward.
      command: `rm -rf ${dataDir} && node dist/server.cjs`,
      url: `http://127.0.0.1:${port}/login`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { HOST: '127.0.0.1', PORT: String(port), QX_DATA_DIR: dataDir, QX_DEMO: '1', QX_TEST_CLOCK: '1', QX_TEST_CLOCK_TOKEN: E2E_CLOCK_TOKEN, QX_SWEEP_SECONDS: '1', QX_LOG_LEVEL: 'warn', AUTH_SECRET: secret },
    },
    {
      command: `rm -rf ${productionDataDir} && node dist/server.cjs`,
      url: `http://127.0.0.1:${productionPort}/login`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { HOST: '127.0.0.1', PORT: String(productionPort), QX_DATA_DIR: productionDataDir, QX_LOG_LEVEL: 'warn', AUTH_SECRET: `${secret}-production` },
    },
  ],
});
