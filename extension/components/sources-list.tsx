import type { SourceKind } from '../../shared/api.ts';
import type { NumberedCitation } from '../lib/citations.ts';
import { formatDate, safeHref } from '../lib/format.ts';

const KIND_LABEL: Record<SourceKind, string> = {
  account: 'Account',
  contact: 'Contact',
  opportunity: 'Opportunity',
  activity: 'Activity',
  usage: 'Usage',
  support_case: 'Support case',
  investment: 'Investment',
  feature_request: 'Feature request',
  insight: 'Insight',
  document: 'Document',
};

/** The numbered sources under a section, matching the [n] markers in its text. */
export function SourcesList({
  sources,
  sectionTitle,
}: {
  sources: NumberedCitation[];
  sectionTitle: string;
}) {
  if (sources.length === 0) return null;
  return (
    <details className="sources">
      <summary>
        Sources <span className="count">{sources.length}</span>
      </summary>
      <ol aria-label={`Sources for ${sectionTitle}`}>
        {sources.map(({ n, citation }) => {
          const href = safeHref(citation.url);
          return (
            <li key={citation.ref} value={n}>
              <span className="source-n">{n}</span>
              <div className="source-body">
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer" className="source-title">
                    {citation.title}
                  </a>
                ) : (
                  <span className="source-title">{citation.title}</span>
                )}
                <span className="source-meta">
                  {KIND_LABEL[citation.kind]}
                  {citation.date && ` · ${formatDate(citation.date)}`}
                </span>
                {citation.snippet && <span className="source-snippet">{citation.snippet}</span>}
              </div>
            </li>
          );
        })}
      </ol>
    </details>
  );
}
