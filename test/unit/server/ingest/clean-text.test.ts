import { describe, expect, it } from 'vitest';
import { cleanText, formatOf } from '../../../../server/ingest/clean-text.ts';
import { decodeEntities } from '../../../../server/ingest/entities.ts';
import { splitFrontMatter } from '../../../../server/ingest/front-matter.ts';
import { normalizeText } from '../../../../server/ingest/normalize-text.ts';

describe('HTML', () => {
  const page = `<!DOCTYPE html><html><head><title>Q3 &amp; beyond</title>
    <style>body { color: red }</style><script>var secret = "</p>token";</script></head>
    <body><h1>Ignored&nbsp;title</h1><p>Caf&eacute; &#8217;quoted&#x2019; <b>bold</b>
    <a href="x?a=1&amp;b=2" title="a > b">link</a></p><!-- hidden comment -->
    <ul><li>one</li><li>two</li></ul><SCRIPT type="module">alert(1)</SCRIPT>
    <noscript>enable js</noscript><p>x &lt; y &#x1F680;</p></body></html>`;
  const { title, text } = cleanText(page, 'html');

  it('drops scripts, styles, comments and noscript with their content', () => {
    for (const gone of ['secret', 'token', 'color', 'alert', 'hidden comment', 'enable js', '<', 'href']) {
      expect(text.includes(gone) && gone !== '<').toBe(false);
    }
    expect(text).not.toMatch(/<\/?[a-z]/i);
  });

  it('decodes entities and keeps block structure', () => {
    expect(text).toBe('Ignored title\n\nCafé ’quoted’ bold link\n\n- one\n- two\n\nx < y 🚀');
    expect(title).toBe('Q3 & beyond');
  });

  it('takes the first h1 as title without <title>, and drops an unterminated script', () => {
    const r = cleanText('<h1>Hello <em>there</em></h1><p>body</p><script>never closed', 'html');
    expect(r).toEqual({ title: 'Hello there', text: 'Hello there\n\nbody' });
  });
});

describe('Markdown', () => {
  const md = [
    '# Renewal **playbook**',
    '',
    'Some *emphasis*, snake_case_name, [a link](http://x) and ![chart](c.png); `List<String>` a<b && c>d &amp; <span class="x">inline</span>',
    '',
    '<script>',
    'evil()',
    '</script>',
    '> quoted line',
    '* item',
    '2. numbered',
    '',
    '| a | b |',
    '|---|---|',
    '| 1 | 2 |',
    '',
    '```js',
    'const x = a<b && "<script>" && "&amp;";',
    '```',
    '[ref]: http://example.com',
  ].join('\n');
  const { title, text } = cleanText(md, 'markdown');

  it('removes syntax but keeps words, code and literal angle brackets', () => {
    expect(title).toBe('Renewal playbook');
    expect(text).toContain(
      'Some emphasis, snake_case_name, a link and chart; List<String> a<b && c>d & inline',
    );
    expect(text).toContain('const x = a<b && "<script>" && "&amp;";');
    expect(text).toContain('quoted line\n- item\n- numbered');
    expect(text).not.toMatch(/evil|\[ref\]|\*\*|```|\|/);
  });

  it('splits YAML front matter and rejects a non-mapping', () => {
    const { data, body } = splitFrontMatter('---\ntitle: Hi\npublished: 2024-05-01\n---\n# Body\n');
    expect(data.title).toBe('Hi');
    expect(body).toBe('# Body\n');
    expect(() => splitFrontMatter('---\n- a\n- b\n---\ntext')).toThrow(/mapping/);
    expect(splitFrontMatter('no front matter').data).toEqual({});
  });
});

describe('text normal form', () => {
  it('is NFC with collapsed whitespace, and idempotent', () => {
    const raw = '  Cafe\u0301\u00a0\u00a0 au\t\tlait \r\n\r\n\r\n\r\nnext\u200b line\u0007  ';
    const once = normalizeText(raw);
    expect(once).toBe('Café au lait\n\nnext line');
    expect(normalizeText(once)).toBe(once);
    expect(cleanText(raw, 'text').text).toBe(once);
  });

  it('decodes numeric and known named references only', () => {
    expect(decodeEntities('&#65;&#x42;&eacute;&unknown;&#0;&#xD800;')).toBe('ABé&unknown;\ufffd\ufffd');
  });

  it('knows formats by extension', () => {
    expect([formatOf('a.HTM'), formatOf('b.markdown'), formatOf('c.txt'), formatOf('d.pdf')]).toEqual([
      'html',
      'markdown',
      'text',
      null,
    ]);
  });
});
