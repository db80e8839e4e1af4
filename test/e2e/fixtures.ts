/// <reference types="chrome" />
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, test as base, chromium, type Worker } from '@playwright/test';
import { freePort } from '../support/free-port.ts';

const EXTENSION_DIR = resolve(process.env.EXTENSION_DIR ?? '.output/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Starts the real server (in-memory PGlite unless `env` sets DATA_DIR, demo data) and resolves once
 * it listens; `env` adds or overrides configuration (e.g. a stand-in model).
 */
export async function startServer(
  env: Record<string, string> = {},
): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const args = ['--import', 'tsx', 'server/index.ts', ...(env.DATA_DIR ? [] : ['--memory'])];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start in 60 s:\n${log}`)), 60_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('"msg":"listening"')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`server exited with ${code}:\n${log}`)));
  });
  return { url: `http://127.0.0.1:${port}`, process: child };
}

type WorkerFixtures = {
  server: string;
  extensionContext: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
};

export const test = base.extend<object, WorkerFixtures>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring form.
    async ({}, use) => {
      const { url, process: child } = await startServer();
      await use(url);
      child.kill('SIGTERM');
    },
    { scope: 'worker' },
  ],
  extensionContext: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring form.
    async ({}, use) => {
      const profile = mkdtempSync(join(tmpdir(), 'account-summaries-e2e-'));
      // The browser loads a copy of the build, so another `wxt build` during the run cannot
      // replace files under it.
      if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
        throw new Error(`no extension build in ${EXTENSION_DIR}: run \`npx wxt build\``);
      const extension = join(profile, 'extension');
      cpSync(EXTENSION_DIR, extension, { recursive: true });
      const context = await chromium.launchPersistentContext(join(profile, 'user-data'), {
        executablePath: CHROMIUM,
        headless: true,
        viewport: { width: 1280, height: 800 },
        ignoreDefaultArgs: ['--disable-extensions'],
        args: [
          `--disable-extensions-except=${extension}`,
          `--load-extension=${extension}`,
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      await use(context);
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  serviceWorker: [
    async ({ extensionContext }, use) => {
      const worker =
        extensionContext.serviceWorkers()[0] ?? (await extensionContext.waitForEvent('serviceworker'));
      await use(worker);
    },
    { scope: 'worker' },
  ],
  extensionId: [
    async ({ serviceWorker }, use) => {
      // The id is derived from the unpacked path, so read it rather than hard-code it.
      await use(new URL(serviceWorker.url()).host);
    },
    { scope: 'worker' },
  ],
});

export const expect = test.expect;

/** The id of the browser tab showing `url` (the panel binds to it with ?tabId=). */
export async function tabIdOf(serviceWorker: Worker, url: string): Promise<number> {
  const id = await serviceWorker.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t: chrome.tabs.Tab) => t.url === target)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}
