import { defineConfig } from '@playwright/test';

// End-to-end: the built extension in Debian's Chromium against a real server (see test/e2e/fixtures.ts).
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
});
