// biome-ignore-all lint/suspicious/noArrayIndexKey: text fragments have no identity beyond their position.
import type { ReactNode } from 'react';
import { CitationMarker } from './citation-marker.tsx';
import type { CitationIndex } from './citations.ts';
import { markFigures } from './mark-figures.tsx';

/**
 * Renders the section markdown subset (paragraphs, "- " bullets, **bold**, [S1] markers) into React
 * elements. Everything else stays literal text, which React escapes: generated content can never
 * inject markup, so there is no dangerouslySetInnerHTML anywhere.
 */
export function Markdown(props: {
  source: string;
  citations: CitationIndex;
  unsupported?: readonly string[];
}) {
  const ctx: InlineContext = {
    citations: props.citations,
    unsupported: sortByLength(props.unsupported ?? []),
  };
  return (
    <div className="md">
      {parseBlocks(props.source).map((block, i) =>
        block.kind === 'list' ? (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{renderInline(item, ctx)}</li>
            ))}
          </ul>
        ) : (
          <p key={i}>{renderInline(block.text, ctx)}</p>
        ),
      )}
    </div>
  );
}

export type Block = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

/** Blank lines separate; a "- " line starts a bullet; indented lines continue it. */
export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    if (list) blocks.push({ kind: 'list', items: list });
    paragraph = [];
    list = null;
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    if (line.trim() === '') flush();
    else if (bullet) {
      if (paragraph.length) flush();
      list ??= [];
      list.push(bullet[1]!.trim());
    } else if (list && /^\s+/.test(line)) list[list.length - 1] += ` ${line.trim()}`;
    else {
      if (list) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

interface InlineContext {
  citations: CitationIndex;
  unsupported: string[];
}

function renderInline(text: string, ctx: InlineContext): ReactNode[] {
  // Bold spans first (they may hold citations), then citation markers, then flagged figures.
  return text
    .split(/(\*\*[^*]+?\*\*)/)
    .flatMap((part, i): ReactNode[] =>
      part.length > 4 && part.startsWith('**') && part.endsWith('**')
        ? [<strong key={`b${i}`}>{renderCitations(part.slice(2, -2), ctx, `b${i}`)}</strong>]
        : renderCitations(part, ctx, `t${i}`),
    );
}

function renderCitations(text: string, ctx: InlineContext, key: string): ReactNode[] {
  const parts = text.split(/(\[S\d+\])/);
  return parts.flatMap((part, i): ReactNode[] => {
    const ref = /^\[(S\d+)\]$/.exec(part)?.[1];
    // "quarter [S1]." — dropping the space glues the marker to its word, so it never wraps alone.
    const glued = parts[i + 1] ? part.trimEnd() : part;
    if (!ref) return markFigures(glued, ctx.unsupported, `${key}.${i}`);
    const entry = ctx.citations.byRef.get(ref);
    return [<CitationMarker key={`${key}.${i}`} entry={entry} />];
  });
}

const sortByLength = (figures: readonly string[]) =>
  [...new Set(figures)].filter(Boolean).sort((a, b) => b.length - a.length);
