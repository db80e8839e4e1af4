import { KB_GUIDES } from './kb-guides.ts';
import { KB_PROGRAMS } from './kb-programs.ts';

/** Knowledge-base articles: product guides, migration playbooks, pricing programmes, best practices. */
export interface KbArticle {
  slug: string;
  title: string;
  product: string;
  ageDays: number;
  body: string;
}

export const KB_ARTICLES: readonly KbArticle[] = [...KB_GUIDES, ...KB_PROGRAMS];
