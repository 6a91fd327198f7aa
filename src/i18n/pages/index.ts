/**
 * The languages of the public pages. Dutch is the default; adding a language is adding a file with every key
 * of nl.ts (the type checker says which are missing) and listing it here. `meta.dir` makes right-to-left
 * languages render right to left.
 */
import { en } from './en.ts';
import { nl } from './nl.ts';
import type { PageMessages } from './types.ts';

export type { PageMessages } from './types.ts';

export const PAGE_LOCALES = ['nl', 'en'] as const;
export type PageLocale = (typeof PAGE_LOCALES)[number];
export const DEFAULT_PAGE_LOCALE: PageLocale = 'nl';

const catalogue: Record<PageLocale, PageMessages> = { nl, en };

export const isPageLocale = (value: unknown): value is PageLocale =>
  typeof value === 'string' && (PAGE_LOCALES as readonly string[]).includes(value);

export const messagesFor = (locale: PageLocale): PageMessages => catalogue[locale];
