/** A friendly page for what went wrong (unknown or expired link, too large, too many, expired form, …). */
import { Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { Layout } from '../components/Layout.tsx';
import type { PageContext } from '../context.ts';

export function MessagePage({ ctx, title, text }: { ctx: PageContext; title: string; text: string }) {
  const { t, settings } = ctx;
  return (
    <Layout ctx={ctx} title={`${title} – ${settings.name}`}>
      <Heading level={1}>{title}</Heading>
      <Paragraph>{text}</Paragraph>
      <Paragraph>
        {t.errorPages.contact({ organisation: settings.name, phone: settings.phone, email: settings.email })}
      </Paragraph>
      <Paragraph>
        <Link href="/">{t.errorPages.backToForm}</Link>
      </Paragraph>
    </Layout>
  );
}
