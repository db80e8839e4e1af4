import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { numberCitations } from '../../../../extension/lib/citations.ts';
import { Markdown, parseBlocks } from '../../../../extension/lib/markdown.tsx';
import type { Citation } from '../../../../shared/api.ts';

const source = (ref: string, title: string, url: string | null = `https://crm.example/${ref}`): Citation => ({
  ref,
  kind: 'document',
  recordId: ref,
  title,
  url,
  snippet: `About ${title}`,
  date: '2026-03-04',
});

function renderMd(markdown: string, citations: Citation[] = [], unsupported: string[] = []) {
  return render(
    <Markdown source={markdown} citations={numberCitations(markdown, citations)} unsupported={unsupported} />,
  );
}

describe('parseBlocks', () => {
  it('splits paragraphs on blank lines and groups bullets into one list', () => {
    expect(parseBlocks('First line\nsame paragraph.\n\n- one\n- two\n  continued\n\nLast.')).toEqual([
      { kind: 'paragraph', text: 'First line same paragraph.' },
      { kind: 'list', items: ['one', 'two continued'] },
      { kind: 'paragraph', text: 'Last.' },
    ]);
  });

  it('ends a list when a plain line follows it', () => {
    expect(parseBlocks('- a\nafter')).toEqual([
      { kind: 'list', items: ['a'] },
      { kind: 'paragraph', text: 'after' },
    ]);
  });
});

describe('Markdown', () => {
  it('renders paragraphs, bullets and bold', () => {
    const { container } = renderMd('Revenue is **up** this year.\n\n- first\n- **second** point');
    expect(container.querySelectorAll('p')).toHaveLength(1);
    expect(container.querySelectorAll('li')).toHaveLength(2);
    expect([...container.querySelectorAll('strong')].map((s) => s.textContent)).toEqual(['up', 'second']);
  });

  it('renders HTML and script tags in the text as text, never as markup', () => {
    const { container } = renderMd(
      '<script>alert(1)</script> and <img src=x onerror="alert(2)"> **<b>bold</b>**\n- <a href="javascript:alert(3)">x</a>',
    );
    expect(container.querySelector('script, img, b, a')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
    expect(container.textContent).toContain('<img src=x onerror="alert(2)">');
    expect(container.querySelector('strong')?.textContent).toBe('<b>bold</b>');
  });

  it('leaves unmatched markers and other markdown literal', () => {
    const { container } = renderMd('# Title with **unclosed bold and [link](http://x) `code`');
    expect(container.textContent).toBe('# Title with **unclosed bold and [link](http://x) `code`');
    expect(container.querySelector('a, h1, code')).toBeNull();
  });

  it('turns citation markers into numbered links in order of first mention', () => {
    renderMd('Second source first [S2], then [S1], then [S2] again.', [
      source('S1', 'One'),
      source('S2', 'Two'),
    ]);
    const links = screen.getAllByTestId('citation');
    expect(links.map((l) => l.textContent)).toEqual(['[1]', '[2]', '[1]']);
    expect(links[0]).toHaveProperty('href', 'https://crm.example/S2');
    expect(links[0]?.getAttribute('target')).toBe('_blank');
    expect(links[0]?.getAttribute('rel')).toContain('noopener');
    expect(links[0]?.getAttribute('aria-label')).toBe('Source 1: Two');
    // The preview's date and snippet describe the link (a tooltip, shown on hover and focus).
    const description = document.getElementById(links[0]!.getAttribute('aria-describedby')!);
    expect(description?.textContent).toBe('Document · Mar 4, 2026. About Two');
    expect(links[0]?.closest('sup')).not.toBeNull();
  });

  it('keeps citations working inside bold text', () => {
    const { container } = renderMd('**Up 18% [S1]** overall', [source('S1', 'Usage')]);
    expect(within(container.querySelector('strong')!).getByTestId('citation').textContent).toBe('[1]');
  });

  it('never links unsafe or missing URLs', () => {
    renderMd('A [S1] and B [S2].', [source('S1', 'Bad', 'javascript:alert(1)'), source('S2', 'None', null)]);
    const markers = screen.getAllByTestId('citation');
    expect(markers.map((m) => m.tagName)).toEqual(['SPAN', 'SPAN']);
    expect(document.querySelector('a')).toBeNull();
  });

  it('marks a marker that names no source', () => {
    const { container } = renderMd('Claim [S9].', [source('S1', 'One')]);
    expect(container.querySelector('.cite-unknown')?.textContent).toBe('[?]');
  });

  it('highlights figures the numbers check could not back, whole figures only', () => {
    const { container } = renderMd(
      'Spend was $1.2M, up 12% (not 112%) and **12%** again [S1].',
      [source('S1', 'x')],
      ['12%', '$1.2M'],
    );
    const marks = [...container.querySelectorAll('mark')];
    expect(marks.map((m) => m.firstChild?.textContent)).toEqual(['$1.2M', '12%', '12%']);
    // The highlight is explained to screen readers, not only shown.
    expect(marks[0]?.querySelector('.sr-only')?.textContent).toMatch(/unverified/);
    expect(container.textContent).toContain('(not 112%)');
  });
});

describe('numberCitations', () => {
  it('numbers cited sources first, then the uncited ones, each once', () => {
    const index = numberCitations('B [S2] A [S1] B [S2] ghost [S7]', [
      source('S1', 'A'),
      source('S2', 'B'),
      source('S3', 'C'),
      source('S3', 'C again'),
    ]);
    expect(index.sources.map((s) => [s.n, s.citation.ref])).toEqual([
      [1, 'S2'],
      [2, 'S1'],
      [3, 'S3'],
    ]);
    expect(index.byRef.has('S7')).toBe(false);
  });
});
