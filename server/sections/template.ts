/**
 * A deliberately small template language for prompt files, so a prompt never depends on a
 * template package's escaping or helper semantics:
 *   {{path.to.value}}                 a slot; rendering fails when it is missing or empty
 *   {{#if path}} … {{else}} … {{/if}} a block kept only when path holds data (nests)
 * Values are inserted with `<` and `>` escaped, so retrieved text cannot open or close a prompt tag.
 */

export type TemplateNode =
  | { type: 'text'; text: string }
  | { type: 'slot'; path: string }
  | { type: 'if'; path: string; body: TemplateNode[]; otherwise: TemplateNode[] };

/** Raised for syntax errors, unknown slots and unfilled slots; the message names the slot. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

const TAG = /\{\{\s*([^{}]*?)\s*\}\}/g;
const PATH = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;

/** Parses a template into nodes, or throws TemplateError naming the problem and its line. */
export function parseTemplate(source: string): TemplateNode[] {
  const root: TemplateNode[] = [];
  const stack: { node: Extract<TemplateNode, { type: 'if' }>; inElse: boolean }[] = [];
  const target = () => {
    const top = stack[stack.length - 1];
    return top ? (top.inElse ? top.node.otherwise : top.node.body) : root;
  };
  const lineOf = (index: number) => source.slice(0, index).split('\n').length;
  let last = 0;
  for (const match of source.matchAll(TAG)) {
    const tag = match[1]!;
    const at = match.index;
    if (at > last) target().push({ type: 'text', text: source.slice(last, at) });
    last = at + match[0].length;
    const where = `line ${lineOf(at)}`;
    if (tag.startsWith('#if ')) {
      const path = tag.slice(4).trim();
      if (!PATH.test(path)) throw new TemplateError(`bad condition "{{${tag}}}" at ${where}`);
      const node = { type: 'if' as const, path, body: [], otherwise: [] };
      target().push(node);
      stack.push({ node, inElse: false });
    } else if (tag === 'else') {
      const top = stack[stack.length - 1];
      if (!top || top.inElse) throw new TemplateError(`unexpected {{else}} at ${where}`);
      top.inElse = true;
    } else if (tag === '/if') {
      if (!stack.pop()) throw new TemplateError(`unexpected {{/if}} at ${where}`);
    } else if (PATH.test(tag)) {
      target().push({ type: 'slot', path: tag });
    } else {
      throw new TemplateError(`bad tag "{{${tag}}}" at ${where}`);
    }
  }
  if (stack.length) throw new TemplateError(`{{#if ${stack[stack.length - 1]!.node.path}}} is never closed`);
  const rest = source.slice(last);
  if (rest.includes('{{') || rest.includes('}}')) throw new TemplateError('unbalanced braces in template');
  if (rest) root.push({ type: 'text', text: rest });
  return root;
}

/** Every path a template reads, in slots and conditions. */
export function templatePaths(nodes: readonly TemplateNode[]): string[] {
  return nodes.flatMap((n) =>
    n.type === 'text'
      ? []
      : n.type === 'slot'
        ? [n.path]
        : [n.path, ...templatePaths(n.body), ...templatePaths(n.otherwise)],
  );
}

/** Renders parsed nodes against a context; blank lines left by dropped blocks are collapsed. */
export function renderTemplate(nodes: readonly TemplateNode[], context: object): string {
  return renderNodes(nodes, context)
    .replace(/\n[ \t]*\n([ \t]*\n)+/g, '\n\n')
    .trim();
}

function renderNodes(nodes: readonly TemplateNode[], context: object): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.text;
    else if (node.type === 'if')
      out += renderNodes(hasData(lookup(context, node.path)) ? node.body : node.otherwise, context);
    else out += slotText(node.path, lookup(context, node.path));
  }
  return out;
}

function lookup(context: object, path: string): unknown {
  let value: unknown = context;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !(key in value)) {
      throw new TemplateError(`unknown slot {{${path}}}`);
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function hasData(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null && value !== false && value !== '';
}

function slotText(path: string, value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || value.trim() === '') throw new TemplateError(`unfilled slot {{${path}}}`);
  return value.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
