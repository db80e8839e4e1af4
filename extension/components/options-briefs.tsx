import { type FormEvent, useEffect, useId, useState } from 'react';
import { accountPatternsItem, cacheTtlMinutesItem } from '../lib/settings.ts';

/** How long briefs stay cached, and admin-defined URL patterns for other CRMs. */
export function BriefSettings() {
  const ttlId = useId();
  const patternsId = useId();
  const [ttl, setTtl] = useState<number | null>(null);
  const [patterns, setPatterns] = useState('');
  const [note, setNote] = useState('');
  useEffect(() => {
    void cacheTtlMinutesItem.getValue().then(setTtl);
    void accountPatternsItem.getValue().then((p) => setPatterns(p.map((x) => x.urlPattern).join('\n')));
  }, []);
  async function save(e: FormEvent) {
    e.preventDefault();
    const lines = patterns
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const bad = lines.find((l) => !isValidPattern(l));
    if (bad) return setNote(`Not a valid pattern with an accountId group: ${bad}`);
    await cacheTtlMinutesItem.setValue(Math.min(1440, Math.max(0, ttl ?? 10)));
    await accountPatternsItem.setValue(lines.map((urlPattern) => ({ urlPattern })));
    setNote('Saved.');
  }
  if (ttl === null) return null;
  return (
    <form className="group" onSubmit={save}>
      <h2>Briefs</h2>
      <label htmlFor={ttlId}>Keep briefs on this computer for (minutes)</label>
      <input
        id={ttlId}
        type="number"
        min={0}
        max={1440}
        value={ttl}
        onChange={(e) => setTtl(e.target.valueAsNumber)}
      />
      <p className="hint">0 turns the cache off. Briefs are deleted when you sign out.</p>
      <label htmlFor={patternsId}>Custom CRM URL patterns (one regular expression a line)</label>
      <textarea
        id={patternsId}
        rows={3}
        spellCheck={false}
        placeholder="^https://crm\.example\.com/accounts/(?<accountId>[\w-]+)"
        value={patterns}
        onChange={(e) => setPatterns(e.target.value)}
      />
      <div className="row end">
        <button type="submit" className="btn btn-primary">
          Save
        </button>
      </div>
      <p className="hint" role="status">
        {note}
      </p>
    </form>
  );
}

function isValidPattern(pattern: string): boolean {
  try {
    return new RegExp(pattern).source.includes('?<accountId>');
  } catch {
    return false;
  }
}
