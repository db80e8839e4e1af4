import { describe, expect, it } from 'vitest';
import { detectAccount } from '../../../shared/detect-account.ts';

const ID18 = '001DM0000000001AAA';
const ID15 = '001Dn00000AbCdE';

describe('Salesforce Lightning', () => {
  it.each([
    `https://acme.lightning.force.com/lightning/r/Account/${ID18}/view`,
    `https://acme.lightning.force.com/lightning/r/Account/${ID18}/view/`,
    `https://acme.lightning.force.com/lightning/r/Account/${ID18}/view?0.source=alohaHeader`,
    `https://acme.lightning.force.com/lightning/r/Account/${ID18}/view#details`,
    `https://acme.lightning.force.com/lightning/r/Account/${ID18}/related/Contacts/view`,
    `https://acme.lightning.force.com/lightning/r/account/${ID18}/view`,
    `https://acme.lightning.force.com/lightning/r/${ID18}/view`,
    `https://acme--uat.sandbox.lightning.force.com/lightning/r/Account/${ID18}/view`,
    `https://acme.my.salesforce.com/lightning/r/Account/${ID18}/view`,
    `https://acme.lightning.force.com/one/one.app#/sObject/${ID18}/view`,
    `http://127.0.0.1:8787/lightning/r/Account/${ID18}/view`,
    `http://localhost:40123/lightning/r/Account/${ID18}/view?tab=activity`,
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
    ['an opportunity', 'https://acme.lightning.force.com/lightning/r/Opportunity/006DM0000000001AAA/view'],
    ['a contact by bare id', 'https://acme.lightning.force.com/lightning/r/003DM0000000001AAA/view'],
    ['the account list', 'https://acme.lightning.force.com/lightning/o/Account/list?filterName=Recent'],
    ['the account home', 'https://acme.lightning.force.com/lightning/o/Account/home'],
    ['a 16-character id', 'https://acme.lightning.force.com/lightning/r/Account/001DM0000000001A/view'],
    ['a 12-character id', 'https://acme.lightning.force.com/lightning/r/Account/001DM0000000/view'],
    ['the demo login', 'http://127.0.0.1:8787/login'],
    ['an unknown host', `https://example.com/lightning/r/Account/${ID18}/view`],
    ['a look-alike host', `https://force.com.evil.example/lightning/r/Account/${ID18}/view`],
    ['the home page', 'https://acme.lightning.force.com/lightning/page/home'],
  ])('ignores %s', (_, url) => {
    expect(detectAccount(url)).toBeNull();
  });
});

describe('Salesforce Classic', () => {
  it.each([
    [`https://acme.my.salesforce.com/${ID18}`, ID18],
    [`https://acme.my.salesforce.com/${ID15}`, ID15],
    [`https://acme.my.salesforce.com/${ID15}/`, ID15],
    [`https://na42.salesforce.com/${ID15}?srPos=0&srKp=001`, ID15],
    [`https://acme.my.salesforce.com/${ID18}#top`, ID18],
  ])('%s', (url, accountId) => {
    expect(detectAccount(url)).toEqual({ crm: 'salesforce-classic', accountId });
  });

  it.each([
    'https://acme.my.salesforce.com/006Dn00000AbCdE', // opportunity
    'https://acme.my.salesforce.com/001/o', // account tab
    'https://acme.my.salesforce.com/001?fcf=00B000000000001',
    `https://acme.my.salesforce.com/${ID15}/e`, // edit form, not the record
    'https://acme.my.salesforce.com/home/home.jsp',
  ])('ignores %s', (url) => {
    expect(detectAccount(url)).toBeNull();
  });
});

describe('HubSpot', () => {
  it.each([
    'https://app.hubspot.com/contacts/2149723/company/18457365812',
    'https://app.hubspot.com/contacts/2149723/company/18457365812/',
    'https://app.hubspot.com/contacts/2149723/company/18457365812/?interaction=note',
    'https://app.hubspot.com/contacts/2149723/record/0-2/18457365812',
    'https://app-eu1.hubspot.com/contacts/2149723/record/0-2/18457365812/view/1',
  ])('%s', (url) => {
    expect(detectAccount(url)).toEqual({ crm: 'hubspot', accountId: '18457365812' });
  });

  it.each([
    'https://app.hubspot.com/contacts/2149723/contact/551',
    'https://app.hubspot.com/contacts/2149723/record/0-1/551',
    'https://app.hubspot.com/contacts/2149723/record/0-3/551',
    'https://app.hubspot.com/contacts/2149723/objects/0-2/views/all/list',
    'https://www.hubspot.com/contacts/2149723/company/18457365812',
  ])('ignores %s', (url) => {
    expect(detectAccount(url)).toBeNull();
  });
});

describe('Dynamics 365', () => {
  const guid = '7d5e1c3a-0f2b-4c8d-9e6a-1b2c3d4e5f60';
  it.each([
    `https://org.crm.dynamics.com/main.aspx?appid=aa11&pagetype=entityrecord&etn=account&id=${guid}`,
    `https://org.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=%7B${guid.toUpperCase()}%7D`,
    `https://org.crm.dynamics.com/main.aspx?etc=1&id=%7b${guid}%7d&pagetype=entityrecord`,
    `https://org.crm.dynamics.com/main.aspx?etn=account&pagetype=entityrecord&id=${guid}#tab`,
  ])('%s', (url) => {
    expect(detectAccount(url)).toEqual({ crm: 'dynamics', accountId: guid });
  });

  it.each([
    `https://org.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=${guid}`,
    'https://org.crm.dynamics.com/main.aspx?pagetype=entitylist&etn=account',
    `https://org.crm.dynamics.com/main.aspx?etn=account&id=${guid}`,
    'https://org.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=not-a-guid',
    `https://org.example.com/main.aspx?pagetype=entityrecord&etn=account&id=${guid}`,
  ])('ignores %s', (url) => {
    expect(detectAccount(url)).toBeNull();
  });
});

describe('Twenty', () => {
  const uuid = '20202020-3ec3-4c95-81e4-7c1a9f2b8d01';
  it.each([
    `https://app.twenty.com/object/company/${uuid}`,
    `https://crm.acme.io/object/company/${uuid}/`,
    `http://localhost:3000/object/company/${uuid}?tab=timeline`,
  ])('%s', (url) => {
    expect(detectAccount(url)).toEqual({ crm: 'twenty', accountId: uuid });
  });

  it.each([
    `https://app.twenty.com/object/person/${uuid}`,
    'https://app.twenty.com/objects/companies',
    'https://app.twenty.com/object/company/new',
  ])('ignores %s', (url) => {
    expect(detectAccount(url)).toBeNull();
  });
});

describe('admin-defined patterns', () => {
  const patterns = [
    { urlPattern: '^https://crm\\.acme\\.io/accounts/(?<accountId>[A-Z]{2}-\\d+)(?:[/?#]|$)' },
  ];

  it('extracts the named group', () => {
    expect(detectAccount('https://crm.acme.io/accounts/AC-1042?tab=notes', { patterns })).toEqual({
      crm: 'custom',
      accountId: 'AC-1042',
    });
  });

  it('outranks the built-in shapes, so an admin can claim a host', () => {
    const claim = [{ urlPattern: '/lightning/r/Account/(?<accountId>\\w+)/view' }];
    expect(
      detectAccount(`https://acme.lightning.force.com/lightning/r/Account/${ID18}/view`, { patterns: claim }),
    ).toEqual({ crm: 'custom', accountId: ID18 });
  });

  it('skips invalid expressions, patterns without the group and unsafe ids', () => {
    const bad = [
      { urlPattern: '([' },
      { urlPattern: '^https://crm\\.acme\\.io/accounts/(\\d+)' },
      { urlPattern: '^https://crm\\.acme\\.io/x/(?<accountId>[^/]+)' },
    ];
    expect(detectAccount('https://crm.acme.io/accounts/42', { patterns: bad })).toBeNull();
    expect(detectAccount('https://crm.acme.io/x/a%20b', { patterns: bad })).toBeNull();
    expect(detectAccount('https://crm.acme.io/x/%E0%A4%A', { patterns: bad })).toBeNull();
  });

  it('falls through to built-ins when no pattern matches', () => {
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
  });

  it('never lets a lingering header override a record URL of another object', () => {
    const url = 'https://acme.lightning.force.com/lightning/r/Opportunity/006DM0000000001AAA/view';
    expect(detectAccount(url, { record: { object: 'Account', recordId: ID18 } })).toBeNull();
  });

  it('ignores headers of other objects', () => {
    expect(
      detectAccount('https://crm.example/record', { record: { object: 'Contact', recordId: ID18 } }),
    ).toBeNull();
  });
});

it('returns null for strings that are not URLs', () => {
  expect(detectAccount('not a url')).toBeNull();
  expect(detectAccount('')).toBeNull();
});
