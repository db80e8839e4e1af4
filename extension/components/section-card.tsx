import { memo, useId, useMemo } from 'react';
import type { SectionResult } from '../../shared/api.ts';
import type { GivenFeedback } from '../features/feedback.ts';
import { sectionToMarkdown } from '../lib/brief-markdown.ts';
import { numberCitations } from '../lib/citations.ts';
import { Markdown } from '../lib/markdown.tsx';
import { CopyButton } from './copy-button.tsx';
import { FeedbackControl } from './feedback-control.tsx';
import { Icon } from './icons.tsx';
import { SourcesList } from './sources-list.tsx';
import { SpendChart } from './spend-chart.tsx';

/**
 * One section: a labelled region with its text, chart, checks, sources, copy and thumbs. Memoised:
 * while a brief streams in, only the section that changed renders again.
 */
export const SectionCard = memo(function SectionCard({
  section,
  feedback,
}: {
  section: SectionResult;
  feedback: GivenFeedback | undefined;
}) {
  const headingId = useId();
  const citations = useMemo(
    () => numberCitations(section.markdown ?? '', section.citations),
    [section.markdown, section.citations],
  );
  const busy = section.status === 'pending' || section.status === 'running';
  const unsupported = section.checks.numbers?.unsupported ?? [];

  return (
    <section
      className={`card card-${section.status}`}
      aria-labelledby={headingId}
      aria-busy={busy}
      data-testid={`section-${section.id}`}
      data-status={section.status}
    >
      <div className="card-head">
        <h2 id={headingId}>{section.title}</h2>
        {busy && <span className="status-chip">{section.status === 'running' ? 'Writing…' : 'Queued'}</span>}
        {section.status === 'done' && (
          <>
            <NumbersBadge section={section} />
            <CopyButton
              label={`Copy “${section.title}” as Markdown`}
              text={() => sectionToMarkdown(section)}
            />
          </>
        )}
      </div>
      {busy && <SkeletonLines />}
      {section.status === 'failed' && (
        <p className="section-failed" role="status">
          <Icon name="alert" />
          This section couldn’t be written{section.error ? `: ${section.error.replace(/\.?$/, '.')}` : '.'}{' '}
          Use Refresh to try again.
        </p>
      )}
      {section.status === 'done' && (
        <>
          <Markdown source={section.markdown ?? ''} citations={citations} unsupported={unsupported} />
          {section.chart && <SpendChart chart={section.chart} />}
          <div className="card-foot">
            <SourcesList sources={citations.sources} sectionTitle={section.title} />
            <FeedbackControl target={section.id} label={section.title} given={feedback} />
          </div>
        </>
      )}
    </section>
  );
});

function NumbersBadge({ section }: { section: SectionResult }) {
  const numbers = section.checks.numbers;
  if (!numbers || numbers.checked === 0) return null;
  const flagged = numbers.unsupported.length;
  return flagged === 0 ? (
    <span className="badge badge-ok" title={`All ${numbers.checked} figures match the source data`}>
      <Icon name="check" width={12} height={12} />
      {numbers.checked} {numbers.checked === 1 ? 'figure' : 'figures'} checked
    </span>
  ) : (
    <span
      className="badge badge-warn"
      title="Highlighted figures were not found in the source data. Check them before you quote them."
    >
      <Icon name="alert" width={12} height={12} />
      {flagged} unverified
      <span className="sr-only">
        {flagged === 1 ? ' figure' : ' figures'}: highlighted in the text, not found in the source data
      </span>
    </span>
  );
}

export function SkeletonLines({ lines = 3 }: { lines?: number }) {
  return (
    <div className="skeleton" aria-hidden="true">
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity.
        <span key={i} className="skeleton-line" style={{ width: `${[92, 100, 64, 80][i % 4]}%` }} />
      ))}
    </div>
  );
}
