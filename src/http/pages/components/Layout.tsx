/**
 * The document around every public page: language and direction from the locale, the one stylesheet and the
 * theme, a skip link, header (logo or name), main and footer landmarks. No inline script or style (CSP).
 */
import {
  Heading,
  Link,
  Page,
  PageContent,
  PageFooter,
  PageHeader,
  Paragraph,
  SkipLink,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { messagesFor, PAGE_LOCALES } from '../../../i18n/pages/index.ts';
import type { PageContext } from '../context.ts';
import { PrivacyLink } from './PrivacyLink.tsx';

interface Props {
  ctx: PageContext;
  title: string;
  /** Links to this page in the other languages (the form has its own switch that keeps what was typed). */
  languageLinks?: boolean;
  script?: boolean;
  children: ReactNode;
}

export function Layout({ ctx, title, languageLinks = true, script = false, children }: Props) {
  const { t, settings } = ctx;
  const { address } = settings;
  return (
    <html lang={t.meta.lang} dir={t.meta.dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {/* No favicon request (and no 404 for it). */}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={ctx.assets.css} />
        <link rel="stylesheet" href={ctx.assets.theme} />
        {script && <script src={ctx.assets.script} defer />}
      </head>
      <body className="utrecht-theme utrecht-document">
        <SkipLink href="#main">{t.layout.skipLink}</SkipLink>
        <PageHeader className="vp-header">
          <Page>
            <a href="/" className="vp-header__home">
              {settings.branding.logoUrl ? (
                <img
                  className="vp-header__logo"
                  src={settings.branding.logoUrl}
                  alt={t.layout.logoAlt(settings.name)}
                />
              ) : (
                <span className="vp-header__name">{settings.name}</span>
              )}
            </a>
          </Page>
        </PageHeader>
        <Page>
          <PageContent>
            <main id="main" tabIndex={-1} className="vp-main">
              {children}
            </main>
          </PageContent>
        </Page>
        <PageFooter className="vp-footer">
          <Page>
            <Heading level={2} className="vp-footer__heading">
              {t.layout.footerHeading}
            </Heading>
            <Paragraph>
              {settings.name}
              <br />
              {`${address.street}, ${address.postalCode} ${address.city}`}
              <br />
              {`${t.layout.phone}: ${settings.phone}`}
              <br />
              {`${t.layout.email}: `}
              <Link href={`mailto:${settings.email}`}>{settings.email}</Link>
            </Paragraph>
            <Paragraph>
              <PrivacyLink locale={ctx.locale}>{t.layout.privacyStatement}</PrivacyLink>
            </Paragraph>
            {languageLinks && (
              <nav aria-label={t.layout.otherLanguage}>
                <Paragraph>
                  {PAGE_LOCALES.filter((l) => l !== ctx.locale).map((l) => (
                    <a key={l} href={`${ctx.path}?lang=${l}`} lang={l} hrefLang={l} className="vp-lang-link">
                      {messagesFor(l).meta.pageIn}
                    </a>
                  ))}
                </Paragraph>
              </nav>
            )}
          </Page>
        </PageFooter>
      </body>
    </html>
  );
}
