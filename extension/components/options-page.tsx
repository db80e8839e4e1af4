import { AccountSettings } from './options-account.tsx';
import { BriefSettings } from './options-briefs.tsx';
import { NotificationSettings } from './options-notifications.tsx';
import { PatternSettings } from './options-patterns.tsx';
import { SectionSettings } from './options-sections.tsx';
import { ServerSettings } from './options-server.tsx';
import { ShortcutHint } from './options-shortcut.tsx';
import { SsoSettings } from './options-sso.tsx';

/** Options: server, sign-in, what the panel shows, caching, other CRMs. Every change applies at once. */
export function OptionsPage() {
  return (
    <main className="options">
      <header>
        <h1>Account Summaries</h1>
        <p className="muted">
          Settings for the side panel. Changes apply at once. <ShortcutHint />
        </p>
      </header>
      <ServerSettings />
      <AccountSettings />
      <SectionSettings />
      <BriefSettings />
      <NotificationSettings />
      <PatternSettings />
      <SsoSettings />
    </main>
  );
}
