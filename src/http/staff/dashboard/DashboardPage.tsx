/**
 * The dashboard (GET /staff, "Overzicht"): counts of the open cases in view by traffic light and by status
 * (each a quick filter), the filter form (GET, so it works without JavaScript and links can be shared), the
 * cases with the nearest term first and a link to the next page, and the open measures the user owns.
 */
import { Button, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { DUE_STATES, OPEN_STATUSES, type OpenCounts } from '../../../db/repositories/dashboard.ts';
import type { DeadlineState } from '../../../domain/deadlines.ts';
import type { DashboardMessages } from '../../../i18n/staff/dashboard.ts';
import { CheckboxField } from '../../pages/components/CheckboxField.tsx';
import { ErrorSummary } from '../../pages/components/ErrorSummary.tsx';
import { SelectField } from '../../pages/components/SelectField.tsx';
import { TextField } from '../../pages/components/TextField.tsx';
import { formatDate, formatDateTime } from '../../pages/dates.ts';
import { TableWrap } from '../admin/components/TableWrap.tsx';
import { StaffLayout } from '../components/StaffLayout.tsx';
import type { StaffPageContext } from '../context.ts';
import { type DashboardQuery, dashboardHref, type FilterValues, hasFilters, NO_FILTERS } from './query.ts';
import type { CaseRow, MeasureRow } from './rows.ts';

export interface DashboardPageProps {
  ctx: StaffPageContext;
  d: DashboardMessages;
  query: DashboardQuery;
  /** The quality manager's and administrator's view: every open case (a "mine" filter narrows it). */
  seesAll: boolean;
  /** Null when the filters had errors and nothing was searched. */
  counts: OpenCounts | null;
  finished: boolean;
  rows: CaseRow[] | null;
  nextHref: string | null;
  firstHref: string | null;
  measures: MeasureRow[];
  measuresTruncated: number | null;
}

export const casePath = (reference: string) => `/staff/complaints/${encodeURIComponent(reference)}`;

export function Light({ state, label }: { state: DeadlineState; label: string }) {
  return <span className={`vp-light vp-light--${state}`}>{label}</span>;
}

export function DashboardPage(props: DashboardPageProps) {
  const { ctx, d, query } = props;
  const failed = query.errors.length > 0;
  return (
    <StaffLayout
      ctx={ctx}
      title={`${failed ? ctx.t.form.errorPrefix : ''}${d.title}`}
      active="dashboard"
      script
    >
      <Heading level={1}>{d.title}</Heading>
      {failed && (
        <ErrorSummary
          heading={ctx.t.form.errorSummaryHeading}
          errors={query.errors}
          intro={d.errors.noResults}
        />
      )}
      <Paragraph>{props.seesAll && !query.mine ? d.introAll : d.introWork}</Paragraph>
      {props.counts && <Counts {...props} counts={props.counts} />}
      <Filters {...props} />
      {props.rows && <Cases {...props} rows={props.rows} />}
      <Measures {...props} />
    </StaffLayout>
  );
}

/** Each count links to exactly the cases it counts (no other filter), marked when that is what is shown. */
function Counts({ ctx, d, query, seesAll, counts }: DashboardPageProps & { counts: OpenCounts }) {
  const shown = dashboardHref(query.values);
  const link = (change: Partial<FilterValues>, label: string, n: number) => {
    const href = dashboardHref(NO_FILTERS, change);
    return (
      <li key={label}>
        <a href={href} aria-current={href === shown ? 'true' : undefined}>
          {d.counts.link(label, n)}
        </a>
      </li>
    );
  };
  return (
    <section className="vp-section" aria-labelledby="counts-heading">
      <Heading level={2} id="counts-heading">
        {d.counts.heading}
      </Heading>
      <Paragraph className="vp-muted">
        {seesAll ? d.counts.countedAll(counts.total) : d.counts.countedWork(counts.total)}
      </Paragraph>
      <Heading level={3} id="counts-due">
        {d.counts.byDue}
      </Heading>
      <ul className="vp-counts" aria-labelledby="counts-due">
        {DUE_STATES.map((state) => link({ due: state }, d.dueStates[state], counts.byDue[state]))}
      </ul>
      <Heading level={3} id="counts-status">
        {d.counts.byStatus}
      </Heading>
      <ul className="vp-counts" aria-labelledby="counts-status">
        {OPEN_STATUSES.filter((status) => counts.byStatus[status]).map((status) =>
          link({ status }, ctx.t.statuses[status], counts.byStatus[status] ?? 0),
        )}
      </ul>
    </section>
  );
}

function Filters({ ctx, d, query, seesAll }: DashboardPageProps) {
  const f = d.filters;
  const v = query.values;
  const errorOf = (field: string) => query.errors.find((e) => e.field === field)?.message;
  const prefix = ctx.t.form.errorPrefix;
  const categories = ctx.organisation.settings.categories;
  return (
    <section className="vp-section" aria-labelledby="filters-heading">
      <Heading level={2} id="filters-heading">
        {f.heading}
      </Heading>
      <search aria-labelledby="filters-heading">
        <form method="get" action="/staff" noValidate>
          <TextField
            name="q"
            type="search"
            label={f.q}
            hint={f.qHint}
            value={v.q}
            error={errorOf('q')}
            errorPrefix={prefix}
            maxLength={200}
          />
          <div className="vp-filters">
            <SelectField
              name="status"
              label={f.status}
              value={v.status}
              error={errorOf('status')}
              errorPrefix={prefix}
              empty={f.statusOpen}
              options={[
                ...OPEN_STATUSES.map((status) => ({ value: status, label: ctx.t.statuses[status] })),
                { value: 'finished', label: f.statusFinished },
              ]}
            />
            <SelectField
              name="due"
              label={f.due}
              value={v.due}
              error={errorOf('due')}
              errorPrefix={prefix}
              empty={f.dueAll}
              options={DUE_STATES.map((state) => ({ value: state, label: d.dueStates[state] }))}
            />
            <SelectField
              name="channel"
              label={f.channel}
              value={v.channel}
              error={errorOf('channel')}
              errorPrefix={prefix}
              empty={f.channelAll}
              options={Object.entries(ctx.t.channels).map(([value, label]) => ({ value, label }))}
            />
            <SelectField
              name="category"
              label={f.category}
              value={v.category}
              error={errorOf('category')}
              errorPrefix={prefix}
              empty={f.categoryAll}
              options={categories.map((c) => ({ value: c.code, label: c.label[ctx.locale] }))}
            />
            <TextField
              name="from"
              type="date"
              label={f.from}
              hint={f.dateHint}
              value={v.from}
              error={errorOf('from')}
              errorPrefix={prefix}
              short
            />
            <TextField
              name="to"
              type="date"
              label={f.to}
              hint={f.dateHint}
              value={v.to}
              error={errorOf('to')}
              errorPrefix={prefix}
              short
            />
          </div>
          <div className="vp-filters">
            <CheckboxField
              name="unassigned"
              value="1"
              label={f.unassigned}
              checked={v.unassigned !== ''}
              errorPrefix={prefix}
            />
            {seesAll && (
              <CheckboxField
                name="mine"
                value="1"
                label={f.mine}
                checked={v.mine !== ''}
                errorPrefix={prefix}
              />
            )}
          </div>
          <div className="vp-actions">
            <Button type="submit" appearance="primary-action-button">
              {f.submit}
            </Button>
            {hasFilters(v) && <Link href="/staff">{f.clear}</Link>}
          </div>
        </form>
      </search>
    </section>
  );
}

function Cases({
  ctx,
  d,
  query,
  finished,
  rows,
  nextHref,
  firstHref,
  seesAll,
}: DashboardPageProps & { rows: CaseRow[] }) {
  const tt = d.table;
  const categories = new Map(ctx.organisation.settings.categories.map((c) => [c.code, c.label[ctx.locale]]));
  const caption = finished ? tt.captionFinished : tt.caption;
  return (
    <section className="vp-section" aria-labelledby="cases-heading">
      <Heading level={2} id="cases-heading">
        {caption}
      </Heading>
      <Paragraph className="vp-muted">
        {`${d.pagination.shown(rows.length)} ${finished ? tt.sortedByReceipt : tt.sortedByDue}`}
      </Paragraph>
      {rows.length === 0 ? (
        <Paragraph>{hasFilters(query.values) || !(!seesAll || query.mine) ? d.empty : d.emptyWork}</Paragraph>
      ) : (
        <TableWrap labelledBy="cases-caption">
          <table className="utrecht-table vp-cases">
            <caption className="utrecht-table__caption vp-visually-hidden" id="cases-caption">
              {`${caption}. ${tt.scrollHint}`}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {[
                  tt.reference,
                  tt.nextTerm,
                  tt.received,
                  tt.reporter,
                  tt.about,
                  tt.category,
                  tt.handler,
                  tt.myPart,
                ].map((h) => (
                  <th key={h} scope="col" className="utrecht-table__header-cell">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((row) => (
                <tr key={row.reference} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    <a href={casePath(row.reference)} className="vp-reference-link">
                      {row.reference}
                    </a>
                    <br />
                    <span className="vp-case-state">{ctx.t.statuses[row.status]}</span>
                  </th>
                  <td className="utrecht-table__cell">
                    <NextTerm ctx={ctx} d={d} row={row} />
                  </td>
                  <td className="utrecht-table__cell">
                    {formatDateTime(ctx.t, row.receivedAt)}
                    <br />
                    <span className="vp-muted">
                      {ctx.t.channels[row.channel as keyof typeof ctx.t.channels] ?? row.channel}
                    </span>
                  </td>
                  <td className="utrecht-table__cell">
                    {row.reporter === undefined ? (
                      <span className="vp-muted">{d.values.shielded}</span>
                    ) : (
                      (row.reporter ?? <span className="vp-muted">{d.values.anonymous}</span>)
                    )}
                  </td>
                  <td className="utrecht-table__cell vp-about">{row.about}</td>
                  <td className="utrecht-table__cell">
                    {row.category ? (categories.get(row.category) ?? row.category) : d.values.none}
                  </td>
                  <td className="utrecht-table__cell">
                    {row.handler ?? <span className="vp-muted">{d.values.noHandler}</span>}
                  </td>
                  <td className="utrecht-table__cell">
                    {row.parts.length ? row.parts.map((p) => d.parts[p]).join(', ') : d.values.none}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {(nextHref || firstHref) && (
        <nav aria-label={d.pagination.label}>
          <ul className="vp-inline-list">
            {firstHref && (
              <li>
                <Link href={firstHref}>{d.pagination.first}</Link>
              </li>
            )}
            {nextHref && (
              <li>
                <Link href={nextHref} rel="next">
                  {d.pagination.next}
                </Link>
              </li>
            )}
          </ul>
        </nav>
      )}
    </section>
  );
}

function NextTerm({ ctx, d, row }: { ctx: StaffPageContext; d: DashboardMessages; row: CaseRow }): ReactNode {
  const term = row.nextTerm;
  if (!term) return <span className="vp-muted">{d.values.noTerm}</span>;
  return (
    <>
      {`${ctx.t.deadlines[term.term]}: ${ctx.t.deadlines.due(formatDate(ctx.t, term.due))}`}
      <br />
      <Light state={term.state} label={ctx.t.deadlines.states[term.state]} />
      {term.extendedBecause && (
        <>
          <br />
          <span className="vp-muted">{d.values.extended(term.extendedBecause)}</span>
        </>
      )}
    </>
  );
}

function Measures({ ctx, d, measures, measuresTruncated }: DashboardPageProps) {
  const m = d.measures;
  return (
    <section className="vp-section" aria-labelledby="measures-heading">
      <Heading level={2} id="measures-heading">
        {m.heading}
      </Heading>
      <Paragraph>{m.intro}</Paragraph>
      {measures.length === 0 ? (
        <Paragraph className="vp-muted">{m.none}</Paragraph>
      ) : (
        <TableWrap labelledBy="measures-caption">
          <table className="utrecht-table">
            <caption className="utrecht-table__caption vp-visually-hidden" id="measures-caption">
              {m.heading}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {[m.measure, m.due, m.kind, m.complaint, m.handler].map((h) => (
                  <th key={h} scope="col" className="utrecht-table__header-cell">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {measures.map((row, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is rendered once, never reordered.
                <tr key={index} className="utrecht-table__row">
                  <td className="utrecht-table__cell vp-about">{row.description}</td>
                  <td className="utrecht-table__cell">
                    {formatDate(ctx.t, row.due)}
                    <br />
                    <Light state={row.state} label={ctx.t.deadlines.states[row.state]} />
                  </td>
                  <td className="utrecht-table__cell">{m.kinds[row.kind]}</td>
                  <td className="utrecht-table__cell">
                    {row.mayOpen ? <a href={casePath(row.reference)}>{row.reference}</a> : row.reference}
                  </td>
                  <td className="utrecht-table__cell">{row.handler ?? d.values.noHandler}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {measuresTruncated && <Paragraph className="vp-muted">{m.truncated(measuresTruncated)}</Paragraph>}
    </section>
  );
}
