/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { CrmUser } from './directory.ts';
import { initials } from './format.ts';
import { CloudMark } from './icons.tsx';
import { listPath } from './paths.ts';

/** The app launcher's 3×3 dots. */
const WAFFLE_DOTS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export type NavTab = 'home' | 'accounts' | 'opportunities' | 'cases' | 'none';

const TABS: { id: NavTab; label: string; href: string }[] = [
  { id: 'home', label: 'Home', href: listPath('Account') },
  { id: 'accounts', label: 'Accounts', href: listPath('Account') },
  { id: 'opportunities', label: 'Opportunities', href: listPath('Opportunity') },
  { id: 'cases', label: 'Cases', href: listPath('Case') },
];

/** Lightning's two-row global header: logo, search and user; then app launcher, app name, tabs. */
export function GlobalHeader(props: { user: CrmUser; tab: NavTab; query?: string }) {
  return (
    <header class="global-header">
      <div class="gh-top">
        <a class="gh-logo" href={listPath('Account')}>
          <CloudMark />
          <span>Demo CRM</span>
        </a>
        <form class="gh-search" method="get" action={listPath('Account')}>
          <label class="sr-only" for="global-search">
            Search accounts
          </label>
          <input
            id="global-search"
            type="search"
            name="q"
            placeholder="Search..."
            value={props.query ?? ''}
          />
        </form>
        <div class="gh-user">
          <span class="avatar" title={props.user.name}>
            {initials(props.user.name)}
          </span>
          <span class="gh-user-name">
            <span>{props.user.name}</span>
            <small>
              <form method="post" action="/logout" style="display:inline">
                <button type="submit" class="link-button">
                  Sign out
                </button>
              </form>
            </small>
          </span>
        </div>
      </div>
      <nav class="gh-nav" aria-label="Sales app">
        <button type="button" class="waffle" title="App Launcher" aria-label="App Launcher">
          {WAFFLE_DOTS.map((dot) => (
            <span key={dot} />
          ))}
        </button>
        <span class="gh-app">Sales</span>
        <ul class="gh-tabs">
          {TABS.map((t) => (
            <li key={t.id}>
              <a href={t.href} aria-current={t.id === props.tab ? 'page' : undefined}>
                {t.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
