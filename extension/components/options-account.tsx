import { type FormEvent, useId, useState } from 'react';
import { signIn, signOut } from '../features/session.ts';
import { browserSsoDeps, signInWithSso } from '../features/sso-sign-in.ts';
import { ensureHostPermission } from '../lib/host-permission.ts';
import { tokenExpiry, userFromToken } from '../lib/jwt-claims.ts';
import { ssoConfigItem, ssoSessionItem, tokenItem, userItem } from '../lib/settings.ts';
import { type Note, NoteLine } from './options-form.tsx';
import { useStorageItem } from './options-use-item.ts';

/** Who is signed in; SSO sign-in, a developer token for the demo, and sign-out. */
export function AccountSettings() {
  const id = useId();
  const token = useStorageItem(tokenItem);
  const user = useStorageItem(userItem);
  const sso = useStorageItem(ssoConfigItem);
  const ssoSession = useStorageItem(ssoSessionItem);
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);
  if (token === undefined) return null;

  async function startSso() {
    if (!sso) return;
    // Asked first, while the click still counts as a user gesture.
    if (!(await ensureHostPermission(new URL(sso.issuer).origin)))
      return setNote({ text: 'Access to the identity provider was declined.', error: true });
    setBusy(true);
    setNote({ text: 'Finish signing in in the window that opened…' });
    try {
      const result = await signInWithSso(sso, browserSsoDeps());
      await signIn({ token: result.token, user: result.user, sso: result.session });
      setNote({ text: 'Signed in.' });
    } catch (error) {
      setNote({ text: error instanceof Error ? error.message : 'Sign-in failed.', error: true });
    } finally {
      setBusy(false);
    }
  }

  async function leave() {
    await signOut();
    setNote({ text: 'Signed out. Cached briefs and ratings were deleted from this computer.' });
  }

  return (
    <section className="group" aria-labelledby={`${id}-h`} data-testid="account-settings">
      <h2 id={`${id}-h`}>Account</h2>
      {token ? (
        <div className="row signed-in">
          <span data-testid="signed-in-as">
            Signed in as <strong>{user ?? 'an unknown user'}</strong>
            {ssoSession ? ' with single sign-on' : ''}
          </span>
          <button type="button" className="btn" onClick={leave}>
            Sign out
          </button>
        </div>
      ) : (
        <p className="muted">
          Not signed in. {sso ? 'Sign in with your company account' : 'Sign in to the demo CRM'}, or use a
          developer token.
        </p>
      )}
      {sso && (
        <div className="row">
          <button type="button" className="btn btn-primary" onClick={startSso} disabled={busy}>
            {token ? 'Sign in again with SSO' : 'Sign in with SSO'}
          </button>
          <span className="hint">{new URL(sso.issuer).host}</span>
        </div>
      )}
      <DevToken onNote={setNote} />
      <NoteLine note={note} />
    </section>
  );
}

function DevToken({ onNote }: { onNote: (note: Note) => void }) {
  const id = useId();
  const [value, setValue] = useState('');
  async function save(e: FormEvent) {
    e.preventDefault();
    const token = value.trim();
    if (!userFromToken(token) && token.split('.').length !== 3)
      return onNote({ text: 'That does not look like a token (three dot-separated parts).', error: true });
    const expiry = tokenExpiry(token);
    if (expiry && expiry.getTime() < Date.now())
      return onNote({ text: 'That token has expired. Mint a new one.', error: true });
    await signIn({ token });
    setValue('');
    onNote({ text: 'Token saved.' });
  }
  return (
    <details>
      <summary>Use a developer token</summary>
      <form onSubmit={save}>
        <label htmlFor={id}>Token</label>
        <textarea
          id={id}
          rows={3}
          spellCheck={false}
          placeholder="eyJhbGciOi…"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <div className="row end">
          <span className="hint grow">
            Mint one for the demo: <code>npm run --silent token -- alice@example.com</code>
          </span>
          <button type="submit" className="btn" disabled={!value.trim()}>
            Save token
          </button>
        </div>
      </form>
    </details>
  );
}
