/** /staff/admin/users/new: create a user. */
import { Button } from '@utrecht/component-library-react';
import type { FieldError } from '../../../pages/validate.ts';
import { AdminLayout } from '../components/AdminLayout.tsx';
import { FormErrors } from '../components/FormErrors.tsx';
import type { AdminPageContext } from '../context.ts';
import { UserFields, type UserFormValues, userFieldLabels } from './UserFields.tsx';

export function NewUserPage({
  ctx,
  values,
  errors,
}: {
  ctx: AdminPageContext;
  values: UserFormValues;
  errors: FieldError[];
}) {
  const { a, t } = ctx;
  return (
    <AdminLayout
      ctx={ctx}
      title={a.userForm.newTitle}
      crumbs={[{ href: '/staff/admin/users', label: a.users.title }]}
    >
      <FormErrors heading={t.form.errorSummaryHeading} errors={errors} labels={userFieldLabels(ctx)} />
      <form method="post" action="/staff/admin/users" noValidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <UserFields ctx={ctx} values={values} errors={errors} />
        <Button type="submit" appearance="primary-action-button">
          {a.userForm.create}
        </Button>
      </form>
    </AdminLayout>
  );
}
