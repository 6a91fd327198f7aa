/**
 * /staff/admin/users/<id>: one user. Their details in a form; how they sign in (second factor, lock, last
 * sign-in) with the help an administrator can give (unlock, reset the second factor, an invitation or a
 * new-password link where that exists); deactivating or reactivating; their API tokens.
 */
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import type { UserOverview } from '../../../../db/repositories/admin.ts';
import type { ApiToken } from '../../../../db/repositories/api-tokens.ts';
import { formatDateTime } from '../../../pages/dates.ts';
import type { FieldError } from '../../../pages/validate.ts';
import { AdminLayout } from '../components/AdminLayout.tsx';
import { FormErrors } from '../components/FormErrors.tsx';
import type { AdminPageContext } from '../context.ts';
import { UserFields, type UserFormValues, userFieldLabels } from './UserFields.tsx';
import { isLocked } from './UsersPage.tsx';
import { UserTokens } from './UserTokens.tsx';

export interface UserPageProps {
  ctx: AdminPageContext;
  user: UserOverview;
  tokens: ApiToken[];
  values: UserFormValues;
  errors: FieldError[];
  /** A message about the whole details form (e.g. the last administrator). */
  formMessage?: string | undefined;
  tokenName?: string;
  tokenError?: string | undefined;
  done?: string | undefined;
}

function ActionForm({
  ctx,
  user,
  action,
  heading,
  text,
  submit,
  danger,
}: {
  ctx: AdminPageContext;
  user: UserOverview;
  action: string;
  heading: string;
  text: string;
  submit: string;
  danger?: boolean;
}) {
  const id = `action-${action}`;
  return (
    <section className="vp-panel" aria-labelledby={`${id}-heading`} id={id}>
      <Heading level={3} id={`${id}-heading`}>
        {heading}
      </Heading>
      <Paragraph>{text}</Paragraph>
      <form method="post" action={`/staff/admin/users/${user.id}/${action}`}>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <Button type="submit" appearance="secondary-action-button" hint={danger ? 'danger' : undefined}>
          {submit}
        </Button>
      </form>
    </section>
  );
}

export function UserPage(props: UserPageProps) {
  const { ctx, user, values, errors } = props;
  const { a, t } = ctx;
  const p = a.user;
  const f = p.facts;
  const locked = isLocked(user, ctx.now);
  return (
    <AdminLayout
      ctx={ctx}
      title={p.title(user.name)}
      crumbs={[{ href: '/staff/admin/users', label: a.users.title }]}
      done={props.done}
    >
      <FormErrors
        heading={t.form.errorSummaryHeading}
        errors={errors}
        labels={userFieldLabels(ctx)}
        intro={props.formMessage}
      />
      <section aria-labelledby="details-heading">
        <Heading level={2} id="details-heading">
          {a.userForm.editHeading}
        </Heading>
        <form method="post" action={`/staff/admin/users/${user.id}`} noValidate>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <UserFields ctx={ctx} values={values} errors={errors} />
          <Button type="submit" appearance="primary-action-button">
            {a.userForm.save}
          </Button>
        </form>
      </section>

      <section aria-labelledby="status-heading" className="vp-section">
        <Heading level={2} id="status-heading">
          {p.status}
        </Heading>
        <dl className="vp-facts">
          <dt>{f.active}</dt>
          <dd>{user.active ? a.users.active : a.users.inactive}</dd>
          <dt>{f.password}</dt>
          <dd>{user.hasPassword ? p.passwordSet : p.passwordNone}</dd>
          <dt>{f.secondFactor}</dt>
          <dd>{user.secondFactor ? a.users.secondFactorOn : a.users.secondFactorOff}</dd>
          <dt>{f.locked}</dt>
          <dd>
            {locked && user.lockedUntil
              ? a.users.lockedUntil(formatDateTime(t, user.lockedUntil))
              : a.users.notLocked}
          </dd>
          <dt>{f.failedSignIns}</dt>
          <dd>{String(user.failedSignIns)}</dd>
          <dt>{f.lastSignIn}</dt>
          <dd>{user.lastSignInAt ? formatDateTime(t, user.lastSignInAt) : a.common.never}</dd>
          <dt>{f.created}</dt>
          <dd>{formatDateTime(t, user.createdAt)}</dd>
        </dl>
        {(locked || user.failedSignIns > 0) && (
          <ActionForm ctx={ctx} user={user} action="unlock" {...p.unlock} />
        )}
        {user.secondFactor && (
          <ActionForm ctx={ctx} user={user} action="reset-second-factor" {...p.resetSecondFactor} />
        )}
        {user.active && (
          <ActionForm
            ctx={ctx}
            user={user}
            action={user.hasPassword ? 'send-reset' : 'send-invitation'}
            heading={p.invite.heading}
            text={user.hasPassword ? p.invite.reset : p.invite.invite}
            submit={user.hasPassword ? p.invite.submitReset : p.invite.submitInvite}
          />
        )}
        {user.active ? (
          <ActionForm ctx={ctx} user={user} action="deactivate" {...p.deactivate} danger />
        ) : (
          <ActionForm ctx={ctx} user={user} action="reactivate" {...p.reactivate} />
        )}
      </section>

      <UserTokens
        ctx={ctx}
        user={user}
        tokens={props.tokens}
        name={props.tokenName ?? ''}
        error={props.tokenError}
      />
    </AdminLayout>
  );
}
