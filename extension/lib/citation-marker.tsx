import type { CitationIndex } from './citations.ts';
import { formatDate, safeHref } from './format.ts';

/**
 * A citation marker as a superscript "[n]" link to the source, opening in a new tab; its tooltip
 * and accessible name carry the source title, date and snippet.
 */
export function CitationMarker({ entry }: { entry: ReturnType<CitationIndex['byRef']['get']> }) {
  if (!entry) {
    return (
      <sup className="cite cite-unknown" title="This marker names no source">
        [?]
      </sup>
    );
  }
  const { n, citation } = entry;
  const href = safeHref(citation.url);
  const when = citation.date ? ` · ${formatDate(citation.date)}` : '';
  const title = `${citation.title}${when}\n${citation.snippet}`;
  const label = `Source ${n}: ${citation.title}${when}`;
  return (
    <sup className="cite">
      {href ? (
        <a
          data-testid="citation"
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          title={title}
          aria-label={label}
        >
          [{n}]
        </a>
      ) : (
        <span data-testid="citation" title={title}>
          [{n}]<span className="sr-only">, {label}</span>
        </span>
      )}
    </sup>
  );
}
