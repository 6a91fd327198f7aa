/**
 * /staff/admin/settings/<section>: one section of the organisation settings as a form of its own, with the
 * note (why), the version it was opened on, and the history of the versions that changed this section.
 */
import { Button, Heading } from '@utrecht/component-library-react';
import type { User } from '../../../../../db/repositories/users.ts';
import type { OrganisationSettings } from '../../../../../domain/settings.ts';
import type { AdminSettingsMessages } from '../../../../../i18n/staff/admin-settings.ts';
import { TextareaField } from '../../../../pages/components/TextareaField.tsx';
import type { FieldError } from '../../../../pages/validate.ts';
import { AdminLayout } from '../../components/AdminLayout.tsx';
import { errorAt, FormErrors } from '../../components/FormErrors.tsx';
import type { AdminPageContext } from '../../context.ts';
import type { HistoryRow } from '../../settings/history.ts';
import type { FormValues, SectionDef } from '../../settings/types.ts';
import { HistoryTable } from './HistoryTable.tsx';
import { ListFields } from './ListFields.tsx';
import { ScalarFields } from './ScalarFields.tsx';

export interface SectionPageProps {
  ctx: AdminPageContext;
  s: AdminSettingsMessages;
  section: SectionDef;
  settings: OrganisationSettings;
  version: number;
  values: FormValues;
  note: string;
  errors: FieldError[];
  formMessage?: string | undefined;
  done?: string | undefined;
  history: HistoryRow[];
  names: ReadonlyMap<string, string>;
  users: User[];
  usage?: ReadonlyMap<string, number> | undefined;
}

export function SectionPage(props: SectionPageProps) {
  const { ctx, s, section, settings, values, errors } = props;
  const texts = s.sections[section.name];
  const form = section.form;
  return (
    <AdminLayout
      ctx={ctx}
      title={texts.title}
      crumbs={[{ href: '/staff/admin/settings', label: s.title }]}
      intro={texts.intro}
      done={props.done}
    >
      <FormErrors
        heading={ctx.t.form.errorSummaryHeading}
        errors={errors}
        labels={{ ...section.labels(s, settings), note: s.note }}
        intro={props.formMessage}
      />
      <form method="post" action={`/staff/admin/settings/${section.slug}`} noValidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <input type="hidden" name="version" value={String(props.version)} />
        {form.kind === 'scalar' ? (
          <ScalarFields
            ctx={ctx}
            s={s}
            fields={form.fields}
            values={values}
            errors={errors}
            settings={settings}
            users={props.users}
          />
        ) : (
          <ListFields
            ctx={ctx}
            s={s}
            spec={form.spec}
            values={values}
            errors={errors}
            settings={settings}
            usage={props.usage}
          />
        )}
        <TextareaField
          name="note"
          label={s.note}
          hint={s.noteHint}
          value={props.note}
          error={errorAt(errors, 'note')}
          errorPrefix={ctx.t.form.errorPrefix}
          maxLength={500}
          rows={2}
        />
        <Button type="submit" appearance="primary-action-button">
          {s.save}
        </Button>
      </form>
      <section className="vp-section" aria-labelledby="history-heading">
        <Heading level={2} id="history-heading">
          {s.history.heading}
        </Heading>
        <HistoryTable ctx={ctx} s={s} rows={props.history} names={props.names} caption={s.history.caption} />
      </section>
    </AdminLayout>
  );
}
