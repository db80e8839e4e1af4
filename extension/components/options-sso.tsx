import { type FormEvent, useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { SSO_REDIRECT_PATH } from '../features/sso-sign-in.ts';
import { ensureHostPermission } from '../lib/host-permission.ts';
import { DEFAULT_SSO_SCOPES, type SsoConfig, ssoConfigItem } from '../lib/settings.ts';
import { parseSsoConfig } from '../lib/settings-validation.ts';
import { type Note, NoteLine } from './options-form.tsx';
import { useStorageItem } from './options-use-item.ts';

const EMPTY: SsoConfig = { issuer: '', clientId: '', scopes: DEFAULT_SSO_SCOPES };

/** The OpenID Connect provider for production sign-in (an admin sets this once). */
export function SsoSettings() {
  const id = useId();
  const saved = useStorageItem(ssoConfigItem);
  const [form, setForm] = useState<SsoConfig>(EMPTY);
  const [note, setNote] = useState<Note>(null);
  useEffect(() => {
    if (saved !== undefined) setForm(saved ?? EMPTY);
  }, [saved]);
  const redirectUri = browser.identity?.getRedirectURL?.(SSO_REDIRECT_PATH) ?? '';
  const field = (key: keyof SsoConfig) => ({
    id: `${id}-${key}`,
    value: form[key],
    spellCheck: false,
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });

  async function save(e: FormEvent) {
    e.preventDefault();
    const parsed = parseSsoConfig(form);
    if (!parsed.ok) return setNote({ text: parsed.error, error: true });
    if (!(await ensureHostPermission(new URL(parsed.value.issuer).origin)))
      return setNote({
        text: 'Access to the identity provider was declined, so it was not saved.',
        error: true,
      });
    await ssoConfigItem.setValue(parsed.value);
    setNote({ text: 'Saved. “Sign in with SSO” is now offered under Account.' });
  }

  async function clear() {
    await ssoConfigItem.setValue(null);
    setNote({ text: 'Single sign-on removed.' });
  }

  return (
    <form className="group" onSubmit={save} noValidate aria-labelledby={`${id}-h`} data-testid="sso-settings">
      <h2 id={`${id}-h`}>Single sign-on</h2>
      <p className="hint">
        For production: your OpenID Connect provider (Okta, Entra ID, Auth0, Keycloak…) with a public client
        using the authorization code flow and PKCE. Register this redirect URL with it:{' '}
        <code data-testid="redirect-uri">{redirectUri}</code>
      </p>
      <label htmlFor={`${id}-issuer`}>Issuer URL</label>
      <input type="url" placeholder="https://login.example.com/realms/sales" {...field('issuer')} />
      <label htmlFor={`${id}-clientId`}>Client id</label>
      <input type="text" {...field('clientId')} />
      <label htmlFor={`${id}-scopes`}>Scopes</label>
      <input type="text" {...field('scopes')} />
      <div className="row end">
        {saved && (
          <button type="button" className="btn btn-ghost" onClick={clear}>
            Remove
          </button>
        )}
        <button type="submit" className="btn btn-primary">
          Save
        </button>
      </div>
      <NoteLine note={note} />
    </form>
  );
}
