/** What every page needs to render: the language and its texts, the organisation, and the asset URLs. */
import type { OrganisationSettings } from '../../domain/settings.ts';
import type { PageLocale, PageMessages } from '../../i18n/pages/index.ts';

export interface PageAssets {
  css: string;
  theme: string;
  script: string;
}

export interface PageContext {
  locale: PageLocale;
  t: PageMessages;
  settings: OrganisationSettings;
  assets: PageAssets;
  /** This page's path without query, for the links to the other languages. */
  path: string;
}
