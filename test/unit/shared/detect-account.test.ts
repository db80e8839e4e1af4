import { describe, expect, it } from 'vitest';
import { BUILT_IN_CRM_HOSTS, detectAccount } from '../../../shared/detect-account.ts';

// URL shapes as the CRMs print them in the address bar (ids are made up, formats are not).
const ID18 = '0015g00000XyZ12AAB';
const ID15 = '0015g00000XyZ12';

describe('Salesforce Lightning', () => {
  it.each([
    `https://acme.lightning.force.com/lightning/r/Account/${ID18}/view`,
    `https://acme.lightning.force.com/lightning/r/Account/${ID18}/view/`,
    `https://acme.lightning.force.com/lightning/r/Account/${ID18}/view?0.source=alohaHeader`,
    `https://acme.lightning.force.com/lightning/r/Account/${ID18}/view#details`,
    `https://acme.lightning.force.com/lightning/r/Account/${ID18}/related/Contacts/view`,
    `https://acme.lightning.force.com/lightning/r/Account/${ID18}/related/Opportunities/view?ws=%2Flightning%2Fr%2FCase%2F5005g00000AbCdEAAV%2Fview`,
    `https://acme.lightning.force.com/lightning/r/Account/${ID18}/edit?count=1`,
    `https://acme.lightning.force.com/lightning/r/account/${ID18}/view`,
    `https://acme.lightning.force.com/lightning/r/${ID18}/view`,
    `https://acme--uat.sandbox.lightning.force.com/lightning/r/Account/${ID18}/view`,
    `https://acme-dev-ed.develop.lightning.force.com/lightning/r/Account/${ID18}/view`,
    `https://acme.my.salesforce.com/lightning/r/Account/${ID18}/view`,
    `https://acme.lightning.force.com/one/one.app#/sObject/${ID18}/view`,
  ])('%s', (url) => {
    expect(detectAccount(url)).toEqual({ crm: 'salesforce-lightning', accountId: ID18 });
  });

  it('accepts a 15-character id', () => {
    expect(detectAccount(`https://acme.lightning.force.com/lightning/r/Account/${ID15}/view`)).toEqual({
      crm: 'salesforce-lightning',
      accountId: ID15,
    });
  });

  it.each([
    ['an opportunity', 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view'],
    ['a contact by bare id', 'https://acme.lightning.force.com/lightning/r/0035g00000AbCdEAAV/view'],
    ['a case in the console', 'https://acme.lightning.force.com/lightning/r/Case/5005g00000AbCdEAAV/view'],
    ['a report', 'https://acme.lightning.force.com/lightning/r/Report/00O5g000004XyZaEAK/view'],
    ['the account list', 'https://acme.lightning.force.com/lightning/o/Account/list?filterName=Recent'],
    ['the account home', 'https://acme.lightning.force.com/lightning/o/Account/home'],
    ['a new account form', 'https://acme.lightning.force.com/lightning/o/Account/new?count=1'],
    ['the home page', 'https://acme.lightning.force.com/lightning/page/home'],
    ['setup home', 'https://acme.lightning.force.com/lightning/setup/SetupOneHome/home'],
    [
      'the Account object in setup',
      'https://acme.my.salesforce-setup.com/lightning/setup/ObjectManager/Account/FieldsAndRelationships/view',
    ],
    ['a 16-character id', 'https://acme.lightning.force.com/lightning/r/Account/0015g00000XyZ12A/view'],
    ['an unknown host', `https://example.com/lightning/r/Account/${ID18}/view`],
    ['a look-alike host', `https://force.com.evil.example/lightning/r/Account/${ID18}/view`],
  ])('ignores %s', (_, url) => {
    expect(detectAccount(url)).toBeNull();
  });
});

describe('Salesforce Classic', () => {
  it.each([
    [`https://acme.my.salesforce.com/${ID15}`, ID15],
    [`https://acme.my.salesforce.com/${ID18}`, ID18],
    [`https://acme.my.salesforce.com/${ID15}/`, ID15],
    [`https://acme.my.salesforce.com/${ID15}?nooverride=1`, ID15],
    [`https://acme--uat.sandbox.my.salesforce.com/${ID15}`, ID15],
    [`https://na42.salesforce.com/${ID15}?srPos=0&srKp=001`, ID15],
  ])('%s', (url, accountId) => {
    expect(detectAccount(url)).toEqual({ crm: 'salesforce-classic', accountId });
  });

  it.each([
    ['a contact', 'https://acme.my.salesforce.com/0035g00000AbCdE'],
    ['the account tab', 'https://acme.my.salesforce.com/001/o'],
    ['a list view', 'https://acme.my.salesforce.com/001?fcf=00B5g00000AbCdE'],
    ['the edit form', `https://acme.my.salesforce.com/${ID15}/e?retURL=%2F${ID15}`],
    ['home', 'https://acme.my.salesforce.com/home/home.jsp'],
    ['setup', 'https://acme.my.salesforce.com/setup/forcecomHomepage.apexp?setupid=ForceCom'],
    ['another site', `https://www.salesforce.org.example/${ID15}`],
  ])('ignores %s', (_, url) => {
    expect(detectAccount(url)).toBeNull();
  });
});

describe('HubSpot', () => {
  it.each([
    'https://app.hubspot.com/contacts/2149723/company/18457365812',
    'https://app.hubspot.com/contacts/2149723/company/18457365812/',
    'https://app.hubspot.com/contacts/2149723/company/18457365812/?interaction=note',
    'https://app.hubspot.com/contacts/2149723/record/0-2/18457365812',
    'https://app.hubspot.com/contacts/2149723/record/0-2/18457365812/?tab=activity',
    'https://app-eu1.hubspot.com/contacts/25891234/record/0-2/18457365812',
    'https://app-na2.hubspot.com/contacts/243118/record/0-2/18457365812',
  ])('%s', (url) => {
    expect(detectAccount(url)).toEqual({ crm: 'hubspot', accountId: '18457365812' });
  });

  it.each([
    ['a contact', 'https://app.hubspot.com/contacts/2149723/contact/551'],
    ['a contact record', 'https://app.hubspot.com/contacts/2149723/record/0-1/551'],
    ['a deal record', 'https://app.hubspot.com/contacts/2149723/record/0-3/9001'],
    ['a ticket record', 'https://app.hubspot.com/contacts/2149723/record/0-5/9001'],
    ['the company list', 'https://app.hubspot.com/contacts/2149723/objects/0-2/views/all/list'],
    ['the old company list', 'https://app.hubspot.com/contacts/2149723/companies/list/view/all/'],
    ['company settings', 'https://app.hubspot.com/settings/2149723/objects/companies'],
    ['the marketing site', 'https://www.hubspot.com/contacts/2149723/company/18457365812'],
  ])('ignores %s', (_, url) => {
    expect(detectAccount(url)).toBeNull();
  });
});

describe('Dynamics 365', () => {
  const guid = '7d5e1c3a-0f2b-4c8d-9e6a-1b2c3d4e5f60';
  const app = 'appid=5e1d2a3b-9c8d-4e7f-a6b5-c4d3e2f1a0b9';
  it.each([
    `https://contoso.crm.dynamics.com/main.aspx?${app}&pagetype=entityrecord&etn=account&id=${guid}`,
    `https://contoso.crm4.dynamics.com/main.aspx?${app}&pagetype=entityrecord&etn=account&id=%7B${guid.toUpperCase()}%7D`,
    `https://contoso.crm11.dynamics.com/main.aspx?${app}&forceUCI=1&pagetype=entityrecord&etn=account&id=${guid}`,
    `https://contoso.crm.dynamics.com/main.aspx?etc=1&id=%7b${guid}%7d&pagetype=entityrecord`,
    `https://contoso.crm.dynamics.com/main.aspx?etn=account&pagetype=entityrecord&id=${guid}#tab`,
  ])('%s', (url) => {
    expect(detectAccount(url)).toEqual({ crm: 'dynamics', accountId: guid });
  });

  it.each([
    [
      'a contact form',
      `https://contoso.crm.dynamics.com/main.aspx?${app}&pagetype=entityrecord&etn=contact&id=${guid}`,
    ],
    [
      'the account list',
      `https://contoso.crm.dynamics.com/main.aspx?${app}&pagetype=entitylist&etn=account&viewid=00000000-0000-0000-00aa-000010001001&viewType=1039`,
    ],
    [
      'a new account form',
      `https://contoso.crm.dynamics.com/main.aspx?${app}&pagetype=entityrecord&etn=account`,
    ],
    ['a dashboard', `https://contoso.crm.dynamics.com/main.aspx?${app}&pagetype=dashboard&id=${guid}`],
    ['settings', 'https://contoso.crm.dynamics.com/main.aspx?settingsonly=true'],
    ['no page type', `https://contoso.crm.dynamics.com/main.aspx?etn=account&id=${guid}`],
    [
      'a bad id',
      'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=not-a-guid',
    ],
    ['another host', `https://contoso.example.com/main.aspx?pagetype=entityrecord&etn=account&id=${guid}`],
  ])('ignores %s', (_, url) => {
    expect(detectAccount(url)).toBeNull();
  });
});

describe('Twenty', () => {
  const uuid = '20202020-3ec3-4c95-81e4-7c1a9f2b8d01';
  it.each([
    `https://app.twenty.com/object/company/${uuid}`,
    `https://acme.twenty.com/object/company/${uuid}/`,
    `https://crm.acme.io/object/company/${uuid}?tab=timeline`,
    `http://localhost:3000/object/company/${uuid.toUpperCase()}`,
  ])('%s', (url) => {
    expect(detectAccount(url)).toEqual({ crm: 'twenty', accountId: uuid });
  });

  it.each([
    ['a person', `https://app.twenty.com/object/person/${uuid}`],
    ['an opportunity', `https://app.twenty.com/object/opportunity/${uuid}`],
    ['the company list', 'https://app.twenty.com/objects/companies'],
    ['settings', 'https://app.twenty.com/settings/objects/companies'],
    ['a non-uuid', 'https://app.twenty.com/object/company/new'],
  ])('ignores %s', (_, url) => {
    expect(detectAccount(url)).toBeNull();
  });
});

describe('the demo CRM (Lightning shapes on a loopback host)', () => {
  it.each([
    `http://127.0.0.1:8787/lightning/r/Account/${ID18}/view`,
    `http://localhost:40123/lightning/r/Account/${ID18}/view?tab=activity`,
  ])('%s', (url) => {
    expect(detectAccount(url)).toEqual({ crm: 'salesforce-lightning', accountId: ID18 });
  });

  it.each([
    'http://127.0.0.1:8787/login',
    'http://127.0.0.1:8787/lightning/o/Account/list',
    'http://127.0.0.1:8787/lightning/r/Opportunity/0065g00000AbCdEAAV/view',
  ])('ignores %s', (url) => {
    expect(detectAccount(url)).toBeNull();
  });
});

describe('admin-defined patterns', () => {
  const patterns = [{ urlPattern: 'https://crm.acme.io/accounts/{accountId}' }];

  it('extracts the id', () => {
    expect(detectAccount('https://crm.acme.io/accounts/AC-1042?tab=notes', { patterns })).toEqual({
      crm: 'custom',
      accountId: 'AC-1042',
    });
  });

  it('outranks the built-in shapes, so an admin can claim a host', () => {
    const claim = [{ urlPattern: 'https://acme.lightning.force.com/lightning/r/Account/{accountId}/view' }];
    expect(
      detectAccount(`https://acme.lightning.force.com/lightning/r/Account/${ID18}/view`, { patterns: claim }),
    ).toEqual({ crm: 'custom', accountId: ID18 });
  });

  it('skips invalid patterns and falls through to the built-in shapes', () => {
    const mixed = [{ urlPattern: 'crm.acme.io/{accountId}' }, ...patterns];
    expect(detectAccount('https://crm.acme.io/accounts/42', { patterns: mixed })?.accountId).toBe('42');
    expect(detectAccount(`https://acme.my.salesforce.com/${ID15}`, { patterns })?.crm).toBe(
      'salesforce-classic',
    );
  });
});

describe('page hints', () => {
  it('uses the record header when the URL alone does not say', () => {
    expect(
      detectAccount('http://127.0.0.1:8787/accounts/current', {
        record: { object: 'Account', recordId: ID18 },
      }),
    ).toEqual({ crm: 'salesforce-lightning', accountId: ID18 });
    expect(
      detectAccount('https://crm.example/record', { record: { object: 'account', recordId: 'A-7' } }),
    ).toEqual({ crm: 'custom', accountId: 'A-7' });
  });

  it('never lets a lingering header override a record URL of another object', () => {
    const url = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view';
    expect(detectAccount(url, { record: { object: 'Account', recordId: ID18 } })).toBeNull();
  });

  it('ignores headers of other objects and ids the API would refuse', () => {
    expect(
      detectAccount('https://crm.example/record', { record: { object: 'Contact', recordId: ID18 } }),
    ).toBeNull();
    expect(
      detectAccount('https://crm.example/record', { record: { object: 'Account', recordId: 'a b' } }),
    ).toBeNull();
  });
});

it('returns null for strings that are not URLs', () => {
  expect(detectAccount('not a url')).toBeNull();
  expect(detectAccount('')).toBeNull();
});

it('lists only CRM hosts for the content script, never every site', () => {
  expect(BUILT_IN_CRM_HOSTS).not.toContain('<all_urls>');
  for (const host of BUILT_IN_CRM_HOSTS) expect(host).toMatch(/^https?:\/\/(\*\.)?[a-z0-9.-]+\.?[a-z]*\/\*$/);
});
