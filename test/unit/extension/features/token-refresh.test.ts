import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  handleUnauthorized,
  REFRESH_ALARM,
  refreshTime,
  refreshToken,
  scheduleRefresh,
} from '../../../../extension/features/token-refresh.ts';
import { ssoSessionItem, tokenItem } from '../../../../extension/lib/settings.ts';
import { CLIENT_ID, fakeIdp, ISSUER } from '../fixtures/fake-idp.ts';

const session = (over = {}) => ({
  tokenEndpoint: `${ISSUER}/protocol/openid-connect/token`,
  clientId: CLIENT_ID,
  refreshToken: 'refresh-0',
  expiresAt: 10 * 60_000,
  ...over,
});

describe('refreshTime', () => {
  it('renews two minutes early, never in the past, and only with a refresh token and an expiry', () => {
    expect(refreshTime(session(), 0)).toBe(8 * 60_000);
    expect(refreshTime(session(), 9 * 60_000)).toBe(9 * 60_000 + 30_000);
    expect(refreshTime(session({ refreshToken: null }), 0)).toBeNull();
    expect(refreshTime(session({ expiresAt: null }), 0)).toBeNull();
    expect(refreshTime(null)).toBeNull();
  });

  it('keeps one alarm in step with the session', async () => {
    await scheduleRefresh(session({ expiresAt: Date.now() + 3_600_000 }));
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toBeTruthy();
    await scheduleRefresh(null);
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toBeUndefined();
  });
});

describe('refreshToken', () => {
  it('stores the renewed token and session', async () => {
    await Promise.all([tokenItem.setValue('old'), ssoSessionItem.setValue(session())]);
    expect(await refreshToken(fakeIdp())).toBe('renewed');
    expect(await tokenItem.getValue()).not.toBe('old');
    expect((await ssoSessionItem.getValue())?.refreshToken).toBe('refresh-1');
  });

  it('drops a refused refresh token and keeps the current token until it expires', async () => {
    await Promise.all([
      tokenItem.setValue('old'),
      ssoSessionItem.setValue(session({ refreshToken: 'revoked' })),
    ]);
    expect(await refreshToken(fakeIdp())).toBe('dropped');
    expect(await tokenItem.getValue()).toBe('old');
    expect((await ssoSessionItem.getValue())?.refreshToken).toBeNull();
  });

  it('retries in a minute when the provider cannot be reached', async () => {
    await ssoSessionItem.setValue(session());
    const offline = { fetch: () => Promise.reject(new TypeError('offline')), now: () => 5_000 };
    expect(await refreshToken(offline)).toBe('retry');
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.scheduledTime).toBe(65_000);
    expect((await ssoSessionItem.getValue())?.refreshToken).toBe('refresh-0');
  });

  it('does nothing without an SSO session, and ignores an answer for a session signed out meanwhile', async () => {
    expect(await refreshToken(fakeIdp())).toBe('none');
    await ssoSessionItem.setValue(session());
    const idp = fakeIdp();
    const slow = {
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        await ssoSessionItem.setValue(null); // the seller signs out while the request runs
        return idp.fetch(input, init);
      },
    };
    expect(await refreshToken(slow)).toBe('none');
    expect(await tokenItem.getValue()).toBeNull();
  });
});

describe('handleUnauthorized', () => {
  it('renews an SSO token once, else signs out', async () => {
    await Promise.all([tokenItem.setValue('old'), ssoSessionItem.setValue(session())]);
    expect(await handleUnauthorized(fakeIdp())).toBe('renewed');
    expect(await tokenItem.getValue()).not.toBe('old');

    await ssoSessionItem.setValue(session({ refreshToken: 'revoked' }));
    expect(await handleUnauthorized(fakeIdp())).toBe('signed-out');
    expect(await tokenItem.getValue()).toBeNull();
  });

  it('signs out a token that came from the demo CRM or a paste', async () => {
    await tokenItem.setValue('dev');
    expect(await handleUnauthorized(fakeIdp())).toBe('signed-out');
    expect(await tokenItem.getValue()).toBeNull();
  });
});
