import { describe, expect, it } from 'vitest';
import { compilePattern, matchPatterns } from '../../../shared/account-pattern.ts';

const match = (urlPattern: string, url: string) => matchPatterns(url, [{ urlPattern }]);

describe('compilePattern', () => {
  it.each([
    ['https://crm.acme.io/accounts/{accountId}', 'https://crm.acme.io/*'],
    ['http://localhost:4000/app/company/{accountId}', 'http://localhost/*'],
    ['https://*.acme.io/app#/company/{accountId}', 'https://*.acme.io/*'],
    ['HTTPS://CRM.Acme.io/record?type=account&id={accountId}', 'https://crm.acme.io/*'],
  ])('accepts %s and asks for %s', (pattern, hostPattern) => {
    expect(compilePattern(pattern)).toMatchObject({ ok: true, hostPattern });
  });

  it.each([
    ['crm.acme.io/accounts/{accountId}', /Start with http/],
    ['ftp://crm.acme.io/{accountId}', /Start with http/],
    ['https://crm.acme.io/accounts/', /exactly once/],
    ['https://crm.acme.io/{accountId}/{accountId}', /exactly once/],
    ['https://*.io/{accountId}', /wildcard host/],
    ['https://crm_acme!/{accountId}', /not a host name/],
    ['https://crm.acme.io?id={accountId}', /Add the path/],
  ])('rejects %s', (pattern, error) => {
    const compiled = compilePattern(pattern);
    expect(compiled.ok).toBe(false);
    expect(!compiled.ok && compiled.error).toMatch(error);
  });
});

describe('matchPatterns', () => {
  it('matches the whole address, ignoring what follows ?, # or a trailing slash', () => {
    const p = 'https://crm.acme.io/accounts/{accountId}';
    expect(match(p, 'https://crm.acme.io/accounts/AC-1')).toBe('AC-1');
    expect(match(p, 'https://crm.acme.io/accounts/AC-1/')).toBe('AC-1');
    expect(match(p, 'https://crm.acme.io/accounts/AC-1?tab=notes')).toBe('AC-1');
    expect(match(p, 'https://CRM.acme.io:443/accounts/AC-1#top')).toBe('AC-1');
    expect(match(p, 'https://crm.acme.io/accounts/AC-1/contacts')).toBeNull();
    expect(match(p, 'https://crm.acme.io/accounts')).toBeNull();
    expect(match(p, 'http://crm.acme.io/accounts/AC-1')).toBeNull();
    expect(match(p, 'https://evil.example/?https://crm.acme.io/accounts/AC-1')).toBeNull();
  });

  it('supports * and ids in the query or the fragment', () => {
    expect(match('https://crm.acme.io/accounts/{accountId}*', 'https://crm.acme.io/accounts/7/edit')).toBe(
      '7',
    );
    expect(match('https://crm.acme.io/*/company/{accountId}', 'https://crm.acme.io/eu/west/company/9')).toBe(
      '9',
    );
    expect(
      match(
        'https://crm.acme.io/r?type=account&id={accountId}',
        'https://crm.acme.io/r?type=account&id=5&x=1',
      ),
    ).toBe('5');
    expect(
      match('https://*.acme.io/app#/company/{accountId}', 'https://eu.crm.acme.io/app#/company/12'),
    ).toBe('12');
    expect(match('https://*.acme.io/app#/company/{accountId}', 'https://acme.io/app#/company/12')).toBeNull();
  });

  it('treats regular-expression characters literally', () => {
    expect(match('https://crm.acme.io/a.b/{accountId}', 'https://crm.acme.io/aXb/1')).toBeNull();
    expect(match('https://crm.acme.io/(x)/{accountId}', 'https://crm.acme.io/(x)/1')).toBe('1');
  });

  it('keeps only ids the API accepts', () => {
    const p = 'https://crm.acme.io/x/{accountId}';
    expect(match(p, 'https://crm.acme.io/x/a%20b')).toBeNull();
    expect(match(p, 'https://crm.acme.io/x/%E0%A4%A')).toBeNull();
    expect(match(p, `https://crm.acme.io/x/${'a'.repeat(65)}`)).toBeNull();
    expect(match(p, 'https://crm.acme.io/x/a%2Db')).toBe('a-b');
  });

  it('returns the first match and skips broken patterns', () => {
    const patterns = [
      { urlPattern: 'nope' },
      { urlPattern: 'https://crm.acme.io/a/{accountId}' },
      { urlPattern: 'https://crm.acme.io/*/{accountId}' },
    ];
    expect(matchPatterns('https://crm.acme.io/a/1', patterns)).toBe('1');
    expect(matchPatterns('not a url', patterns)).toBeNull();
  });
});
