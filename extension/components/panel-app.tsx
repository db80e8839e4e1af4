import { SECTION_TITLES } from '../../shared/sections.ts';
import { dataStateOf, type PanelView, usePanelStore } from '../stores/panel-store.ts';
import { AccountChoices } from './account-choices.tsx';
import { BriefStack } from './brief-stack.tsx';
import { Icon } from './icons.tsx';
import { usePanelActions } from './panel-actions.ts';
import { SkeletonLines } from './section-card.tsx';
import { StateScreen } from './state-screen.tsx';

/** The side panel: one screen per state, inside the `panel-state` test hook. */
export function PanelApp() {
  const view = usePanelStore((s) => s.view);
  const state = dataStateOf(view);
  // Not a live region: LiveStatus announces sections; a state screen's heading is read when
  // focus lands in it, and status screens carry role="status" / "alert" themselves.
  return (
    <main
      className="panel"
      aria-label="Account brief"
      aria-busy={state === 'loading'}
      data-testid="panel-state"
      data-state={state}
    >
      <BriefStack shown={view.state === 'ready'} />
      {view.state !== 'ready' && <Screen view={view} />}
    </main>
  );
}

function Screen({ view }: { view: PanelView }) {
  const actions = usePanelActions();
  const backendUrl = usePanelStore((s) => s.backendUrl);
  const online = usePanelStore((s) => s.online);
  const button = (label: string, onClick: () => void, primary = true) => (
    <button type="button" className={`btn ${primary ? 'btn-primary' : 'btn-ghost'}`} onClick={onClick}>
      {label}
    </button>
  );
  switch (view.state) {
    case 'starting':
      return <LoadingView name={null} />;
    case 'loading':
      return <LoadingView name={view.name} />;
    case 'ready':
      return null;
    case 'signed-out':
      return (
        <StateScreen
          icon="lock"
          title={view.expired ? 'Your sign-in has expired' : 'You’re signed out'}
          actions={button('Open Options', actions.openOptions)}
        >
          Sign in to the demo CRM or add a token in Options to see account briefs.
        </StateScreen>
      );
    case 'no-account':
      return (
        <StateScreen icon="record" title="No account on this page">
          Open an account record in your CRM and its brief appears here. Or select an account name anywhere,
          right-click, and choose <strong>Summarize</strong>.
        </StateScreen>
      );
    case 'resolving':
      return (
        <StateScreen icon="search" title={`Looking up “${view.query}”…`}>
          Finding the accounts you can see with this name.
        </StateScreen>
      );
    case 'choose-account':
      return <AccountChoices query={view.query} accounts={view.accounts} />;
    case 'no-match':
      return (
        <StateScreen
          icon="search"
          title={`No account named “${view.query}”`}
          actions={button('Back', actions.clearRequest, false)}
        >
          None of the accounts you can see matches this name. Check the spelling or select a shorter part of
          it.
        </StateScreen>
      );
    case 'lookup-failed':
      return (
        <StateScreen
          icon="alert"
          tone="danger"
          title={`Couldn’t look up “${view.query}”`}
          actions={button('Back', actions.clearRequest, false)}
        >
          {view.message}
        </StateScreen>
      );
    case 'not-found':
      return (
        <StateScreen icon="lock" title="This account isn’t available to you">
          It may not exist, or you may not have access to it. Ask your CRM admin if you think you should.
        </StateScreen>
      );
    case 'offline':
      return online ? (
        <StateScreen
          icon="offline"
          tone="warning"
          title="Can’t reach the server"
          actions={button('Try again', actions.retry)}
        >
          The Account Summaries server{backendUrl ? ` at ${backendUrl}` : ''} isn’t responding. Check that it
          is running and that you are online.
        </StateScreen>
      ) : (
        <StateScreen icon="offline" tone="warning" title="You’re offline">
          Connect to the internet and the brief loads by itself. Briefs you opened in the last few minutes are
          still here.
        </StateScreen>
      );
    case 'error':
      return (
        <StateScreen
          icon="alert"
          tone="danger"
          title="Couldn’t prepare this brief"
          actions={button('Try again', actions.retry)}
        >
          {view.message}
        </StateScreen>
      );
  }
}

/** The brief's shape in grey while the first reply is on its way. */
function LoadingView({ name }: { name: string | null }) {
  const layout = usePanelStore((s) => s.layout);
  return (
    <div className="brief">
      <header className="brief-header">
        {name ? <h1 className="account-name">{name}</h1> : <span className="skeleton-line skeleton-title" />}
        <p className="freshness">
          <Icon name="spark" width={12} height={12} /> Preparing the brief…
        </p>
      </header>
      {layout.map((id) => (
        <div key={id} className="card card-pending">
          <div className="card-head">
            <h2>{SECTION_TITLES[id]}</h2>
          </div>
          <SkeletonLines />
        </div>
      ))}
    </div>
  );
}
