/** A link to the privacy statement about complaints (/privacy), in the language of the page it is on. */
import { Link } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { PageLocale } from '../../../i18n/pages/index.ts';

export const privacyPagePath = (locale: PageLocale): string =>
  locale === 'nl' ? '/privacy' : `/privacy?lang=${locale}`;

export function PrivacyLink({ locale, children }: { locale: PageLocale; children: ReactNode }) {
  return <Link href={privacyPagePath(locale)}>{children}</Link>;
}
