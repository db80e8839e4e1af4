import type { NumberedCitation } from '../lib/citations.ts';
import { formatDate, safeHref } from '../lib/format.ts';
import { SOURCE_KIND_LABEL } from '../lib/source-kinds.ts';

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
                  {SOURCE_KIND_LABEL[citation.kind]}
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
