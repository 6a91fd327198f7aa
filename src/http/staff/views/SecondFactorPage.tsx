/** The step after the password: the code from the authenticator app, or a recovery code. */
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { authMessages } from '../../../i18n/staff/auth.ts';
import { ErrorSummary } from '../../pages/components/ErrorSummary.tsx';
import { TextField } from '../../pages/components/TextField.tsx';
import type { FieldError } from '../../pages/validate.ts';
import { StaffLayout } from '../components/StaffLayout.tsx';
import type { StaffPageContext } from '../context.ts';
import { SignOutForm } from './SignOutForm.tsx';

export interface SecondFactorPageProps {
  ctx: StaffPageContext;
  next: string;
  errors: FieldError[];
  /** Wait, or locked. */
  formMessage?: string | undefined;
}

export function SecondFactorPage({ ctx, next, errors, formMessage }: SecondFactorPageProps) {
  const { t } = ctx;
  const a = authMessages[ctx.locale].secondFactor;
  const failed = errors.length > 0 || Boolean(formMessage);
  return (
    <StaffLayout ctx={ctx} title={failed ? `${t.form.errorPrefix}${a.title}` : a.title}>
      <Heading level={1}>{a.title}</Heading>
      {failed && <ErrorSummary heading={t.form.errorSummaryHeading} errors={errors} intro={formMessage} />}
      <Paragraph>{a.intro}</Paragraph>
      <form method="post" action="/staff/sign-in/second-factor" noValidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <input type="hidden" name="next" value={next} />
        <TextField
          name="code"
          label={a.code}
          hint={a.codeHint}
          value=""
          error={errors.find((e) => e.field === 'code')?.message}
          errorPrefix={t.form.errorPrefix}
          autoComplete="one-time-code"
          maxLength={24}
          short
          required
        />
        <Button type="submit" appearance="primary-action-button">
          {a.submit}
        </Button>
      </form>
      <SignOutForm ctx={ctx} intro={a.otherAccount} label={a.signOut} />
    </StaffLayout>
  );
}
