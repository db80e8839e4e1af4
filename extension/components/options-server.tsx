import { type FormEvent, useEffect, useId, useState } from 'react';
import { ensureHostPermission } from '../lib/host-permission.ts';
import { backendUrlItem } from '../lib/settings.ts';
import { parseBackendUrl } from '../lib/settings-validation.ts';
import { type Note, SettingsForm } from './options-form.tsx';
import { useStorageItem } from './options-use-item.ts';

/** Where the Account Summaries server is; saving asks for access to that host when it is new. */
export function ServerSettings() {
  const id = useId();
  const saved = useStorageItem(backendUrlItem);
  const [value, setValue] = useState('');
  const [note, setNote] = useState<Note>(null);
  useEffect(() => {
    if (saved !== undefined) setValue(saved);
  }, [saved]);

  async function save(e: FormEvent) {
    e.preventDefault();
    const parsed = parseBackendUrl(value);
    if (!parsed.ok) return setNote({ text: parsed.error, error: true });
    // The click is the user gesture Chrome's permission prompt needs.
    if (!(await ensureHostPermission(parsed.value)))
      return setNote({ text: 'Access to that server was declined, so it was not saved.', error: true });
    await backendUrlItem.setValue(parsed.value);
    setValue(parsed.value);
    setNote({ text: 'Saved.' });
  }

  async function check() {
    const parsed = parseBackendUrl(value);
    if (!parsed.ok) return setNote({ text: parsed.error, error: true });
    setNote({ text: 'Checking…' });
    try {
      const response = await fetch(`${parsed.value}/healthz`, { signal: AbortSignal.timeout(5000) });
      setNote(
        response.ok
          ? { text: 'The server answered.' }
          : { text: `The server answered ${response.status}.`, error: true },
      );
    } catch {
      setNote({ text: 'The server could not be reached.', error: true });
    }
  }

  return (
    <SettingsForm
      id={id}
      title="Server"
      testId="server-settings"
      onSubmit={save}
      note={note}
      hint="Signing in to the demo CRM sets this for you. Use https:// for a shared server."
    >
      <label htmlFor={id}>Server address</label>
      <div className="row">
        <input
          id={id}
          type="url"
          inputMode="url"
          spellCheck={false}
          value={value}
          aria-invalid={note?.error || undefined}
          aria-describedby={`${id}-note`}
          onChange={(e) => setValue(e.target.value)}
          required
        />
        <button type="button" className="btn" onClick={check}>
          Test
        </button>
        <button type="submit" className="btn btn-primary">
          Save
        </button>
      </div>
    </SettingsForm>
  );
}
