import type { AccountMatch } from '../../shared/api.ts';
import { hostOf } from '../lib/format.ts';
import { usePanelActions } from './panel-actions.ts';

/** Several accounts match the selected name: the seller picks one. */
export function AccountChoices({ query, accounts }: { query: string; accounts: AccountMatch[] }) {
  const { chooseAccount, clearRequest } = usePanelActions();
  return (
    <div className="choices">
      <h1 className="choices-title">Which “{query}”?</h1>
      <p className="muted">Several accounts you can see match this name.</p>
      <ul className="choice-list">
        {accounts.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className="choice"
              onClick={() => chooseAccount({ id: a.id, name: a.name })}
            >
              <span className="choice-name">{a.name}</span>
              <span className="choice-meta">
                {[a.industry, [a.city, a.country].filter(Boolean).join(', '), a.website && hostOf(a.website)]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-ghost" onClick={clearRequest}>
        Cancel
      </button>
    </div>
  );
}
