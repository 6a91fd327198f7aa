/** The second factor once it is on: since when, recovery codes left, new codes, turning it off. */
import { Button, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import type { TwoFactorStatus } from '../../../commands/two-factor.ts';
import { authMessages } from '../../../i18n/staff/auth.ts';
import { ErrorSummary } from '../../pages/components/ErrorSummary.tsx';
import { TextField } from '../../pages/components/TextField.tsx';
import { formatDateTime } from '../../pages/dates.ts';
import type { FieldError } from '../../pages/validate.ts';
import { StaffLayout } from '../components/StaffLayout.tsx';
import type { StaffPageContext } from '../context.ts';

export interface TwoFactorManagePageProps {
  ctx: StaffPageContext;
  status: TwoFactorStatus & { enabledAt: string };
  /** Field errors of either form: `renew-password` or `remove-password`. */
  errors: FieldError[];
  formMessage?: string | undefined;
}

function PasswordForm(props: {
  ctx: StaffPageContext;
  action: string;
  id: string;
  submit: string;
  errors: FieldError[];
}) {
  const { ctx } = props;
  const m = authMessages[ctx.locale].manage;
  return (
    <form method="post" action={props.action} noValidate>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <TextField
        name="password"
        idName={props.id}
        type="password"
        label={m.password}
        hint={m.passwordHint}
        value=""
        error={props.errors.find((e) => e.field === props.id)?.message}
        errorPrefix={ctx.t.form.errorPrefix}
        autoComplete="current-password"
        maxLength={256}
        required
      />
      <Button type="submit" appearance="secondary-action-button">
        {props.submit}
      </Button>
    </form>
  );
}

export function TwoFactorManagePage({ ctx, status, errors, formMessage }: TwoFactorManagePageProps) {
  const { t } = ctx;
  const m = authMessages[ctx.locale].manage;
  const failed = errors.length > 0 || Boolean(formMessage);
  return (
    <StaffLayout ctx={ctx} title={failed ? `${t.form.errorPrefix}${m.title}` : m.title}>
      <Heading level={1}>{m.title}</Heading>
      {failed && <ErrorSummary heading={t.form.errorSummaryHeading} errors={errors} intro={formMessage} />}
      <Paragraph>{m.onSince(formatDateTime(ctx.t, status.enabledAt))}</Paragraph>
      <Paragraph>{m.codesLeft(status.recoveryCodesLeft)}</Paragraph>
      <section className="vp-section" aria-labelledby="renew-heading">
        <Heading level={2} id="renew-heading">
          {m.renewHeading}
        </Heading>
        <Paragraph>{m.renewText}</Paragraph>
        <PasswordForm
          ctx={ctx}
          action="/staff/account/two-factor/recovery-codes"
          id="renew-password"
          submit={m.renewSubmit}
          errors={errors}
        />
      </section>
      <section className="vp-section" aria-labelledby="remove-heading">
        <Heading level={2} id="remove-heading">
          {m.removeHeading}
        </Heading>
        {status.required ? (
          <Paragraph>{m.requiredText}</Paragraph>
        ) : (
          <>
            <Paragraph>{m.removeText}</Paragraph>
            <PasswordForm
              ctx={ctx}
              action="/staff/account/two-factor/remove"
              id="remove-password"
              submit={m.removeSubmit}
              errors={errors}
            />
          </>
        )}
      </section>
      <Paragraph>
        <Link href="/staff/account" className="vp-target">
          {m.back}
        </Link>
      </Paragraph>
    </StaffLayout>
  );
}
