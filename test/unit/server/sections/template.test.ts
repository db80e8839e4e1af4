import { describe, expect, it } from 'vitest';
import {
  parseTemplate,
  renderTemplate,
  TemplateError,
  templatePaths,
} from '../../../../server/sections/template.ts';

const render = (source: string, context: object) => renderTemplate(parseTemplate(source), context);

describe('template', () => {
  it('fills slots and keeps or drops conditional blocks', () => {
    const context = { a: { name: 'Acme' }, data: { x: 'X rows', y: undefined, list: [] as string[] } };
    expect(render('Hi {{a.name}}', context)).toBe('Hi Acme');
    expect(render('{{#if data.x}}<x>{{data.x}}</x>{{/if}}', context)).toBe('<x>X rows</x>');
    expect(render('{{#if data.y}}<y>{{data.y}}</y>{{else}}none{{/if}}', context)).toBe('none');
    expect(render('{{#if data.list}}L{{/if}}.', context)).toBe('.');
    expect(render('{{#if data.x}}{{#if data.y}}both{{else}}only x{{/if}}{{/if}}', context)).toBe('only x');
  });

  it('collapses the blank lines left by dropped blocks', () => {
    expect(render('a\n\n{{#if y}}\nY\n{{/if}}\n\nb', { y: '' })).toBe('a\n\nb');
  });

  it('throws on unknown and unfilled slots', () => {
    expect(() => render('{{missing}}', {})).toThrow(/unknown slot \{\{missing\}\}/);
    expect(() => render('{{#if a.b.c}}x{{/if}}', { a: {} })).toThrow(TemplateError);
    expect(() => render('{{a}}', { a: '  ' })).toThrow(/unfilled slot \{\{a\}\}/);
    expect(() => render('{{a}}', { a: null })).toThrow(/unfilled/);
    expect(() => render('{{a}}', { a: { b: 1 } })).toThrow(/unfilled/);
  });

  it('does not read template syntax inside values', () => {
    expect(render('{{a}}', { a: '{{b}} <tag>' })).toBe('{{b}} &lt;tag&gt;');
  });

  it('reports syntax errors with a line number', () => {
    expect(() => parseTemplate('x\n{{/if}}')).toThrow(/unexpected \{\{\/if\}\} at line 2/);
    expect(() => parseTemplate('{{else}}')).toThrow(/unexpected \{\{else\}\}/);
    expect(() => parseTemplate('{{#if a}}{{else}}{{else}}{{/if}}')).toThrow(/unexpected \{\{else\}\}/);
    expect(() => parseTemplate('{{#if a-b}}{{/if}}')).toThrow(/bad condition/);
    expect(() => parseTemplate('tail {{')).toThrow(/unbalanced/);
  });

  it('lists every path used', () => {
    expect(templatePaths(parseTemplate('{{a}}{{#if b}}{{c}}{{else}}{{d}}{{/if}}'))).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });
});
