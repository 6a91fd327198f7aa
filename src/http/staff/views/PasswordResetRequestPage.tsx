/** "Forgot your password": the email address, and afterwards the same answer whether an account exists or not. */
import { Button, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { authMessages } from '../../../i18n/staff/auth.ts';
import { ErrorSummary } from '../../pages/components/ErrorSummary.tsx';
import { StatusMessage } from '../../pages/components/StatusMessage.tsx';
import { TextField } from '../../pages/components/TextField.tsx';
import type { FieldError } from '../../pages/validate.ts';
import { StaffLayout } from '../components/StaffLayout.tsx';
import type { StaffPageContext } from '../context.ts';

export interface PasswordResetRequestPageProps {
  ctx: StaffPageContext;
  email: string;
  errors: FieldError[];
  /** The address a link was asked for (shown whatever the outcome). */
  sentTo?: string | undefined;
  /** A link that no longer worked brought the user here: say so, and offer a new one. */
  invalidLink?: boolean;
}

export function PasswordResetRequestPage({
  ctx,
  email,
  errors,
  sentTo,
  invalidLink,
}: PasswordResetRequestPageProps) {
  const { t } = ctx;
  const r = authMessages[ctx.locale].reset;
  const failed = errors.length > 0;
  const title = sentTo ? r.sentTitle : invalidLink ? r.invalidTitle : r.title;
  return (
    <StaffLayout ctx={ctx} title={failed ? `${t.form.errorPrefix}${title}` : title}>
      <Heading level={1}>{title}</Heading>
      {failed && <ErrorSummary heading={t.form.errorSummaryHeading} errors={errors} />}
      {sentTo ? (
        <StatusMessage message={r.sent(sentTo)} />
      ) : (
        <>
          {invalidLink && <Paragraph>{r.invalidText}</Paragraph>}
          <Paragraph>{r.intro}</Paragraph>
          <form method="post" action="/staff/password-reset" noValidate>
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <TextField
              name="email"
              type="email"
              label={r.email}
              value={email}
              error={errors.find((e) => e.field === 'email')?.message}
              errorPrefix={t.form.errorPrefix}
              autoComplete="username"
              maxLength={254}
              required
            />
            <Button type="submit" appearance="primary-action-button">
              {invalidLink ? r.again : r.submit}
            </Button>
          </form>
        </>
      )}
      <Paragraph>
        <Link href="/staff/sign-in" className="vp-target">
          {r.toSignIn}
        </Link>
      </Paragraph>
    </StaffLayout>
  );
}
