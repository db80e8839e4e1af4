import { type FormEvent, useEffect, useId, useState } from 'react';
import { cacheTtlMinutesItem } from '../lib/settings.ts';
import { MAX_TTL_MINUTES, parseTtlMinutes } from '../lib/settings-validation.ts';
import { type Note, SettingsForm } from './options-form.tsx';
import { useStorageItem } from './options-use-item.ts';

/** How long finished briefs are kept on this computer. */
export function BriefSettings() {
  const id = useId();
  const saved = useStorageItem(cacheTtlMinutesItem);
  const [value, setValue] = useState('');
  const [note, setNote] = useState<Note>(null);
  useEffect(() => {
    if (saved !== undefined) setValue(String(saved));
  }, [saved]);

  async function save(e: FormEvent) {
    e.preventDefault();
    const parsed = parseTtlMinutes(value);
    if (!parsed.ok) return setNote({ text: parsed.error, error: true });
    await cacheTtlMinutesItem.setValue(parsed.value);
    setNote({ text: parsed.value === 0 ? 'Saved. Briefs are no longer cached.' : 'Saved.' });
  }

  return (
    <SettingsForm
      id={id}
      title="Cache"
      testId="cache-settings"
      onSubmit={save}
      note={note}
      hint="0 turns the cache off. Briefs are always deleted when you sign out."
    >
      <label htmlFor={id}>Keep briefs on this computer for (minutes)</label>
      <div className="row">
        <input
          id={id}
          type="number"
          min={0}
          max={MAX_TTL_MINUTES}
          step={1}
          value={value}
          aria-invalid={note?.error || undefined}
          aria-describedby={`${id}-note`}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" className="btn btn-primary">
          Save
        </button>
      </div>
    </SettingsForm>
  );
}
