/** A new password and its repetition (setting a password through a link, and changing it on the account page). */
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  type NewPasswordField,
  type NewPasswordProblem,
} from '../../../commands/passwords.ts';
import { authMessages } from '../../../i18n/staff/auth.ts';
import { TextField } from '../../pages/components/TextField.tsx';
import type { FieldError } from '../../pages/validate.ts';
import type { StaffPageContext } from '../context.ts';

/** The messages for the problems found by `newPasswordProblems`, in the page's language. */
export function newPasswordErrors(
  ctx: StaffPageContext,
  problems: { field: NewPasswordField; problem: NewPasswordProblem }[],
): FieldError[] {
  const m = authMessages[ctx.locale].newPassword;
  const text: Record<NewPasswordProblem, string> = {
    missing: m.missing,
    too_short: m.tooShort(MIN_PASSWORD_LENGTH),
    too_long: m.tooLong(MAX_PASSWORD_LENGTH),
    is_email: m.isEmail,
    common: m.common,
    confirm_missing: m.confirmMissing,
    mismatch: m.mismatch,
  };
  return problems.map(({ field, problem }) => ({ field, message: text[problem] }));
}

export function NewPasswordFields({ ctx, errors }: { ctx: StaffPageContext; errors: FieldError[] }) {
  const p = authMessages[ctx.locale].account.password;
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <>
      <TextField
        name="newPassword"
        type="password"
        label={p.new}
        hint={p.newHint(MIN_PASSWORD_LENGTH)}
        value=""
        error={errorOf('newPassword')}
        errorPrefix={ctx.t.form.errorPrefix}
        autoComplete="new-password"
        maxLength={MAX_PASSWORD_LENGTH}
        required
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={p.confirm}
        value=""
        error={errorOf('confirmPassword')}
        errorPrefix={ctx.t.form.errorPrefix}
        autoComplete="new-password"
        maxLength={MAX_PASSWORD_LENGTH}
        required
      />
    </>
  );
}
