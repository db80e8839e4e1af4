import { type CSSProperties, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { CitationIndex } from './citations.ts';
import { formatDate, safeHref } from './format.ts';
import { SOURCE_KIND_LABEL } from './source-kinds.ts';

const TIP_WIDTH = 280;
const TIP_ROOM = 150; // below the marker, else above it
const HOVER_DELAY_MS = 120;

/** Where the preview goes: under the marker, or over it near the bottom; always inside the panel. */
function placeTip(anchor: DOMRect): CSSProperties {
  const width = Math.min(TIP_WIDTH, innerWidth - 16);
  const left = Math.min(Math.max(8, anchor.left + anchor.width / 2 - width / 2), innerWidth - width - 8);
  return anchor.bottom + TIP_ROOM > innerHeight && anchor.top > TIP_ROOM
    ? { left, width, bottom: innerHeight - anchor.top + 6 }
    : { left, width, top: anchor.bottom + 6 };
}

/**
 * A citation marker: a superscript "[n]" link to the source (new tab). Hovering or focusing it
 * shows a preview of the source — title, kind, date and snippet — which the pointer can move
 * onto, and Escape dismisses; screen readers get the same text as the link's description.
 */
export function CitationMarker({ entry }: { entry: ReturnType<CitationIndex['byRef']['get']> }) {
  const id = useId();
  const anchor = useRef<HTMLElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [style, setStyle] = useState<CSSProperties | null>(null);

  const open = (delay = 0) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (anchor.current) setStyle(placeTip(anchor.current.getBoundingClientRect()));
    }, delay);
  };
  const close = (delay = 0) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStyle(null), delay);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (!style) return;
    // A fixed preview would drift from its marker: scrolling closes it.
    const onScroll = () => setStyle(null);
    addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => removeEventListener('scroll', onScroll, { capture: true });
  }, [style]);

  if (!entry) {
    return (
      <sup className="cite cite-unknown" title="This marker names no source">
        [?]
      </sup>
    );
  }
  const { n, citation } = entry;
  const href = safeHref(citation.url);
  const date = citation.date ? formatDate(citation.date) : null;
  const meta = [SOURCE_KIND_LABEL[citation.kind], date].filter(Boolean).join(' · ');
  const common = {
    ref: anchor as never,
    'data-testid': 'citation',
    'aria-label': `Source ${n}: ${citation.title}`,
    'aria-describedby': `${id}-about`,
    onMouseEnter: () => open(HOVER_DELAY_MS),
    onMouseLeave: () => close(HOVER_DELAY_MS),
    onFocus: () => open(),
    onBlur: () => close(),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Escape' && style) {
        e.stopPropagation();
        close();
      }
    },
  };
  return (
    <sup className="cite">
      {href ? (
        <a {...common} href={href} target="_blank" rel="noopener noreferrer">
          [{n}]
        </a>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so keyboard users get the preview too.
        <span {...common} tabIndex={0}>
          [{n}]
        </span>
      )}
      {/* The link's description for screen readers (hidden elements still describe). */}
      <span id={`${id}-about`} hidden>
        {meta}. {citation.snippet}
      </span>
      {/* The preview lives on <body>: section cards contain their layout and paint. */}
      {style &&
        createPortal(
          <span
            role="tooltip"
            className="cite-tip"
            data-testid="citation-preview"
            style={style}
            onMouseEnter={() => open()}
            onMouseLeave={() => close(HOVER_DELAY_MS)}
          >
            <span className="cite-tip-title">{citation.title}</span>
            <span className="cite-tip-meta">{meta}</span>
            <span className="cite-tip-snippet">{citation.snippet}</span>
          </span>,
          document.body,
        )}
    </sup>
  );
}
