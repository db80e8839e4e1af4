import { type FormEvent, useId, useState } from 'react';
import { clearBriefs } from '../features/brief-cache.ts';
import { tokenExpiry, userFromToken } from '../lib/jwt-claims.ts';
import { type Session, tokenItem, userItem } from '../lib/settings.ts';

/** Who is signed in; paste a token or sign out (which also wipes cached briefs). */
export function AccountSettings({ session }: { session: Session }) {
  const id = useId();
  const [token, setToken] = useState('');
  const [note, setNote] = useState('');
  async function save(e: FormEvent) {
    e.preventDefault();
    const value = token.trim();
    const expiry = tokenExpiry(value);
    if (value.split('.').length !== 3)
      return setNote('That does not look like a token (three dot-separated parts).');
    if (expiry && expiry.getTime() < Date.now()) return setNote('That token has expired. Mint a new one.');
    await Promise.all([tokenItem.setValue(value), userItem.setValue(userFromToken(value))]);
    setToken('');
    setNote('Token saved.');
  }
  async function signOut() {
    await Promise.all([tokenItem.setValue(null), userItem.setValue(null), clearBriefs()]);
    setNote('Signed out. Cached briefs were deleted.');
  }
  return (
    <section className="group" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Account</h2>
      {session.token ? (
        <div className="row signed-in">
          <span>
            Signed in as <strong>{session.user ?? 'unknown user'}</strong>
          </span>
          <button type="button" className="btn" onClick={signOut}>
            Sign out
          </button>
        </div>
      ) : (
        <p className="muted">Not signed in. Sign in to the demo CRM, or paste a token below.</p>
      )}
      <form onSubmit={save}>
        <label htmlFor={id}>Paste a token</label>
        <textarea
          id={id}
          rows={3}
          spellCheck={false}
          placeholder="eyJhbGciOi…"
          value={token}
          onChange={(e) => setToken(e.target.value)}
        />
        <div className="row end">
          <button type="submit" className="btn btn-primary" disabled={!token.trim()}>
            Save token
          </button>
        </div>
      </form>
      <p className="hint" role="status">
        {note || 'Run “npm run token -- alice@example.com” to mint a demo token.'}
      </p>
    </section>
  );
}
