import { type FormEvent, useEffect, useId, useState } from 'react';
import { ensureHostPermission } from '../lib/host-permission.ts';
import { backendUrlItem, readSession, type Session, watchSession } from '../lib/settings.ts';
import { AccountSettings } from './options-account.tsx';
import { BriefSettings } from './options-briefs.tsx';

/** Options: where the server is, who is signed in, how long briefs are cached. */
export function OptionsPage() {
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    void readSession().then(setSession);
    return watchSession(setSession);
  }, []);
  if (!session) return null;
  return (
    <main className="options">
      <h1>Account Summaries</h1>
      <p className="muted">Settings for the side panel. Changes apply at once.</p>
      <ServerSection backendUrl={session.backendUrl} />
      <AccountSettings session={session} />
      <BriefSettings />
    </main>
  );
}

function ServerSection({ backendUrl }: { backendUrl: string }) {
  const id = useId();
  const [value, setValue] = useState(backendUrl);
  const [note, setNote] = useState('');
  useEffect(() => setValue(backendUrl), [backendUrl]);
  async function save(e: FormEvent) {
    e.preventDefault();
    let url: URL;
    try {
      url = new URL(value.trim());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    } catch {
      return setNote('Enter a full http:// or https:// address.');
    }
    // Hosts other than the built-in ones need the seller's permission; the click is the gesture.
    if (!(await ensureHostPermission(url.origin))) return setNote('Permission for that server was declined.');
    await backendUrlItem.setValue(url.origin);
    setNote('Saved.');
  }
  return (
    <form className="group" onSubmit={save}>
      <h2>Server</h2>
      <label htmlFor={id}>Backend URL</label>
      <div className="row">
        <input id={id} type="url" value={value} onChange={(e) => setValue(e.target.value)} required />
        <button type="submit" className="btn">
          Save
        </button>
      </div>
      <p className="hint" role="status">
        {note || 'Signing in to the demo CRM sets this for you.'}
      </p>
    </form>
  );
}
