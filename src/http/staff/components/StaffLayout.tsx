/**
 * The document around every staff page: language, the staff stylesheet and the theme, a skip link, a header
 * with the main menu (only what the user's roles may open) and the account menu, main, and a footer with the
 * language switch. No inline script or style (CSP).
 */
import { SkipLink } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { Role } from '../../../domain/action-context.ts';
import { PAGE_LOCALES } from '../../../i18n/pages/index.ts';
import { staffMessages } from '../../../i18n/staff/common.ts';
import type { StaffPageContext } from '../context.ts';
import { type NavKey, STAFF_NAV } from '../navigation.ts';

interface Props {
  ctx: StaffPageContext;
  title: string;
  /** The menu item this page belongs to (marked aria-current). */
  active?: NavKey;
  script?: boolean;
  children: ReactNode;
}

export function StaffLayout({ ctx, title, active, script = false, children }: Props) {
  const { t, user } = ctx;
  const settings = ctx.organisation.settings;
  return (
    <html lang={t.meta.lang} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} – ${t.layout.product} ${settings.name}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={ctx.assets.css} />
        <link rel="stylesheet" href={ctx.assets.theme} />
        {script && <script src={ctx.assets.script} defer />}
      </head>
      <body className="utrecht-theme utrecht-document vp-staff">
        <SkipLink href="#main">{t.layout.skipLink}</SkipLink>
        <header className="vp-staff-header">
          <div className="vp-staff-header__inner">
            <a href="/staff" className="vp-staff-brand">
              {`${t.layout.product} · ${settings.name}`}
            </a>
            {user && (
              <nav className="vp-staff-nav" aria-label={t.layout.mainMenu}>
                <ul>
                  {STAFF_NAV.filter((item) => item.visible(user.roles as Role[])).map((item) => (
                    <li key={item.key}>
                      <a href={item.href} aria-current={item.key === active ? 'page' : undefined}>
                        {t.layout.nav[item.key]}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
            {user && (
              <nav className="vp-staff-user" aria-label={t.layout.userMenu}>
                <span>{t.layout.signedInAs(user.name)}</span>
                <a href="/staff/account">{t.layout.account}</a>
                <form method="post" action="/staff/sign-out">
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <button type="submit" className="vp-link-button">
                    {t.layout.signOut}
                  </button>
                </form>
              </nav>
            )}
          </div>
        </header>
        <main id="main" tabIndex={-1} className="vp-staff-main">
          {children}
        </main>
        <footer className="vp-staff-footer">
          <nav aria-label={t.layout.otherLanguage}>
            {PAGE_LOCALES.filter((l) => l !== ctx.locale).map((l) => (
              <a key={l} href={`${ctx.path}?lang=${l}`} lang={l} hrefLang={l}>
                {staffMessages[l].meta.pageIn}
              </a>
            ))}
          </nav>
        </footer>
      </body>
    </html>
  );
}
