import { memo, useLayoutEffect, useMemo } from 'react';
import type { SectionResult, SummaryResponse } from '../../shared/api.ts';
import type { FeedbackTarget, GivenFeedback } from '../features/feedback.ts';
import { useNow } from '../hooks/use-now.ts';
import { relativeTime } from '../lib/format.ts';
import { BRIEF_PAINTED_MARK, BRIEF_RENDERED_MARK } from '../lib/perf-marks.ts';
import { usePanelStore } from '../stores/panel-store.ts';
import { BriefHeader } from './brief-header.tsx';
import { FeedbackControl } from './feedback-control.tsx';
import { Icon } from './icons.tsx';
import { LiveStatus } from './live-status.tsx';
import { usePanelActions } from './panel-actions.ts';
import { SectionCard } from './section-card.tsx';

/**
 * A summary being written or finished: header, the shown sections in order, whole-brief feedback.
 * Hidden (not `live`) briefs read nothing from the store, so they stay still while another is used.
 */
export const BriefView = memo(function BriefView(props: {
  summary: SummaryResponse;
  feedback: Partial<Record<FeedbackTarget, GivenFeedback>>;
  live: boolean;
}) {
  const { summary, feedback, live } = props;
  const cachedAt = usePanelStore((s) => (live ? s.cachedAt : null));
  const refreshing = usePanelStore((s) => live && s.refreshing);
  const revalidating = usePanelStore((s) => live && s.revalidating);
  const notice = usePanelStore((s) => (live ? s.notice : null));
  const online = usePanelStore((s) => !live || s.online);
  const fromSelection = usePanelStore((s) => live && s.fromSelection);
  const layout = usePanelStore((s) => s.layout);
  const { clearRequest } = usePanelActions();
  const sections = useMemo(() => {
    const byId = new Map(summary.sections.map((s) => [s.id, s]));
    return layout.map((id) => byId.get(id)).filter((s): s is SectionResult => s !== undefined);
  }, [summary, layout]);

  useLayoutEffect(() => {
    if (!live) return;
    const { accountId, requestId, status } = summary;
    const detail = { accountId, requestId, status };
    performance.mark(BRIEF_RENDERED_MARK, { detail });
    // Not cancelled by a re-render: the first frame after this commit is when the brief shows.
    requestAnimationFrame(() => {
      setTimeout(() => performance.mark(BRIEF_PAINTED_MARK, { detail }), 0);
    });
  }, [summary, live]);

  const finished = summary.status === 'done' || summary.status === 'partial';
  const unverified = sections.some((s) => (s.checks.numbers?.unsupported.length ?? 0) > 0);

  return (
    <div className="brief">
      {fromSelection && (
        <div className="selection-bar">
          <span>From your selection</span>
          <button type="button" className="link-btn" onClick={clearRequest}>
            <Icon name="back" width={12} height={12} />
            Back to this page
          </button>
        </div>
      )}
      <BriefHeader
        summary={summary}
        sections={sections}
        cachedAt={cachedAt}
        refreshing={refreshing}
        revalidating={revalidating}
        online={online}
      />
      <Notice notice={notice} online={online} cachedAt={cachedAt} />
      {live && <LiveStatus requestId={summary.requestId} sections={sections} />}
      {sections.map((section) => (
        <SectionCard key={section.id} section={section} feedback={feedback[section.id]} />
      ))}
      {finished && (
        <footer className="brief-foot">
          <FeedbackControl
            target="summary"
            label="the whole brief"
            prompt="Was this brief useful?"
            given={feedback.summary}
          />
          <p className="fine-print">
            Written from your CRM data and the cited sources; every figure is checked against them.
            {unverified && ' Highlighted figures could not be verified — check them before you quote them.'}
          </p>
        </footer>
      )}
    </div>
  );
});

/** Offline, or a newer brief could not be had: say what the seller is looking at. */
function Notice(props: { notice: string | null; online: boolean; cachedAt: number | null }) {
  const now = useNow();
  const text = !props.online
    ? `You’re offline. ${props.cachedAt ? `This brief was saved ${relativeTime(props.cachedAt, now)}; it` : 'The brief'} updates when you’re back online.`
    : props.notice;
  if (!text) return null;
  return (
    <p className="notice" role="status" data-testid="notice">
      <Icon name={props.online ? 'alert' : 'offline'} width={14} height={14} />
      <span>{text}</span>
    </p>
  );
}
