/**
 * Complaints resolved on the spot (/staff/spot-records): a short form on top to log one in a few seconds
 * (when, how, category, one line, no identity), and below it the records of a period, newest first, each
 * convertible into a complaint that keeps its moment of receipt.
 */
import { Button, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import type { SpotRecord } from '../../../db/repositories/spot-records.ts';
import type { RegistrationMessages } from '../../../i18n/staff/registration.ts';
import { ErrorSummary } from '../../pages/components/ErrorSummary.tsx';
import { SelectField } from '../../pages/components/SelectField.tsx';
import { StatusMessage } from '../../pages/components/StatusMessage.tsx';
import { TextField } from '../../pages/components/TextField.tsx';
import { formatDate, formatDateTime } from '../../pages/dates.ts';
import type { FieldError } from '../../pages/validate.ts';
import { TableWrap } from '../admin/components/TableWrap.tsx';
import { StaffLayout } from '../components/StaffLayout.tsx';
import type { StaffPageContext } from '../context.ts';
import { STAFF_CHANNELS } from '../registration/form.ts';
import type { Period, SpotValues } from './form.ts';

export interface SpotRecordsPageProps {
  ctx: StaffPageContext;
  s: RegistrationMessages['spot'];
  /** Null for those who may only look (an administrator). */
  form: { values: SpotValues; errors: FieldError[] } | null;
  period: Period;
  /** Null when the period had errors. */
  records: (SpotRecord & { recordedByName: string | null; complaintReference: string | null })[] | null;
  truncatedAt: number | null;
  done: boolean;
}

export function SpotRecordsPage({ ctx, s, form, period, records, truncatedAt, done }: SpotRecordsPageProps) {
  const { t } = ctx;
  const prefix = t.form.errorPrefix;
  const errors = [...(form?.errors ?? []), ...period.errors];
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  const categories = new Map(ctx.organisation.settings.categories.map((c) => [c.code, c.label[ctx.locale]]));
  const c = s.columns;
  return (
    <StaffLayout ctx={ctx} title={`${errors.length ? prefix : ''}${s.title}`} active="spotRecords" script>
      <Heading level={1}>{s.title}</Heading>
      {errors.length > 0 && <ErrorSummary heading={t.form.errorSummaryHeading} errors={errors} />}
      {done && errors.length === 0 && <StatusMessage message={s.done} />}
      <Paragraph>{s.intro}</Paragraph>

      {form ? (
        <section className="vp-section" aria-labelledby="record-heading">
          <Heading level={2} id="record-heading">
            {s.formHeading}
          </Heading>
          <form method="post" action="/staff/spot-records" noValidate>
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <div className="vp-filters">
              <TextField
                name="receivedAt"
                type="datetime-local"
                label={s.receivedAt.label}
                hint={s.receivedAt.hint}
                value={form.values.receivedAt}
                error={errorOf('receivedAt')}
                errorPrefix={prefix}
                required
              />
              <SelectField
                name="channel"
                label={s.channel.label}
                value={form.values.channel}
                error={errorOf('channel')}
                errorPrefix={prefix}
                empty={s.channel.choose}
                options={STAFF_CHANNELS.map((channel) => ({ value: channel, label: t.channels[channel] }))}
              />
              <SelectField
                name="category"
                label={s.category.label}
                value={form.values.category}
                error={errorOf('category')}
                errorPrefix={prefix}
                empty={s.category.choose}
                options={[...categories].map(([value, label]) => ({ value, label }))}
              />
            </div>
            <TextField
              name="summary"
              label={s.summary.label}
              hint={s.summary.hint}
              value={form.values.summary}
              error={errorOf('summary')}
              errorPrefix={prefix}
              maxLength={300}
              required
            />
            <div className="vp-actions">
              <Button type="submit" appearance="primary-action-button">
                {s.submit}
              </Button>
            </div>
          </form>
        </section>
      ) : (
        <Paragraph>{s.viewOnly}</Paragraph>
      )}

      <section className="vp-section" aria-labelledby="records-heading">
        <Heading level={2} id="records-heading">
          {s.listHeading}
        </Heading>
        <search aria-labelledby="period-heading">
          <form method="get" action="/staff/spot-records" noValidate>
            <Heading level={3} id="period-heading">
              {s.period.heading}
            </Heading>
            <div className="vp-filters">
              <TextField
                name="from"
                type="date"
                label={s.period.from}
                hint={s.period.hint}
                value={period.values.from}
                error={errorOf('from')}
                errorPrefix={prefix}
                short
              />
              <TextField
                name="to"
                type="date"
                label={s.period.to}
                hint={s.period.hint}
                value={period.values.to}
                error={errorOf('to')}
                errorPrefix={prefix}
                short
              />
              <div className="vp-actions">
                <Button type="submit" appearance="secondary-action-button">
                  {s.period.show}
                </Button>
              </div>
            </div>
          </form>
        </search>
        {records && (
          <>
            <Paragraph className="vp-muted">
              {s.period.shown(formatDate(t, period.from), formatDate(t, period.to), records.length)}
            </Paragraph>
            {form && <Paragraph>{s.convertHint}</Paragraph>}
            {records.length === 0 ? (
              <Paragraph>{s.none}</Paragraph>
            ) : (
              <TableWrap labelledBy="records-caption">
                <table className="utrecht-table">
                  <caption className="utrecht-table__caption vp-visually-hidden" id="records-caption">
                    {s.listHeading}
                  </caption>
                  <thead className="utrecht-table__header">
                    <tr className="utrecht-table__row">
                      {[c.when, c.channel, c.category, c.summary, c.recordedBy, c.complaint].map((h) => (
                        <th key={h} scope="col" className="utrecht-table__header-cell">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="utrecht-table__body">
                    {records.map((record) => {
                      const when = formatDateTime(t, record.receivedAt);
                      return (
                        <tr key={record.id} className="utrecht-table__row">
                          <td className="utrecht-table__cell">{when}</td>
                          <td className="utrecht-table__cell">
                            {t.channels[record.channel as keyof typeof t.channels] ?? record.channel}
                          </td>
                          <td className="utrecht-table__cell">
                            {record.category ? (categories.get(record.category) ?? record.category) : '–'}
                          </td>
                          <td className="utrecht-table__cell vp-about">{record.summary}</td>
                          <td className="utrecht-table__cell">{record.recordedByName ?? '–'}</td>
                          <td className="utrecht-table__cell vp-row-actions">
                            {record.complaintReference ? (
                              <Link href={`/staff/complaints/${record.complaintReference}`}>
                                {record.complaintReference}
                              </Link>
                            ) : form ? (
                              <form
                                method="post"
                                action={`/staff/spot-records/${encodeURIComponent(record.id)}/convert`}
                              >
                                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                                <Button type="submit" appearance="secondary-action-button">
                                  {s.convert}
                                  <span className="vp-visually-hidden">{` ${s.convertOf(when)}`}</span>
                                </Button>
                              </form>
                            ) : (
                              s.notConverted
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableWrap>
            )}
            {truncatedAt && <Paragraph className="vp-muted">{s.period.truncated(truncatedAt)}</Paragraph>}
          </>
        )}
      </section>
    </StaffLayout>
  );
}
