import { type FormEvent, useId, useState } from 'react';
import { type AccountUrlPattern, compilePattern } from '../../shared/account-pattern.ts';
import { type CrmKind, detectAccount } from '../../shared/detect-account.ts';
import { isBuiltInHost, releaseUnusedHosts, requestHostAccess } from '../features/custom-hosts.ts';
import { hostPatternOf } from '../lib/host-permission.ts';
import { accountPatternsItem, backendUrlItem, ssoConfigItem } from '../lib/settings.ts';
import type { Note } from './options-form.tsx';
import { useStorageItem } from './options-use-item.ts';

const CRM_NAMES: Record<CrmKind, string> = {
  'salesforce-lightning': 'Salesforce Lightning',
  'salesforce-classic': 'Salesforce Classic',
  hubspot: 'HubSpot',
  dynamics: 'Dynamics 365',
  twenty: 'Twenty',
  custom: 'your pattern',
};

/** What detection says about `url` with these patterns: the live "test this URL" answer. */
export function describeDetection(url: string, patterns: readonly AccountUrlPattern[]): string {
  if (!url.trim()) return '';
  const found = detectAccount(url.trim(), { patterns });
  return found
    ? `Account ${found.accountId}, recognised by ${CRM_NAMES[found.crm]}.`
    : 'Not an account page: the panel would show nothing here.';
}

/** Account page shapes of other CRMs, each granted access to its host when added. */
export function PatternSettings() {
  const id = useId();
  const patterns = useStorageItem(accountPatternsItem);
  const [draft, setDraft] = useState('');
  const [testUrl, setTestUrl] = useState('');
  const [note, setNote] = useState<Note>(null);
  if (patterns === undefined) return null;
  const compiled = draft.trim() ? compilePattern(draft) : null;
  const preview = [...patterns, ...(compiled?.ok ? [{ urlPattern: draft.trim() }] : [])];

  async function add(e: FormEvent) {
    e.preventDefault();
    if (!compiled) return;
    if (!compiled.ok) return setNote({ text: compiled.error, error: true });
    const urlPattern = draft.trim();
    if (patterns?.some((p) => p.urlPattern === urlPattern))
      return setNote({ text: 'That pattern is already there.' });
    // Asked inside the click; the background then runs the content script on that host.
    if (!(await requestHostAccess([compiled.hostPattern])))
      return setNote({
        text: 'Access to that host was declined, so the pattern was not added.',
        error: true,
      });
    await accountPatternsItem.setValue([...(patterns ?? []), { urlPattern }]);
    setDraft('');
    const known = isBuiltInHost(compiled.hostPattern);
    setNote({
      text: known ? 'Added.' : `Added. Pages on ${compiled.hostPattern} are now read for accounts.`,
    });
  }

  async function remove(pattern: AccountUrlPattern) {
    const remaining = (patterns ?? []).filter((p) => p !== pattern);
    await accountPatternsItem.setValue(remaining);
    const keep = await Promise.all([backendUrlItem.getValue(), ssoConfigItem.getValue()]);
    const origins = [keep[0], keep[1]?.issuer].flatMap((u) => (u ? [hostPatternOf(u)] : []));
    await releaseUnusedHosts([pattern], remaining, origins);
    setNote({ text: 'Removed.' });
  }

  return (
    <section className="group" aria-labelledby={`${id}-h`} data-testid="pattern-settings">
      <h2 id={`${id}-h`}>Other CRMs</h2>
      <p className="hint">
        Salesforce, HubSpot, Dynamics 365 and Twenty Cloud are recognised already. For another CRM, or a
        self-hosted one, write the address of an account page with <code>{'{accountId}'}</code> where the id
        goes and <code>*</code> for anything.
      </p>
      {patterns.length > 0 && (
        <ul className="pattern-list" aria-label="Patterns">
          {patterns.map((p) => (
            <li key={p.urlPattern}>
              <code>{p.urlPattern}</code>
              <button
                type="button"
                className="btn btn-ghost"
                aria-label={`Remove ${p.urlPattern}`}
                onClick={() => void remove(p)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} noValidate>
        <label htmlFor={`${id}-new`}>New pattern</label>
        <div className="row">
          <input
            id={`${id}-new`}
            type="text"
            spellCheck={false}
            placeholder="https://crm.example.com/accounts/{accountId}"
            value={draft}
            aria-invalid={compiled?.ok === false || undefined}
            aria-describedby={`${id}-note`}
            onChange={(e) => {
              setDraft(e.target.value);
              setNote(null);
            }}
          />
          <button type="submit" className="btn btn-primary" disabled={!compiled?.ok}>
            Add
          </button>
        </div>
        <p
          id={`${id}-note`}
          className={note?.error || compiled?.ok === false ? 'hint error' : 'hint'}
          role="status"
        >
          {note?.text ?? (compiled?.ok === false ? compiled.error : '')}
        </p>
      </form>
      <label htmlFor={`${id}-test`}>Test an address</label>
      <input
        id={`${id}-test`}
        type="url"
        spellCheck={false}
        placeholder="Paste the address of an account page"
        value={testUrl}
        aria-describedby={`${id}-result`}
        onChange={(e) => setTestUrl(e.target.value)}
      />
      <p id={`${id}-result`} className="hint" aria-live="polite" data-testid="pattern-test-result">
        {describeDetection(testUrl, preview)}
      </p>
    </section>
  );
}
