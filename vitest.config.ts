import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          exclude: ['test/unit/extension/**'],
          environment: 'node',
          // Some unit tests generate thousands of demo accounts; a busy 2-core CI box needs headroom.
          testTimeout: 30_000,
        },
      },
      {
        oxc: { jsx: { runtime: 'automatic' } },
        // WXT's own test double for the extension APIs (what its WxtVitest plugin aliases), without
        // booting WXT for every project.
        resolve: { alias: { 'wxt/browser': resolve('node_modules/wxt/dist/virtual/mock-browser.mjs') } },
        test: {
          name: 'unit-extension',
          include: ['test/unit/extension/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['test/unit/extension/setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
