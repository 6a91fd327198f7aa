/** Single sign-on did not lead to a session: no account for this identity, the provider failed, or it took too long. */
import { Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { authMessages } from '../../../i18n/staff/auth.ts';
import { StaffLayout } from '../components/StaffLayout.tsx';
import type { StaffPageContext } from '../context.ts';

export function SingleSignOnProblemPage({
  ctx,
  title,
  text,
}: {
  ctx: StaffPageContext;
  title: string;
  text: string;
}) {
  return (
    <StaffLayout ctx={ctx} title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph>{text}</Paragraph>
      <Paragraph>
        <Link href="/staff/sign-in" className="vp-target">
          {authMessages[ctx.locale].singleSignOn.toSignIn}
        </Link>
      </Paragraph>
    </StaffLayout>
  );
}
