/**
 * /staff/admin/letters/<kind>/<language>: the subject and body of one letter (Mustache), the placeholders it
 * may use, saving as a new version, a PDF preview of the draft (the same form, another button: it works
 * without JavaScript), and the earlier versions.
 */
import {
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { Language } from '../../../../domain/complaint.ts';
import type { LetterKind } from '../../../../domain/letters.ts';
import type { Placeholder } from '../../../../letters/placeholders.ts';
import type { StoredTemplate } from '../../../../letters/template-store.ts';
import { TextareaField } from '../../../pages/components/TextareaField.tsx';
import { TextField } from '../../../pages/components/TextField.tsx';
import { formatDateTime } from '../../../pages/dates.ts';
import type { FieldError } from '../../../pages/validate.ts';
import { AdminLayout } from '../components/AdminLayout.tsx';
import { errorAt, FormErrors } from '../components/FormErrors.tsx';
import { TableWrap } from '../components/TableWrap.tsx';
import type { AdminPageContext } from '../context.ts';

export interface LetterEditPageProps {
  ctx: AdminPageContext;
  kind: LetterKind;
  language: Language;
  inForce: StoredTemplate;
  values: { subject: string; body: string };
  errors: FieldError[];
  placeholders: readonly Placeholder[];
  versions: StoredTemplate[];
  names: ReadonlyMap<string, string>;
  done?: string | undefined;
}

function PlaceholderList({
  ctx,
  placeholders,
}: {
  ctx: AdminPageContext;
  placeholders: readonly Placeholder[];
}) {
  const types = ctx.a.letters.editor.placeholderTypes;
  const lang = ctx.locale === 'nl' ? 'nl' : 'en';
  return (
    <dl className="vp-placeholders">
      {placeholders.map((p) => (
        <div key={p.name}>
          <dt>
            <code>{`{{${p.name}}}`}</code> <span className="vp-muted">{`(${types[p.type]})`}</span>
          </dt>
          <dd>
            {p.description[lang]}
            {p.fields && (
              <dl className="vp-placeholders">
                {p.fields.map((f) => (
                  <div key={f.name}>
                    <dt>
                      <code>{`{{${f.name}}}`}</code>
                    </dt>
                    <dd>{f.description[lang]}</dd>
                  </div>
                ))}
              </dl>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function LetterEditPage(props: LetterEditPageProps) {
  const { ctx, kind, language, values, errors } = props;
  const { a, t } = ctx;
  const l = a.letters;
  const e = l.editor;
  const base = `/staff/admin/letters/${kind}/${language}`;
  return (
    <AdminLayout
      ctx={ctx}
      title={e.title(l.kinds[kind], l.languages[language])}
      crumbs={[{ href: '/staff/admin/letters', label: l.title }]}
      done={props.done}
    >
      <Paragraph>{e.version(props.inForce.version)}</Paragraph>
      <FormErrors
        heading={t.form.errorSummaryHeading}
        errors={errors}
        labels={{ subject: e.subject, body: e.body }}
      />
      <div className="vp-columns">
        <form method="post" action={base} noValidate>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <TextField
            name="subject"
            label={e.subject}
            hint={e.subjectHint}
            value={values.subject}
            error={errorAt(errors, 'subject')}
            errorPrefix={t.form.errorPrefix}
            maxLength={200}
            autoComplete="off"
          />
          <TextareaField
            name="body"
            label={e.body}
            hint={e.bodyHint}
            value={values.body}
            error={errorAt(errors, 'body')}
            errorPrefix={t.form.errorPrefix}
            maxLength={20_000}
            rows={24}
          />
          <Paragraph id="preview-hint" className="vp-muted">
            {e.previewHint}
          </Paragraph>
          <div className="vp-buttons">
            <Button type="submit" appearance="primary-action-button">
              {e.save}
            </Button>
            <Button
              type="submit"
              appearance="secondary-action-button"
              formAction={`${base}/preview`}
              aria-describedby="preview-hint"
            >
              {e.preview}
            </Button>
          </div>
        </form>
        <section aria-labelledby="placeholders-heading">
          <Heading level={2} id="placeholders-heading">
            {e.placeholders}
          </Heading>
          <PlaceholderList ctx={ctx} placeholders={props.placeholders} />
        </section>
      </div>
      <section className="vp-section" aria-labelledby="template-history-heading">
        <Heading level={2} id="template-history-heading">
          {e.history}
        </Heading>
        {props.versions.length === 0 ? (
          <Paragraph>{e.noHistory}</Paragraph>
        ) : (
          <TableWrap labelledBy="template-history-caption">
            <Table>
              <TableCaption id="template-history-caption">{e.history}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{e.historyColumns.version}</TableHeaderCell>
                  <TableHeaderCell scope="col">{e.historyColumns.at}</TableHeaderCell>
                  <TableHeaderCell scope="col">{e.historyColumns.by}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {props.versions.map((v) => (
                  <TableRow key={v.version}>
                    <TableHeaderCell scope="row">{String(v.version)}</TableHeaderCell>
                    <TableCell>{v.changedAt ? formatDateTime(t, v.changedAt) : '–'}</TableCell>
                    <TableCell>
                      {(v.changedBy && props.names.get(v.changedBy)) ?? a.common.unknownUser}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableWrap>
        )}
      </section>
    </AdminLayout>
  );
}
