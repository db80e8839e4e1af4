/// <reference types="chrome" />
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Route, Worker } from '@playwright/test';

/**
 * CRM pages at their real addresses: Playwright answers requests for these origins from the static
 * pages beside this file, so the manifest's host matches and the real URL shapes are exercised
 * without a network. Every path of an origin gets that CRM's page (a single-page-app shell).
 */
export const CRM = {
  lightning: 'https://acme.lightning.force.com',
  classic: 'https://acme.my.salesforce.com',
  hubspot: 'https://app.hubspot.com',
  dynamics: 'https://contoso.crm.dynamics.com',
  twenty: 'https://acme.twenty.com',
  /** A CRM the extension does not know, on a loopback host so no permission prompt is needed. */
  custom: 'http://localhost:4999',
  /** Not a CRM: a host the extension has no access to. */
  mail: 'https://mail.example.com',
} as const;

const FILES: Record<string, string> = {
  [CRM.lightning]: 'lightning.html',
  [CRM.classic]: 'classic.html',
  [CRM.hubspot]: 'hubspot.html',
  [CRM.dynamics]: 'dynamics.html',
  [CRM.twenty]: 'twenty.html',
  [CRM.custom]: 'custom.html',
  [CRM.mail]: 'not-a-crm.html',
};

const read = (file: string) => readFileSync(resolve('test/e2e/crm-pages', file), 'utf8');

/** Starts answering for the CRM origins; returns the function that stops it. */
export async function serveCrmPages(context: BrowserContext): Promise<() => Promise<void>> {
  const matches = (url: URL) => url.origin in FILES;
  const handler = (route: Route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/__e2e/spa.js')
      return route.fulfill({ contentType: 'text/javascript', body: read('spa.js') });
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: read(FILES[url.origin]!) });
  };
  await context.route(matches, handler);
  return () => context.unroute(matches, handler);
}

type Reported = { crm: string; accountId: string; title: string };

/** The account the background currently holds for the tab (its per-tab state in session storage). */
export function reportedAccount(serviceWorker: Worker, tabId: number): Promise<Reported | null> {
  return serviceWorker.evaluate(async (id) => {
    const { tabStates } = await chrome.storage.session.get('tabStates');
    const states = (tabStates ?? {}) as Record<string, { page?: { account?: Reported | null } }>;
    return states[id]?.page?.account ?? null;
  }, tabId);
}

/** The same, as `{crm, accountId}` or null, for comparisons. */
export async function detectedAccount(serviceWorker: Worker, tabId: number) {
  const account = await reportedAccount(serviceWorker, tabId);
  return account && { crm: account.crm, accountId: account.accountId };
}
