/**
 * The complaints of a data subject, after a search: the person's own (to choose from, for a download or for
 * erasure) and, apart, other people's complaints that mention them (never exported or erased here). One form:
 * its buttons download JSON, PDF or a ZIP, or erase the chosen complaints.
 */
import {
  Button,
  ButtonGroup,
  Checkbox,
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
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { FoundCase } from '../../../../commands/data-subject-requests.ts';
import { CheckboxField } from '../../../pages/components/CheckboxField.tsx';
import { ErrorSummary } from '../../../pages/components/ErrorSummary.tsx';
import { TextareaField } from '../../../pages/components/TextareaField.tsx';
import { formatInstantDate } from '../../../pages/dates.ts';
import type { FieldError } from '../../../pages/validate.ts';
import { StaffLayout } from '../../components/StaffLayout.tsx';
import type { PrivacyPageContext } from '../context.ts';
import type { SearchValues } from '../overview-data.ts';

export interface ActValues {
  chosen: string[];
  openCaseReason: string;
  confirm: boolean;
}

interface Props {
  ctx: PrivacyPageContext;
  search: SearchValues;
  found: FoundCase[];
  act: ActValues;
  errors: FieldError[];
}

export function PrivacyResultsPage({ ctx, search, found, act, errors }: Props) {
  const { p, t } = ctx;
  const r = p.results;
  const c = r.columns;
  const prefix = t.form.errorPrefix;
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const own = found.filter((item) => item.matchedAs === 'reporter');
  const mentioned = found.filter((item) => item.matchedAs === 'mentioned');
  const by = p.request.byOptions[search.by as keyof typeof p.request.byOptions] ?? search.by;
  // Field errors link to their field; a refusal about the cases themselves (a legal hold) is said above them.
  const linked = errors.filter((e) => e.field !== 'legalHold');
  const general = errors.find((e) => e.field === 'legalHold')?.message;
  const date = (iso: string | null, fallback: string) => (iso ? formatInstantDate(t, iso) : fallback);
  return (
    <StaffLayout ctx={ctx} title={errors.length ? `${prefix}${r.title}` : r.title} active="admin">
      {errors.length > 0 && (
        <ErrorSummary heading={t.form.errorSummaryHeading} errors={linked} intro={general} />
      )}
      <Heading level={1}>{r.title}</Heading>
      <Paragraph>{r.searchedFor(by.toLowerCase(), search.value)}</Paragraph>
      <Paragraph>
        <Link href="/staff/admin/privacy">{r.backToSearch}</Link>
      </Paragraph>

      {own.length === 0 ? (
        <Paragraph>{r.none}</Paragraph>
      ) : (
        <form method="post" action="/staff/admin/privacy/act" noValidate>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <input type="hidden" name="by" value={search.by} />
          <input type="hidden" name="value" value={search.value} />
          <input type="hidden" name="requestReference" value={search.requestReference} />
          <Heading level={2}>{r.own}</Heading>
          {errorOf('cases') && (
            <p className="utrecht-form-field-error-message" id="field-cases-error">
              {`${prefix}${errorOf('cases')}`}
            </p>
          )}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1). */}
          <section className="vp-table-wrap" id="field-cases" aria-labelledby="cases-caption" tabIndex={0}>
            <Table>
              <TableCaption id="cases-caption">{r.caption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{c.choose}</TableHeaderCell>
                  <TableHeaderCell scope="col">{c.reference}</TableHeaderCell>
                  <TableHeaderCell scope="col">{c.reporter}</TableHeaderCell>
                  <TableHeaderCell scope="col">{c.status}</TableHeaderCell>
                  <TableHeaderCell scope="col">{c.received}</TableHeaderCell>
                  <TableHeaderCell scope="col">{c.ended}</TableHeaderCell>
                  <TableHeaderCell scope="col">{c.anonymiseOn}</TableHeaderCell>
                  <TableHeaderCell scope="col">{c.legalHold}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {own.map((item) => (
                  <TableRow key={item.id}>
                    <TableCell>
                      <Checkbox
                        id={`case-${item.reference}`}
                        name={`case:${item.reference}`}
                        value="yes"
                        defaultChecked={act.chosen.includes(item.reference)}
                        appearance="custom"
                        aria-label={r.choose(item.reference)}
                        aria-describedby={errorOf('cases') ? 'field-cases-error' : undefined}
                      />
                    </TableCell>
                    <TableCell>
                      <Link href={`/staff/admin/privacy/cases/${item.reference}`}>{item.reference}</Link>
                    </TableCell>
                    <TableCell>
                      {[item.reporterName, item.reporterEmail].filter(Boolean).join(', ')}
                    </TableCell>
                    <TableCell>{t.statuses[item.status]}</TableCell>
                    <TableCell>{date(item.receivedAt, '')}</TableCell>
                    <TableCell>{date(item.endedAt, r.open)}</TableCell>
                    <TableCell>{date(item.anonymisationDueAt, '')}</TableCell>
                    <TableCell>{item.legalHold ? r.yes : r.no}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </section>

          <section className="vp-section" aria-labelledby="export-heading">
            <Heading level={3} id="export-heading">
              {r.exportHeading}
            </Heading>
            <Paragraph>{r.exportText}</Paragraph>
            <ButtonGroup>
              <Button type="submit" name="do" value="export-json" appearance="secondary-action-button">
                {r.exportJson}
              </Button>
              <Button type="submit" name="do" value="export-pdf" appearance="secondary-action-button">
                {r.exportPdf}
              </Button>
              <Button type="submit" name="do" value="export-zip" appearance="secondary-action-button">
                {r.exportZip}
              </Button>
            </ButtonGroup>
          </section>

          <section className="vp-section" aria-labelledby="erase-heading">
            <Heading level={3} id="erase-heading">
              {r.eraseHeading}
            </Heading>
            <Paragraph>{r.eraseText}</Paragraph>
            <TextareaField
              name="openCaseReason"
              label={r.openCaseReason}
              hint={r.openCaseReasonHint}
              value={act.openCaseReason}
              error={errorOf('openCaseReason')}
              errorPrefix={prefix}
              maxLength={2000}
              rows={3}
            />
            <CheckboxField
              name="confirm"
              label={r.confirm}
              checked={act.confirm}
              error={errorOf('confirm')}
              errorPrefix={prefix}
            />
            <Button type="submit" name="do" value="erase" appearance="secondary-action-button" hint="danger">
              {r.erase}
            </Button>
          </section>
        </form>
      )}

      {mentioned.length > 0 && (
        <section className="vp-section" aria-labelledby="mentioned-heading">
          <Heading level={2} id="mentioned-heading">
            {r.mentioned}
          </Heading>
          <Paragraph>{r.mentionedText}</Paragraph>
          <UnorderedList>
            {mentioned.map((item) => (
              <UnorderedListItem
                key={item.id}
              >{`${item.reference} (${t.statuses[item.status]})`}</UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      )}
    </StaffLayout>
  );
}
