/** Choosing a new password (or the first one, after an invitation) through the emailed link. */
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import type { PasswordLinkPurpose } from '../../../commands/password-reset.ts';
import { authMessages } from '../../../i18n/staff/auth.ts';
import { ErrorSummary } from '../../pages/components/ErrorSummary.tsx';
import type { FieldError } from '../../pages/validate.ts';
import { StaffLayout } from '../components/StaffLayout.tsx';
import type { StaffPageContext } from '../context.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';

export interface PasswordResetPageProps {
  ctx: StaffPageContext;
  /** The form posts back to its own address (the link). */
  action: string;
  purpose: PasswordLinkPurpose;
  email: string;
  errors: FieldError[];
}

export function PasswordResetPage({ ctx, action, purpose, email, errors }: PasswordResetPageProps) {
  const { t } = ctx;
  const r = authMessages[ctx.locale].reset;
  const title = purpose === 'invite' ? r.inviteTitle : r.chooseTitle;
  const failed = errors.length > 0;
  return (
    <StaffLayout ctx={ctx} title={failed ? `${t.form.errorPrefix}${title}` : title}>
      <Heading level={1}>{title}</Heading>
      {failed && <ErrorSummary heading={t.form.errorSummaryHeading} errors={errors} />}
      <Paragraph>{r.forAccount(email)}</Paragraph>
      <form method="post" action={action} noValidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        {/* For password managers: the account the new password belongs to. */}
        <input type="hidden" name="username" autoComplete="username" value={email} />
        <NewPasswordFields ctx={ctx} errors={errors} />
        <Paragraph>{r.afterwards}</Paragraph>
        <Button type="submit" appearance="primary-action-button">
          {r.save}
        </Button>
      </form>
    </StaffLayout>
  );
}
