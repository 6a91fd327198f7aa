/**
 * /staff/admin/privacy: searching for a data subject's complaints, what retention does now (and doing it now),
 * the legal holds in force (and opening a case's hold), and the latest entries of the deletion log.
 */
import {
  Button,
  Heading,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { ErrorSummary } from '../../../pages/components/ErrorSummary.tsx';
import { RadioGroup } from '../../../pages/components/RadioGroup.tsx';
import { StatusMessage } from '../../../pages/components/StatusMessage.tsx';
import { TextField } from '../../../pages/components/TextField.tsx';
import { formatDateTime } from '../../../pages/dates.ts';
import type { FieldError } from '../../../pages/validate.ts';
import { TableWrap } from '../../admin/components/TableWrap.tsx';
import { StaffLayout } from '../../components/StaffLayout.tsx';
import type { PrivacyPageContext } from '../context.ts';
import type { OverviewData, SearchValues } from '../overview-data.ts';
import { DeletionLogTable } from './DeletionLogTable.tsx';

interface Props extends OverviewData {
  ctx: PrivacyPageContext;
  done: 'erased' | 'retention' | 'hold-set' | 'hold-lifted' | undefined;
  count: number;
  values: SearchValues;
  errors: FieldError[];
  /** What was typed in the form that opens a case's legal hold. */
  reference: string;
}

export function PrivacyOverviewPage({
  ctx,
  preview,
  holds,
  log,
  done,
  count,
  values,
  errors,
  reference,
}: Props) {
  const { p, t } = ctx;
  const retention = ctx.organisation.settings.retention;
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const prefix = t.form.errorPrefix;
  const doneText =
    done === 'erased'
      ? p.done.erased(count)
      : done === 'retention'
        ? p.done.retention(count)
        : done === 'hold-set'
          ? p.done.holdSet
          : done === 'hold-lifted'
            ? p.done.holdLifted
            : null;
  return (
    <StaffLayout ctx={ctx} title={errors.length ? `${prefix}${p.title}` : p.title} active="admin">
      {errors.length > 0 && <ErrorSummary heading={t.form.errorSummaryHeading} errors={errors} />}
      <Heading level={1}>{p.title}</Heading>
      {doneText && <StatusMessage message={doneText} />}
      <Paragraph>{p.intro}</Paragraph>

      <section className="vp-section" aria-labelledby="request-heading">
        <Heading level={2} id="request-heading">
          {p.request.heading}
        </Heading>
        <Paragraph>{p.request.text}</Paragraph>
        <form method="post" action="/staff/admin/privacy/find" noValidate>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <RadioGroup
            name="by"
            legend={p.request.by}
            value={values.by}
            error={errorOf('by')}
            errorPrefix={prefix}
            options={(['email', 'phone', 'name'] as const).map((by) => ({
              value: by,
              label: p.request.byOptions[by],
            }))}
          />
          <TextField
            name="value"
            label={p.request.value}
            hint={p.request.valueHint}
            value={values.value}
            error={errorOf('value')}
            errorPrefix={prefix}
            autoComplete="off"
            maxLength={254}
          />
          <TextField
            name="requestReference"
            label={p.request.requestReference}
            hint={p.request.requestReferenceHint}
            value={values.requestReference}
            error={errorOf('requestReference')}
            errorPrefix={prefix}
            autoComplete="off"
            maxLength={100}
            short
          />
          <Button type="submit" appearance="primary-action-button">
            {p.request.submit}
          </Button>
        </form>
      </section>

      <section className="vp-section" aria-labelledby="retention-heading">
        <Heading level={2} id="retention-heading">
          {p.retention.heading}
        </Heading>
        <Paragraph>
          {p.retention.text(retention.complaintYearsAfterClosing, retention.auditLogYears)}
        </Paragraph>
        <ul className="vp-inline-list">
          <li>{p.retention.due(preview.anonymised.length)}</li>
          <li>{p.retention.held(preview.held.length)}</li>
          <li>{p.retention.audit(preview.auditEntriesDeleted)}</li>
        </ul>
        <form method="post" action="/staff/admin/privacy/retention">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <Button type="submit" appearance="secondary-action-button">
            {p.retention.run}
          </Button>
        </form>
      </section>

      <section className="vp-section" aria-labelledby="holds-heading">
        <Heading level={2} id="holds-heading">
          {p.holds.heading}
        </Heading>
        <Paragraph>{p.holds.text}</Paragraph>
        {holds.length === 0 ? (
          <Paragraph>{p.holds.none}</Paragraph>
        ) : (
          <TableWrap labelledBy="holds-caption">
            <Table>
              <TableCaption id="holds-caption">{p.holds.caption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{p.holds.columns.reference}</TableHeaderCell>
                  <TableHeaderCell scope="col">{p.holds.columns.since}</TableHeaderCell>
                  <TableHeaderCell scope="col">{p.holds.columns.by}</TableHeaderCell>
                  <TableHeaderCell scope="col">{p.holds.columns.reason}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {holds.map((hold) => (
                  <TableRow key={hold.id}>
                    <TableCell>
                      <Link href={`/staff/admin/privacy/cases/${hold.reference}`}>{hold.reference}</Link>
                    </TableCell>
                    <TableCell>{formatDateTime(t, hold.setAt)}</TableCell>
                    <TableCell>{hold.setByLabel}</TableCell>
                    <TableCell>{hold.reason}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableWrap>
        )}
        <Heading level={3}>{p.holds.open}</Heading>
        <form method="get" action="/staff/admin/privacy/cases" className="vp-filters" noValidate>
          <TextField
            name="reference"
            label={p.holds.reference}
            value={reference}
            error={errorOf('reference')}
            errorPrefix={prefix}
            autoComplete="off"
            maxLength={20}
            short
          />
          <Button type="submit" appearance="secondary-action-button">
            {p.holds.go}
          </Button>
        </form>
      </section>

      <section className="vp-section" aria-labelledby="log-heading">
        <Heading level={2} id="log-heading">
          {p.log.heading}
        </Heading>
        <Paragraph>{p.log.text}</Paragraph>
        <DeletionLogTable ctx={ctx} entries={log} id="log-caption" caption={p.log.caption} />
      </section>
    </StaffLayout>
  );
}
