/** The sign-in page: email and password, the error summary, and the way to a new password. */
import { Button, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { ErrorSummary } from '../../pages/components/ErrorSummary.tsx';
import { StatusMessage } from '../../pages/components/StatusMessage.tsx';
import { TextField } from '../../pages/components/TextField.tsx';
import type { FieldError } from '../../pages/validate.ts';
import { StaffLayout } from '../components/StaffLayout.tsx';
import type { StaffPageContext } from '../context.ts';

export interface SignInPageProps {
  ctx: StaffPageContext;
  next: string;
  email: string;
  errors: FieldError[];
  /** A message for the whole form (wrong password, locked, wait). */
  formMessage?: string | undefined;
  /** Signed out, signed out everywhere, or the session expired. */
  notice?: string | undefined;
  /** Single sign-on, where configured: the button's text and where it starts. */
  singleSignOn?: { label: string; href: string } | undefined;
}

export function SignInPage({ ctx, next, email, errors, formMessage, notice, singleSignOn }: SignInPageProps) {
  const { t } = ctx;
  const s = t.signIn;
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const failed = errors.length > 0 || Boolean(formMessage);
  return (
    <StaffLayout ctx={ctx} title={failed ? `${t.form.errorPrefix}${s.title}` : s.title}>
      <Heading level={1}>{s.title}</Heading>
      {failed && <ErrorSummary heading={t.form.errorSummaryHeading} errors={errors} intro={formMessage} />}
      {notice && !failed && <StatusMessage message={notice} />}
      <Paragraph>{s.intro(ctx.organisation.settings.name)}</Paragraph>
      {singleSignOn && (
        <>
          <Paragraph>
            <Link href={singleSignOn.href} className="utrecht-button utrecht-button--secondary-action">
              {singleSignOn.label}
            </Link>
          </Paragraph>
          <Paragraph>{s.or}</Paragraph>
        </>
      )}
      <form method="post" action="/staff/sign-in" noValidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <input type="hidden" name="next" value={next} />
        <TextField
          name="email"
          type="email"
          label={s.email}
          value={email}
          error={errorOf('email')}
          errorPrefix={t.form.errorPrefix}
          autoComplete="username"
          maxLength={254}
          required
        />
        <TextField
          name="password"
          type="password"
          label={s.password}
          value=""
          error={errorOf('password')}
          errorPrefix={t.form.errorPrefix}
          autoComplete="current-password"
          maxLength={256}
          required
        />
        <Button type="submit" appearance="primary-action-button">
          {s.submit}
        </Button>
      </form>
      <Paragraph>
        <Link href="/staff/password-reset" className="vp-target">
          {s.forgotPassword}
        </Link>
      </Paragraph>
    </StaffLayout>
  );
}
