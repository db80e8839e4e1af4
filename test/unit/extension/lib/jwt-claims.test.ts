import { expect, it } from 'vitest';
import { decodeJwtClaims, isJwt, tokenExpiry, userFromToken } from '../../../../extension/lib/jwt-claims.ts';
import { fakeJwt } from '../fixtures/jwt.ts';

it('reads claims, UTF-8 included, without verifying', () => {
  const token = fakeJwt({ sub: 'u1', name: 'Zoë Ærø', exp: 2_000_000_000 });
  expect(decodeJwtClaims(token)).toMatchObject({ sub: 'u1', name: 'Zoë Ærø' });
  expect(tokenExpiry(token)).toEqual(new Date(2_000_000_000_000));
  expect(isJwt(token)).toBe(true);
});

it('names the user by email, then preferred_username, then sub', () => {
  expect(userFromToken(fakeJwt({ sub: 's', preferred_username: 'p', email: 'e@x.io' }))).toBe('e@x.io');
  expect(userFromToken(fakeJwt({ sub: 's', preferred_username: 'p' }))).toBe('p');
  expect(userFromToken(fakeJwt({ sub: 's' }))).toBe('s');
  expect(userFromToken(fakeJwt({}))).toBeNull();
});

it('rejects what is not a JWT', () => {
  for (const token of ['', 'opaque-token', 'a.b', 'a.!!!.c', `a.${btoa('[1]')}.c`]) {
    expect(decodeJwtClaims(token)).toBeNull();
    expect(isJwt(token)).toBe(false);
  }
  expect(tokenExpiry('nope')).toBeNull();
});
