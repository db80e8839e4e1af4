/// <reference types="chrome" />
import type { BrowserContext, Page, Request, Worker } from '@playwright/test';
import { expect, tabIdOf } from './fixtures.ts';

// Steps the panel specs share: sign in through the demo CRM (the real hand-off to the extension),
// open an account record, open the panel page bound to that tab, and watch its API traffic.

/** Signs in to the demo CRM as the user whose button matches `who`; returns the CRM tab. */
export async function signIn(context: BrowserContext, server: string, who = /Alice Chen/): Promise<Page> {
  const crm = await context.newPage();
  await crm.goto(`${server}/login`);
  await crm.getByRole('button', { name: who }).click();
  await crm.waitForURL(/\/lightning\/o\/Account\/list/);
  return crm;
}

/** Opens the nth account on the CRM list; returns its id and name. */
export async function openAccount(crm: Page, nth = 0): Promise<{ id: string; name: string }> {
  await crm.waitForURL(/\/lightning\/o\/Account\/list/);
  const link = crm.locator('a[href*="/lightning/r/Account/"]').nth(nth);
  const name = ((await link.textContent()) ?? '').trim();
  await link.click();
  await crm.waitForURL(/\/lightning\/r\/Account\/\w+\/view/);
  const id = /\/Account\/(\w+)\/view/.exec(crm.url())![1]!;
  return { id, name };
}

/** The accounts on the signed-in user's list (the CRM tab shows it). */
export async function accountNames(crm: Page, first = 100): Promise<{ id: string; name: string }[]> {
  const links = await crm
    .locator('a[href*="/lightning/r/Account/"]')
    .evaluateAll((all) =>
      all.map((a) => ({ href: (a as HTMLAnchorElement).href, name: a.textContent ?? '' })),
    );
  const byId = new Map(links.map((l) => [/\/Account\/(\w+)\/view/.exec(l.href)![1]!, l.name.trim()]));
  return [...byId].slice(0, first).map(([id, name]) => ({ id, name }));
}

export const accountIdsOf = async (crm: Page) => (await accountNames(crm)).map((a) => a.id);

export interface PanelTraffic {
  /** POST /v1/summaries made by the panel. */
  creates: Request[];
  /** GET /v1/summaries/:id (polls and the first snapshot). */
  polls: Request[];
  /** GET /v1/summaries/:id/events. */
  streams: Request[];
  feedback: Request[];
}

/** Opens the side panel page bound to the tab showing `tabUrl`, recording its API calls. */
export async function openPanel(
  context: BrowserContext,
  serviceWorker: Worker,
  extensionId: string,
  tabUrl: string,
  options: { width?: number; height?: number; beforeLoad?: (page: Page) => Promise<unknown> } = {},
): Promise<{ panel: Page; traffic: PanelTraffic }> {
  const panel = await context.newPage();
  await options.beforeLoad?.(panel);
  await panel.setViewportSize({ width: options.width ?? 400, height: options.height ?? 900 });
  const traffic: PanelTraffic = { creates: [], polls: [], streams: [], feedback: [] };
  panel.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.method() === 'POST' && path === '/v1/summaries') traffic.creates.push(r);
    else if (/^\/v1\/summaries\/[^/]+$/.test(path)) traffic.polls.push(r);
    else if (/^\/v1\/summaries\/[^/]+\/events$/.test(path)) traffic.streams.push(r);
    else if (path === '/v1/feedback') traffic.feedback.push(r);
  });
  const tabId = await tabIdOf(serviceWorker, tabUrl);
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  return { panel, traffic };
}

export const panelState = (panel: Page) => panel.getByTestId('panel-state');

/** The brief on screen (the panel keeps a few others rendered out of sight for fast tab switches). */
export const brief = (panel: Page) => panel.locator('.brief-slot[data-live="true"]');

/** Waits for the brief to be finished (every shown section done) and returns the section locators. */
export async function waitForBrief(panel: Page, timeout = 60_000) {
  await expect(panelState(panel)).toHaveAttribute('data-state', 'ready', { timeout });
  const sections = brief(panel).locator('[data-testid^="section-"]');
  await expect(sections.first()).toBeVisible();
  await expect(brief(panel).locator('[data-testid^="section-"]:not([data-status="done"])')).toHaveCount(0, {
    timeout,
  });
  return sections;
}

/** Signs the extension out without the CRM (as an expired session would). */
export async function clearSession(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(() => chrome.storage.local.remove(['token', 'user']));
}

/**
 * Records a right-click request for a tab, as the background's context-menu handler does after its
 * /v1/accounts lookup (a context menu cannot be clicked in headless Chromium).
 */
export async function setTabRequest(serviceWorker: Worker, tabId: number, request: unknown): Promise<void> {
  await serviceWorker.evaluate(
    async ({ tabId, request }) => {
      const stored = await chrome.storage.session.get('tabStates');
      const tabStates = (stored.tabStates ?? {}) as Record<string, Record<string, unknown>>;
      await chrome.storage.session.set({
        tabStates: { ...tabStates, [tabId]: { ...(tabStates[tabId] ?? { page: null }), request } },
      });
    },
    { tabId, request },
  );
}

export interface AccountMatchJson {
  id: string;
  name: string;
  score: number;
}

/** The server's name lookup for the signed-in seller, as the context-menu handler makes it. */
export function lookUpName(serviceWorker: Worker, query: string): Promise<AccountMatchJson[]> {
  return serviceWorker.evaluate(async (q) => {
    const { backendUrl, token } = await chrome.storage.local.get(['backendUrl', 'token']);
    const response = await fetch(`${backendUrl}/v1/accounts?query=${encodeURIComponent(q)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`GET /v1/accounts: ${response.status}`);
    return ((await response.json()) as { accounts: AccountMatchJson[] }).accounts;
  }, query);
}
