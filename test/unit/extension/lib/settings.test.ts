import { describe, expect, it } from 'vitest';
import {
  accountPatternsItem,
  backendUrlItem,
  cacheTtlMinutesItem,
  sectionsItem,
  ssoConfigItem,
  ssoSessionItem,
  tokenItem,
  userItem,
} from '../../../../extension/lib/settings.ts';
import {
  moveSection,
  normalizeSections,
  parseBackendUrl,
  parseSsoConfig,
  parseTtlMinutes,
  setSectionVisible,
  shownSections,
} from '../../../../extension/lib/settings-validation.ts';
import { SECTION_IDS } from '../../../../shared/sections.ts';

describe('defaults', () => {
  it('works out of the box against the local demo server, signed out, all sections shown', async () => {
    expect(await backendUrlItem.getValue()).toBe('http://127.0.0.1:8787');
    expect(await tokenItem.getValue()).toBeNull();
    expect(await userItem.getValue()).toBeNull();
    expect(await cacheTtlMinutesItem.getValue()).toBe(10);
    expect(await accountPatternsItem.getValue()).toEqual([]);
    expect(await ssoConfigItem.getValue()).toBeNull();
    expect(await ssoSessionItem.getValue()).toBeNull();
    expect(shownSections(await sectionsItem.getValue())).toEqual([...SECTION_IDS]);
  });
});

describe('parseBackendUrl', () => {
  it.each([
    ['http://127.0.0.1:8787/login', 'http://127.0.0.1:8787'],
    ['  https://summaries.acme.io/ ', 'https://summaries.acme.io'],
    ['http://localhost:4000', 'http://localhost:4000'],
  ])('keeps the origin of %s', (input, origin) => {
    expect(parseBackendUrl(input)).toEqual({ ok: true, value: origin });
  });

  it.each([
    ['summaries.acme.io', /full server address/],
    ['ftp://summaries.acme.io', /must start with https/],
    ['http://summaries.acme.io', /Use https/],
    ['https://me:pw@summaries.acme.io', /user name/],
  ])('refuses %s', (input, error) => {
    const parsed = parseBackendUrl(input);
    expect(!parsed.ok && parsed.error).toMatch(error);
  });
});

describe('parseTtlMinutes', () => {
  it.each([
    ['0', 0],
    ['10', 10],
    [' 1440 ', 1440],
    [30, 30],
  ])('accepts %s', (input, value) => {
    expect(parseTtlMinutes(input)).toEqual({ ok: true, value });
  });

  it.each(['', '-1', '1441', '2.5', 'ten', Number.NaN])('refuses %s', (input) => {
    expect(parseTtlMinutes(input).ok).toBe(false);
  });
});

describe('parseSsoConfig', () => {
  it('trims, drops a trailing slash and repeated scopes', () => {
    expect(
      parseSsoConfig({
        issuer: 'https://login.acme.io/realms/sales/',
        clientId: ' account-summaries ',
        scopes: 'openid  email openid',
      }),
    ).toEqual({
      ok: true,
      value: {
        issuer: 'https://login.acme.io/realms/sales',
        clientId: 'account-summaries',
        scopes: 'openid email',
      },
    });
  });

  it.each([
    [{ issuer: 'http://login.acme.io', clientId: 'x', scopes: 'openid' }, /https/],
    [{ issuer: 'https://login.acme.io?x=1', clientId: 'x', scopes: 'openid' }, /no \? or #/],
    [{ issuer: 'https://login.acme.io', clientId: 'a b', scopes: 'openid' }, /client id/],
    [{ issuer: 'https://login.acme.io', clientId: 'x', scopes: 'email profile' }, /openid/],
  ])('refuses %o', (input, error) => {
    const parsed = parseSsoConfig(input);
    expect(!parsed.ok && parsed.error).toMatch(error);
  });
});

describe('sections', () => {
  const all = SECTION_IDS.map((id) => ({ id, visible: true }));

  it('normalizes stored values: unknown and repeated ids out, new sections in, never all hidden', () => {
    expect(
      normalizeSections([
        { id: 'pipeline', visible: false },
        { id: 'gone', visible: true },
        { id: 'pipeline', visible: true },
        { id: 'executive' },
      ]).map((s) => `${s.id}:${s.visible}`),
    ).toEqual([
      'pipeline:false',
      'executive:true',
      'organization:true',
      'consumption:true',
      'support:true',
      'recommendations:true',
    ]);
    expect(normalizeSections('junk')).toEqual(all);
    expect(normalizeSections(all.map((s) => ({ ...s, visible: false })))).toEqual(all);
  });

  it('moves a section and stops at either end', () => {
    expect(
      moveSection(all, 'organization', -1)
        .map((s) => s.id)
        .slice(0, 2),
    ).toEqual(['organization', 'executive']);
    expect(moveSection(all, 'executive', -1)).toEqual(all);
    expect(moveSection(all, 'recommendations', 1)).toEqual(all);
  });

  it('hides sections but keeps the last one visible', () => {
    let prefs = all;
    for (const id of SECTION_IDS) prefs = setSectionVisible(prefs, id, false);
    expect(shownSections(prefs)).toEqual(['recommendations']);
    expect(shownSections(setSectionVisible(prefs, 'executive', true))).toEqual([
      'executive',
      'recommendations',
    ]);
  });
});
