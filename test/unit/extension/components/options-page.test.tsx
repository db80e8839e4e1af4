import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { OptionsPage } from '../../../../extension/components/options-page.tsx';
import { describeDetection } from '../../../../extension/components/options-patterns.tsx';
import {
  accountPatternsItem,
  backendUrlItem,
  cacheTtlMinutesItem,
  sectionsItem,
  ssoConfigItem,
  tokenItem,
  userItem,
} from '../../../../extension/lib/settings.ts';
import { shownSections } from '../../../../extension/lib/settings-validation.ts';
import { fakeJwt } from '../fixtures/jwt.ts';

beforeEach(() => {
  // What fakeBrowser leaves unimplemented: the commands, identity and permissions of a real Chrome.
  vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue([
    { name: '_execute_action', shortcut: 'Ctrl+Shift+Y', description: '' },
  ]);
  vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockImplementation(
    (path) => `https://abcdefghijklmnop.chromiumapp.org/${path ?? ''}`,
  );
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
  vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
  vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
  return () => vi.restoreAllMocks();
});

async function renderOptions() {
  render(<OptionsPage />);
  await screen.findByTestId('section-settings');
  await screen.findByTestId('shortcut');
}

const group = (testId: string) => within(screen.getByTestId(testId));

describe('Options', () => {
  it('names the keyboard shortcut', async () => {
    await renderOptions();
    expect(screen.getByTestId('shortcut').textContent).toContain('Ctrl+Shift+Y');
  });

  it('validates the server address and asks for access to a new host', async () => {
    await renderOptions();
    const server = group('server-settings');
    const input = server.getByLabelText('Server address');
    await waitFor(() => expect((input as HTMLInputElement).value).toBe('http://127.0.0.1:8787'));
    fireEvent.change(input, { target: { value: 'http://summaries.acme.io' } });
    fireEvent.click(server.getByRole('button', { name: 'Save' }));
    await server.findByText(/Use https/);
    expect(await backendUrlItem.getValue()).toBe('http://127.0.0.1:8787');

    fireEvent.change(input, { target: { value: 'https://summaries.acme.io/app' } });
    fireEvent.click(server.getByRole('button', { name: 'Save' }));
    await server.findByText('Saved.');
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({
      origins: ['https://summaries.acme.io/*'],
    });
    expect(await backendUrlItem.getValue()).toBe('https://summaries.acme.io');
  });

  it('keeps the old server when the seller declines access', async () => {
    vi.mocked(fakeBrowser.permissions.request).mockResolvedValue(false);
    await renderOptions();
    const server = group('server-settings');
    fireEvent.change(server.getByLabelText('Server address'), { target: { value: 'https://x.acme.io' } });
    fireEvent.click(server.getByRole('button', { name: 'Save' }));
    await server.findByText(/declined/);
    expect(await backendUrlItem.getValue()).toBe('http://127.0.0.1:8787');
  });

  it('reorders sections from the keyboard, keeping focus and announcing the move', async () => {
    await renderOptions();
    const list = group('section-settings');
    const first = screen
      .getByTestId('section-settings')
      .querySelector<HTMLLIElement>('li[data-section="executive"]')!;
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown', altKey: true });
    await waitFor(async () => expect(shownSections(await sectionsItem.getValue())[1]).toBe('executive'));
    await list.findByText('Executive summary moved to position 2 of 6.');
    await waitFor(() => expect(document.activeElement?.getAttribute('data-section')).toBe('executive'));

    fireEvent.click(list.getByRole('button', { name: 'Move Recommended next steps up' }));
    await waitFor(async () =>
      expect(shownSections(await sectionsItem.getValue())[4]).toBe('recommendations'),
    );
    expect(list.getByRole('button', { name: 'Move Organization overview up' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('hides sections, never the last one, and resets', async () => {
    await renderOptions();
    const list = group('section-settings');
    for (const name of [
      'Executive summary',
      'Organization overview',
      'Product consumption',
      'Opportunity pipeline',
      'Investments and support',
    ])
      await act(async () => fireEvent.click(list.getByLabelText(name)));
    await waitFor(async () =>
      expect(shownSections(await sectionsItem.getValue())).toEqual(['recommendations']),
    );
    expect(list.getByLabelText('Recommended next steps')).toHaveProperty('disabled', true);
    fireEvent.click(list.getByRole('button', { name: 'Reset' }));
    await waitFor(async () => expect(shownSections(await sectionsItem.getValue())).toHaveLength(6));
  });

  it('validates the cache time', async () => {
    await renderOptions();
    const cache = group('cache-settings');
    const input = cache.getByLabelText(/Keep briefs/);
    fireEvent.change(input, { target: { value: '2000' } });
    fireEvent.click(cache.getByRole('button', { name: 'Save' }));
    await cache.findByText(/from 0 to 1440/);
    fireEvent.change(input, { target: { value: '30' } });
    fireEvent.click(cache.getByRole('button', { name: 'Save' }));
    await cache.findByText('Saved.');
    expect(await cacheTtlMinutesItem.getValue()).toBe(30);
  });

  it('adds a custom pattern after a live preview, asking for its host, and removes it', async () => {
    await renderOptions();
    const patterns = group('pattern-settings');
    const input = patterns.getByLabelText('New pattern');
    fireEvent.change(input, { target: { value: 'https://crm.acme.io/accounts/' } });
    expect(patterns.getByText(/exactly once/)).toBeTruthy();
    expect(patterns.getByRole('button', { name: 'Add' })).toHaveProperty('disabled', true);

    fireEvent.change(input, { target: { value: 'https://crm.acme.io/accounts/{accountId}' } });
    fireEvent.change(patterns.getByLabelText('Test an address'), {
      target: { value: 'https://crm.acme.io/accounts/AC-7?tab=notes' },
    });
    expect(screen.getByTestId('pattern-test-result').textContent).toBe(
      'Account AC-7, recognised by your pattern.',
    );

    fireEvent.click(patterns.getByRole('button', { name: 'Add' }));
    await patterns.findByText(/Added\. Pages on https:\/\/crm\.acme\.io\/\* are now read/);
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['https://crm.acme.io/*'] });
    expect(await accountPatternsItem.getValue()).toEqual([
      { urlPattern: 'https://crm.acme.io/accounts/{accountId}' },
    ]);

    fireEvent.click(
      await patterns.findByRole('button', { name: 'Remove https://crm.acme.io/accounts/{accountId}' }),
    );
    await patterns.findByText('Removed.');
    expect(await accountPatternsItem.getValue()).toEqual([]);
    expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({ origins: ['https://crm.acme.io/*'] });
  });

  it('signs out, wiping the cache, and offers SSO once configured', async () => {
    await Promise.all([
      tokenItem.setValue(fakeJwt({ email: 'alice@example.com' })),
      userItem.setValue('alice@example.com'),
    ]);
    await renderOptions();
    const account = group('account-settings');
    expect((await account.findByTestId('signed-in-as')).textContent).toContain('alice@example.com');
    expect(account.queryByRole('button', { name: /Sign in with SSO/ })).toBeNull();

    const sso = group('sso-settings');
    expect(sso.getByTestId('redirect-uri').textContent).toBe('https://abcdefghijklmnop.chromiumapp.org/sso');
    fireEvent.change(sso.getByLabelText('Issuer URL'), {
      target: { value: 'https://login.acme.io/realms/sales/' },
    });
    fireEvent.change(sso.getByLabelText('Client id'), { target: { value: 'account-summaries' } });
    fireEvent.click(sso.getByRole('button', { name: 'Save' }));
    await sso.findByText(/Saved/);
    expect(await ssoConfigItem.getValue()).toEqual({
      issuer: 'https://login.acme.io/realms/sales',
      clientId: 'account-summaries',
      scopes: 'openid email profile offline_access',
    });
    await account.findByRole('button', { name: 'Sign in again with SSO' });

    fireEvent.click(account.getByRole('button', { name: 'Sign out' }));
    await account.findByText(/Cached briefs and ratings were deleted/);
    expect(await tokenItem.getValue()).toBeNull();
    expect(account.getByText(/Not signed in/)).toBeTruthy();
  });

  it('saves a pasted developer token and refuses an expired one', async () => {
    await renderOptions();
    const account = group('account-settings');
    const input = account.getByLabelText('Token');
    fireEvent.change(input, { target: { value: fakeJwt({ sub: 'bob@example.com', exp: 1 }) } });
    fireEvent.click(account.getByRole('button', { name: 'Save token' }));
    await account.findByText(/expired/);
    fireEvent.change(input, { target: { value: fakeJwt({ sub: 'bob@example.com', exp: 4_000_000_000 }) } });
    fireEvent.click(account.getByRole('button', { name: 'Save token' }));
    await account.findByText('Token saved.');
    expect(await userItem.getValue()).toBe('bob@example.com');
  });
});

it('describes what detection finds for the “test an address” box', () => {
  expect(describeDetection('', [])).toBe('');
  expect(describeDetection('https://app.hubspot.com/contacts/1/record/0-2/77', [])).toBe(
    'Account 77, recognised by HubSpot.',
  );
  expect(describeDetection('https://mail.example.com/', [])).toMatch(/Not an account page/);
});
