/** The fields of a user (new or existing): name, email, job title, roles (several), active. */
import { ROLES } from '../../../../domain/action-context.ts';
import { CheckboxField } from '../../../pages/components/CheckboxField.tsx';
import { TextField } from '../../../pages/components/TextField.tsx';
import type { FieldError } from '../../../pages/validate.ts';
import { CheckboxGroup } from '../components/CheckboxGroup.tsx';
import { errorAt } from '../components/FormErrors.tsx';
import type { AdminPageContext } from '../context.ts';

export interface UserFormValues {
  name: string;
  email: string;
  jobTitle: string;
  roles: string[];
  active: boolean;
}

export const USER_FIELD_ORDER = ['name', 'email', 'jobTitle', 'roles', 'active'] as const;

export function userFieldLabels(ctx: AdminPageContext): Record<string, string> {
  const f = ctx.a.userForm;
  return { name: f.name, email: f.email, jobTitle: f.jobTitle, roles: f.roles, active: f.active };
}

export function UserFields({
  ctx,
  values,
  errors,
}: {
  ctx: AdminPageContext;
  values: UserFormValues;
  errors: FieldError[];
}) {
  const f = ctx.a.userForm;
  const prefix = ctx.t.form.errorPrefix;
  return (
    <>
      <TextField
        name="name"
        label={f.name}
        hint={f.nameHint}
        value={values.name}
        error={errorAt(errors, 'name')}
        errorPrefix={prefix}
        autoComplete="off"
        maxLength={200}
      />
      <TextField
        name="email"
        type="email"
        label={f.email}
        hint={f.emailHint}
        value={values.email}
        error={errorAt(errors, 'email')}
        errorPrefix={prefix}
        autoComplete="off"
        maxLength={254}
      />
      <TextField
        name="jobTitle"
        label={f.jobTitle}
        hint={f.jobTitleHint}
        value={values.jobTitle}
        error={errorAt(errors, 'jobTitle')}
        errorPrefix={prefix}
        autoComplete="off"
        maxLength={200}
      />
      <CheckboxGroup
        name="roles"
        legend={f.roles}
        hint={f.rolesHint}
        checked={new Set(values.roles)}
        options={ROLES.map((role) => ({ value: role, label: ctx.t.roles[role], hint: f.roleHints[role] }))}
        error={errorAt(errors, 'roles')}
        errorPrefix={prefix}
      />
      <CheckboxField
        name="active"
        label={f.active}
        hint={f.activeHint}
        checked={values.active}
        error={errorAt(errors, 'active')}
        errorPrefix={prefix}
      />
    </>
  );
}
