import type { SectionResult, SummaryResponse } from '../../shared/api.ts';
import { useNow } from '../hooks/use-now.ts';
import { summaryToMarkdown } from '../lib/brief-markdown.ts';
import { hostOf, relativeTime, safeHref } from '../lib/format.ts';
import { CopyButton } from './copy-button.tsx';
import { Icon } from './icons.tsx';
import { usePanelActions } from './panel-actions.ts';

/** Account name, industry, website, freshness, and the Copy and Refresh buttons. */
export function BriefHeader(props: {
  summary: SummaryResponse;
  sections: SectionResult[];
  cachedAt: number | null;
  refreshing: boolean;
  revalidating: boolean;
  online: boolean;
}) {
  const { summary, sections, cachedAt, refreshing, revalidating, online } = props;
  const { refresh } = usePanelActions();
  const now = useNow();
  const website = safeHref(summary.account.website);
  // Failed sections are finished (nothing more will come) but not ready to read.
  const finished = sections.filter((s) => s.status === 'done' || s.status === 'failed').length;
  const ready = sections.filter((s) => s.status === 'done').length;
  const total = sections.length;
  const working = refreshing || finished < total;
  const generatedAt = Date.parse(summary.createdAt);
  return (
    <header className="brief-header">
      <div className="brief-title-row">
        <h1 className="account-name" data-testid="account-name">
          {summary.account.name}
        </h1>
        {!working && (
          <CopyButton
            label="Copy the whole brief as Markdown"
            caption="Copy"
            text={() => summaryToMarkdown(summary, sections)}
          />
        )}
        <button
          type="button"
          className="icon-btn"
          onClick={refresh}
          disabled={working || !online}
          aria-label="Refresh brief"
          title={online ? 'Generate a fresh brief' : 'You’re offline'}
        >
          <Icon name="refresh" className={working ? 'spin' : undefined} />
          <span>Refresh</span>
        </button>
      </div>
      <p className="account-meta">
        {summary.account.industry && <span>{summary.account.industry}</span>}
        {website && (
          <a href={website} target="_blank" rel="noopener noreferrer">
            {hostOf(website)}
            <Icon name="external" width={12} height={12} />
          </a>
        )}
      </p>
      <p className="freshness" data-testid="freshness">
        {working ? (
          <>
            Writing the brief · {ready} of {total} sections ready
          </>
        ) : (
          <>
            Generated {Number.isNaN(generatedAt) ? '' : relativeTime(generatedAt, now)}
            {cachedAt !== null && <span className="pill">Cached</span>}
            {revalidating && <span className="pill pill-live">Checking for updates…</span>}
            {!online && <span className="pill pill-warn">Offline</span>}
          </>
        )}
      </p>
      {working && (
        <div
          className="progress"
          role="progressbar"
          aria-label="Sections ready"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={finished}
        >
          <div className="progress-bar" style={{ width: `${total ? (100 * finished) / total : 0}%` }} />
        </div>
      )}
    </header>
  );
}
