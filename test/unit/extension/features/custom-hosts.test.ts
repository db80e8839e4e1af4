import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  CRM_SCRIPT_FILE,
  CUSTOM_SCRIPT_ID,
  extraHostPatterns,
  isBuiltInHost,
  releaseUnusedHosts,
  requestHostAccess,
  syncCustomContentScript,
} from '../../../../extension/features/custom-hosts.ts';
import { accountPatternsItem } from '../../../../extension/lib/settings.ts';

type Script = { id: string; matches?: string[]; js?: string[] };

/** permissions + scripting in memory: what fakeBrowser leaves unimplemented. */
function fakeChrome(granted: string[] = []) {
  const perms = new Set(granted);
  let scripts: Script[] = [];
  const api = {
    permissions: {
      contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => perms.has(o))),
      request: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
        for (const o of origins) perms.add(o);
        return true;
      }),
      remove: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
        for (const o of origins) perms.delete(o);
        return true;
      }),
    },
    scripting: {
      getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) =>
        scripts.filter((s) => ids.includes(s.id)),
      ),
      registerContentScripts: vi.fn(async (add: Script[]) => {
        if (add.some((a) => scripts.some((s) => s.id === a.id))) throw new Error('Duplicate script ID');
        scripts.push(...add);
      }),
      updateContentScripts: vi.fn(async (update: Script[]) => {
        scripts = scripts.map((s) => update.find((u) => u.id === s.id) ?? s);
      }),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
        scripts = scripts.filter((s) => !ids.includes(s.id));
      }),
      executeScript: vi.fn(async () => []),
    },
    tabs: { query: vi.fn(async () => [{ id: 4, url: 'https://crm.acme.io/accounts/1' }]) },
  };
  return {
    api: api as unknown as Parameters<typeof syncCustomContentScript>[0],
    perms,
    scripts: () => scripts,
    raw: api,
  };
}

beforeEach(() => fakeBrowser.reset());

describe('hosts', () => {
  it('knows which hosts the manifest already covers', () => {
    expect(isBuiltInHost('https://acme.lightning.force.com/*')).toBe(true);
    expect(isBuiltInHost('https://*.hubspot.com/*')).toBe(true);
    expect(isBuiltInHost('http://localhost/*')).toBe(true);
    expect(isBuiltInHost('https://crm.acme.io/*')).toBe(false);
    expect(isBuiltInHost('http://twenty.acme.io/*')).toBe(false);
  });

  it('lists each extra host once and skips broken patterns', () => {
    expect(
      extraHostPatterns([
        { urlPattern: 'https://crm.acme.io/accounts/{accountId}' },
        { urlPattern: 'https://crm.acme.io/legacy?id={accountId}' },
        { urlPattern: 'http://localhost:3000/object/company/{accountId}' },
        { urlPattern: 'https://*.acme.dev/app#/c/{accountId}' },
        { urlPattern: 'broken' },
      ]),
    ).toEqual(['https://crm.acme.io/*', 'https://*.acme.dev/*']);
  });
});

describe('the permission request flow', () => {
  it('asks only for hosts the manifest does not grant', async () => {
    const { api, raw } = fakeChrome();
    expect(await requestHostAccess(['http://localhost/*'], api)).toBe(true);
    expect(raw.permissions.request).not.toHaveBeenCalled();
    expect(await requestHostAccess(['https://crm.acme.io/*'], api)).toBe(true);
    expect(raw.permissions.request).toHaveBeenCalledWith({ origins: ['https://crm.acme.io/*'] });
  });

  it('reports a declined prompt', async () => {
    const { api, raw } = fakeChrome();
    raw.permissions.request.mockResolvedValueOnce(false);
    expect(await requestHostAccess(['https://crm.acme.io/*'], api)).toBe(false);
  });

  it('registers the content script for granted hosts and injects it into open tabs', async () => {
    const { api, raw, scripts } = fakeChrome(['https://crm.acme.io/*']);
    await accountPatternsItem.setValue([
      { urlPattern: 'https://crm.acme.io/accounts/{accountId}' },
      { urlPattern: 'https://not-granted.acme.io/a/{accountId}' },
    ]);
    expect(await syncCustomContentScript(api)).toEqual(['https://crm.acme.io/*']);
    expect(scripts()).toEqual([
      expect.objectContaining({
        id: CUSTOM_SCRIPT_ID,
        matches: ['https://crm.acme.io/*'],
        js: [CRM_SCRIPT_FILE],
      }),
    ]);
    expect(raw.tabs.query).toHaveBeenCalledWith({ url: ['https://crm.acme.io/*'] });
    expect(raw.scripting.executeScript).toHaveBeenCalledWith({
      target: { tabId: 4 },
      files: [CRM_SCRIPT_FILE],
    });
  });

  it('updates the registration as hosts come and go, without injecting twice', async () => {
    const { api, raw, scripts } = fakeChrome(['https://crm.acme.io/*', 'https://b.acme.io/*']);
    await accountPatternsItem.setValue([{ urlPattern: 'https://crm.acme.io/accounts/{accountId}' }]);
    await syncCustomContentScript(api);
    await accountPatternsItem.setValue([
      { urlPattern: 'https://crm.acme.io/accounts/{accountId}' },
      { urlPattern: 'https://b.acme.io/x/{accountId}' },
    ]);
    await syncCustomContentScript(api);
    expect(scripts()[0]?.matches).toEqual(['https://crm.acme.io/*', 'https://b.acme.io/*']);
    expect(raw.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(raw.tabs.query).toHaveBeenLastCalledWith({ url: ['https://b.acme.io/*'] });

    await accountPatternsItem.setValue([]);
    expect(await syncCustomContentScript(api)).toEqual([]);
    expect(scripts()).toEqual([]);
  });

  it('drops a host whose permission the seller revoked', async () => {
    const { api, perms, scripts } = fakeChrome(['https://crm.acme.io/*']);
    await accountPatternsItem.setValue([{ urlPattern: 'https://crm.acme.io/accounts/{accountId}' }]);
    await syncCustomContentScript(api);
    perms.delete('https://crm.acme.io/*');
    await syncCustomContentScript(api);
    expect(scripts()).toEqual([]);
  });

  it('gives back hosts no pattern, backend or identity provider still needs', async () => {
    const { api, perms } = fakeChrome([
      'https://crm.acme.io/*',
      'https://api.acme.io/*',
      'https://b.acme.io/*',
    ]);
    await releaseUnusedHosts(
      [
        { urlPattern: 'https://crm.acme.io/accounts/{accountId}' },
        { urlPattern: 'https://api.acme.io/a/{accountId}' },
        { urlPattern: 'https://b.acme.io/a/{accountId}' },
      ],
      [{ urlPattern: 'https://b.acme.io/other/{accountId}' }],
      ['https://api.acme.io/*'],
      api,
    );
    expect([...perms]).toEqual(['https://api.acme.io/*', 'https://b.acme.io/*']);
  });
});
