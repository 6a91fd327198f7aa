/**
 * After submitting: the reference number, what happens next with the real dates from the working-day
 * calendar, and the private follow-up link (also emailed when an address was given).
 */
import { Heading, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { Layout } from '../components/Layout.tsx';
import type { PageContext } from '../context.ts';
import { formatDate } from '../dates.ts';

export interface ConfirmationProps {
  ctx: PageContext;
  reference: string;
  acknowledgeBy: string;
  resolveBy: string;
  followUpUrl: string;
  emailed: boolean;
}

export function ConfirmationPage({
  ctx,
  reference,
  acknowledgeBy,
  resolveBy,
  followUpUrl,
  emailed,
}: ConfirmationProps) {
  const { t } = ctx;
  const c = t.confirmation;
  const next = c.next({ acknowledgeBy: formatDate(t, acknowledgeBy), resolveBy: formatDate(t, resolveBy) });
  return (
    <Layout ctx={ctx} title={c.htmlTitle(ctx.settings.name)}>
      <Heading level={1}>{c.title}</Heading>
      <Paragraph>
        {`${c.referenceLabel} `}
        <strong className="vp-reference" id="reference">
          {reference}
        </strong>
      </Paragraph>
      <Paragraph>{c.referenceNote}</Paragraph>

      <Heading level={2}>{c.nextHeading}</Heading>
      <UnorderedList>
        {next.map((line) => (
          <UnorderedListItem key={line}>{line}</UnorderedListItem>
        ))}
      </UnorderedList>

      <Heading level={2}>{c.linkHeading}</Heading>
      <Paragraph>{c.linkIntro}</Paragraph>
      <Paragraph className="vp-link-box">
        <Link href={followUpUrl} id="follow-up-link">
          {followUpUrl}
        </Link>
      </Paragraph>
      <Paragraph>{emailed ? c.linkEmailed : c.linkNotEmailed}</Paragraph>
    </Layout>
  );
}

/** What a filled-in honeypot gets: it looks like success, and nothing was stored. */
export function DecoyConfirmationPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.confirmation.htmlTitle(ctx.settings.name)}>
      <Heading level={1}>{t.confirmation.title}</Heading>
      <Paragraph>{t.confirmation.decoyText}</Paragraph>
    </Layout>
  );
}
