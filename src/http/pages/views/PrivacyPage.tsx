/**
 * The privacy statement about complaints: the text of the settings (what, why, how long — the retention term
 * from the settings —, who sees it, the rights and the Autoriteit Persoonsgegevens), and where the
 * organisation's general privacy statement is.
 */
import { Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { privacyStatementParagraphs } from '../../../domain/privacy.ts';
import { ExternalLink } from '../components/ExternalLink.tsx';
import { Layout } from '../components/Layout.tsx';
import type { PageContext } from '../context.ts';

interface Props {
  ctx: PageContext;
  /** The organisation's general privacy statement elsewhere, or null when that is this page itself. */
  generalStatementUrl: string | null;
}

export function PrivacyPage({ ctx, generalStatementUrl }: Props) {
  const { t, settings } = ctx;
  return (
    <Layout ctx={ctx} title={t.privacyPage.htmlTitle(settings.name)}>
      <Heading level={1}>{t.privacyPage.title}</Heading>
      {privacyStatementParagraphs(settings, ctx.locale).map((paragraph) => (
        <Paragraph key={paragraph}>{paragraph}</Paragraph>
      ))}
      {generalStatementUrl && (
        <Paragraph>
          {`${t.privacyPage.more(settings.name)} `}
          <ExternalLink href={generalStatementUrl}>{t.privacyPage.moreLink(settings.name)}</ExternalLink>.
        </Paragraph>
      )}
      <Paragraph>
        <Link href={ctx.locale === 'nl' ? '/' : `/?lang=${ctx.locale}`}>{t.privacyPage.toForm}</Link>
      </Paragraph>
    </Layout>
  );
}
