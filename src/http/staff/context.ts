/** What every staff page needs to render: the language and its texts, the organisation, the user, the CSRF token. */
import type { Organisation } from '../../commands/context.ts';
import type { User } from '../../db/repositories/users.ts';
import type { PageLocale } from '../../i18n/pages/index.ts';
import type { StaffMessages } from '../../i18n/staff/common.ts';
import type { PageAssets } from '../pages/context.ts';

export interface StaffPageContext {
  locale: PageLocale;
  t: StaffMessages;
  organisation: Organisation;
  assets: PageAssets;
  /** This page's path without the query, for the links to the other language. */
  path: string;
  /** The signed-in user; null on the sign-in pages and on error pages for someone not signed in. */
  user: User | null;
  /** For every form on the page (`<input type="hidden" name="_csrf" …>`). */
  csrfToken: string;
  /** The request's instant (the app's clock), for deadlines and "today". */
  now: Date;
}
