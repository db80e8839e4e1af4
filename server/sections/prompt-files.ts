import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { SECTION_IDS, SECTION_TITLES, type SectionId } from '../../shared/sections.ts';
import { PROMPT_SLOTS, type PromptContext } from './prompt-context.ts';
import { parseTemplate, renderTemplate, type TemplateNode, templatePaths } from './template.ts';
import { DATA_KINDS } from './types.ts';

/** The repository's prompts/ folder, one `<section id>.md` a section. */
export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

export const promptFrontMatterSchema = z
  .strictObject({
    id: z.enum(SECTION_IDS),
    title: z.string().min(1),
    tier: z.enum(['fast', 'deep']),
    data: z.array(z.enum(DATA_KINDS)).min(1),
    maxOutputTokens: z.number().int().min(64).max(8192),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version must look like 1.0.0'),
  })
  .refine((f) => f.title === SECTION_TITLES[f.id], {
    message: 'title must equal SECTION_TITLES[id]',
    path: ['title'],
  });
export type PromptFrontMatter = z.infer<typeof promptFrontMatterSchema>;

/** A validated prompt file: its settings plus the parsed template body. */
export interface PromptFile extends PromptFrontMatter {
  body: string;
  nodes: TemplateNode[];
}

const REQUIRED_BLOCKS = ['<instructions>', '</instructions>', '<data>', '</data>', '<sources>', '</sources>'];

/** Parses and validates one prompt file's text; `name` is used in error messages. */
export function parsePromptFile(source: string, name: string): PromptFile {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(source);
  if (!match) throw new Error(`${name}: missing YAML front matter between --- lines`);
  const parsed = promptFrontMatterSchema.safeParse(parseYaml(match[1]!));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'front matter'}: ${i.message}`);
    throw new Error(`${name}: invalid front matter (${issues.join('; ')})`);
  }
  const body = match[2]!.trim();
  const missing = REQUIRED_BLOCKS.filter((b) => !body.includes(b));
  if (missing.length) throw new Error(`${name}: body lacks ${missing.join(', ')}`);
  let nodes: TemplateNode[];
  try {
    nodes = parseTemplate(body);
  } catch (error) {
    throw new Error(`${name}: ${(error as Error).message}`);
  }
  const unknown = templatePaths(nodes).filter((p) => !PROMPT_SLOTS.has(p));
  if (unknown.length) throw new Error(`${name}: unknown slot(s) ${[...new Set(unknown)].join(', ')}`);
  return { ...parsed.data, body, nodes };
}

const cache = new Map<string, Promise<Record<SectionId, PromptFile>>>();

/**
 * Loads and validates all six prompt files once per folder (later calls share the result). A bad
 * file rejects with a message naming it, and is not cached, so a fixed file is picked up next time.
 */
export function loadPromptFiles(dir = DEFAULT_PROMPTS_DIR): Promise<Record<SectionId, PromptFile>> {
  let pending = cache.get(dir);
  if (!pending) {
    pending = readAll(dir);
    cache.set(dir, pending);
    pending.catch(() => cache.delete(dir));
  }
  return pending;
}

async function readAll(dir: string): Promise<Record<SectionId, PromptFile>> {
  const entries = await Promise.all(
    SECTION_IDS.map(async (id) => {
      const name = `prompts/${id}.md`;
      const file = parsePromptFile(await readFile(`${dir.replace(/\/?$/, '/')}${id}.md`, 'utf8'), name);
      if (file.id !== id) throw new Error(`${name}: id is "${file.id}", expected "${id}"`);
      return [id, file] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<SectionId, PromptFile>;
}

/** Renders a prompt file's body for one section's data; throws TemplateError on an unfilled slot. */
export function renderPrompt(file: PromptFile, context: PromptContext): string {
  return renderTemplate(file.nodes, context);
}
