import { beforeEach, expect, it } from 'vitest';
import { db } from '../../../../extension/db.ts';
import { putBrief, wipeBriefCache } from '../../../../extension/features/brief-cache.ts';
import { signIn, signOut } from '../../../../extension/features/session.ts';
import { ssoSessionItem, tokenItem, userItem } from '../../../../extension/lib/settings.ts';
import { fakeJwt } from '../fixtures/jwt.ts';
import { summaryFixture } from '../fixtures/summary.ts';

beforeEach(() => wipeBriefCache());

it('signs out: token, user, SSO session and every cached brief are gone', async () => {
  await signIn({
    token: fakeJwt({ email: 'alice@example.com' }),
    sso: { tokenEndpoint: 'https://idp/token', clientId: 'c', refreshToken: 'r', expiresAt: null },
  });
  expect(await userItem.getValue()).toBe('alice@example.com');
  await putBrief('alice@example.com', summaryFixture);
  expect(await db.briefs.count()).toBe(1);

  await signOut();
  expect(await tokenItem.getValue()).toBeNull();
  expect(await userItem.getValue()).toBeNull();
  expect(await ssoSessionItem.getValue()).toBeNull();
  expect(await db.briefs.count()).toBe(0);
});

it('starts a different seller with an empty cache, and keeps it for the same seller', async () => {
  await signIn({ token: fakeJwt({ email: 'alice@example.com' }) });
  await putBrief('alice@example.com', summaryFixture);
  await signIn({ token: fakeJwt({ email: 'alice@example.com', n: 2 }) });
  expect(await db.briefs.count()).toBe(1);
  await signIn({ token: fakeJwt({ email: 'bob@example.com' }) });
  expect(await db.briefs.count()).toBe(0);
  expect(await userItem.getValue()).toBe('bob@example.com');
});
