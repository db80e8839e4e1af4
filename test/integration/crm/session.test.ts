import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevToken, verifyDevToken } from '../../../server/auth/dev-tokens.ts';
import { type CrmFixture, meta, SECRET, sessionCookie, startCrm } from './crm-fixture.ts';

let crm: CrmFixture;
beforeAll(async () => {
  crm = await startCrm();
});
afterAll(() => crm.close());

const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  crm.app.request(path, { method: 'POST', body: new URLSearchParams(form), headers });

describe('demo CRM sign-in', () => {
  it('sends a signed-out visitor from / to the sign-in page, which lists the demo users', async () => {
    const root = await crm.get('/');
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/login');
    const page = await (await crm.get('/login')).text();
    expect(page).toContain('Sign in as Alice Chen — Account Executive');
    expect(page).toContain('Sign in as Maria Rossi — Regional Sales Manager');
    expect(page).toContain('carol@example.com');
  });

  it('sets an HttpOnly SameSite=Lax session cookie holding a dev token and redirects to next', async () => {
    const [account] = await crm.accountsOf('alice@example.com');
    const next = `/lightning/r/Account/${account}/view`;
    const res = await post('/login', { user: 'alice@example.com', next });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(next);
    const header = res.headers.get('set-cookie') ?? '';
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).toMatch(/Path=\//);
    await expect(verifyDevToken(sessionCookie(res)!, SECRET)).resolves.toBe('alice@example.com');
  });

  it('goes to the account list when there is no next', async () => {
    const res = await post('/login', { user: 'bob@example.com' });
    expect(res.headers.get('location')).toBe('/lightning/o/Account/list');
    expect((await crm.get('/', sessionCookie(res)!)).headers.get('location')).toBe(
      '/lightning/o/Account/list',
    );
  });

  it.each([
    '//evil.example',
    '//evil.example/lightning/o/Account/list',
    'https://evil.example/',
    '/\\evil.example',
    '/\t/evil.example',
    '/.//evil.example',
    'javascript:alert(1)',
  ])('refuses to redirect off-site (next=%j)', async (next) => {
    const res = await post('/login', { user: 'alice@example.com', next });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/lightning/o/Account/list');
    const page = await (await crm.get(`/login?next=${encodeURIComponent(next)}`)).text();
    expect(page).not.toContain('name="next"');
  });

  it('answers an unknown user with a 400 page that says so, and sets no cookie', async () => {
    const res = await post('/login', { user: 'mallory@example.com' });
    expect(res.status).toBe(400);
    expect(sessionCookie(res)).toBeNull();
    expect(await res.text()).toContain('There is no demo user &quot;mallory@example.com&quot;');
  });

  it('refuses a sign-in form posted from another site', async () => {
    const res = await post('/login', { user: 'alice@example.com' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(sessionCookie(res)).toBeNull();
  });
});

describe('demo CRM session', () => {
  it('redirects a request without a session to sign-in, keeping the page as next', async () => {
    const res = await crm.get('/lightning/o/Account/list?q=north');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(
      `/login?next=${encodeURIComponent('/lightning/o/Account/list?q=north')}`,
    );
  });

  it.each([
    ['garbage', async () => 'not-a-jwt'],
    [
      'signed with another secret',
      () => signDevToken('alice@example.com', { secret: 'another-secret-0123456789abc' }),
    ],
    [
      'expired',
      () => signDevToken('alice@example.com', { secret: SECRET, now: new Date(Date.now() - 86_400_000) }),
    ],
    ['for an unknown user', () => signDevToken('mallory@example.com', { secret: SECRET })],
    [
      'unsigned (alg none)',
      async () =>
        `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
          JSON.stringify({ sub: 'alice@example.com', exp: Math.floor(Date.now() / 1000) + 3600 }),
        ).toString('base64url')}.`,
    ],
    [
      'HS256 without issuer/audience',
      () =>
        new SignJWT({})
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('alice@example.com')
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(SECRET)),
    ],
  ])('treats a %s cookie as no session (and clears it)', async (_, token) => {
    const res = await crm.get('/lightning/o/Account/list', await token());
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/login\?next=/);
    expect(sessionCookie(res)).toBe('');
  });

  it('signs out: clears the cookie and tells the extension through the signed-out meta', async () => {
    await crm.login('alice@example.com');
    const res = await post('/logout', {});
    expect(res.status).toBe(200);
    expect(sessionCookie(res)).toBe('');
    expect(res.headers.get('set-cookie')).toMatch(/Max-Age=0/i);
    const html = await res.text();
    expect(meta(html, 'account-summaries:signed-out')).toBe('true');
    expect(meta(html, 'account-summaries:token')).toBeNull();
  });

  it('never lets a shared cache keep a page that carries the token', async () => {
    const session = await crm.login('alice@example.com');
    const res = await crm.get('/lightning/o/Account/list', session);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
