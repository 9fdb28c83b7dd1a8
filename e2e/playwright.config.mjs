// End-to-end tests run against a real portal server that `cargo xtask test`
// starts on a free port with a fresh database; PORTAL_URL says where.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const baseURL = process.env.PORTAL_URL;
if (!baseURL) {
  throw new Error('PORTAL_URL is not set: run these tests with `cargo xtask test --layer e2e`.');
}

export default defineConfig({
  testDir: './tests',
  outputDir: '../target/e2e/test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'en-US',
    trace: 'off',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
});
