/**
 * /staff/admin/audit: the audit log, newest first, filtered by who, action, about whom or what, and period
 * (a GET form: the filters are in the address, so a filtered view can be bookmarked), a page at a time.
 */
import {
  Button,
  ButtonGroup,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { AuditEntry } from '../../../../db/repositories/audit-log.ts';
import type { User } from '../../../../db/repositories/users.ts';
import { SelectField } from '../../../pages/components/SelectField.tsx';
import { TextField } from '../../../pages/components/TextField.tsx';
import { formatDateTime } from '../../../pages/dates.ts';
import type { FieldError } from '../../../pages/validate.ts';
import { AdminLayout } from '../components/AdminLayout.tsx';
import { errorAt, FormErrors } from '../components/FormErrors.tsx';
import { TableWrap } from '../components/TableWrap.tsx';
import type { AdminPageContext } from '../context.ts';

export interface AuditFilterValues {
  actor: string;
  action: string;
  target: string;
  from: string;
  to: string;
}

export interface AuditPageProps {
  ctx: AdminPageContext;
  filters: AuditFilterValues;
  errors: FieldError[];
  /** A message about the whole page (a page link that is no longer valid). */
  formMessage?: string | undefined;
  entries: AuditEntry[];
  users: User[];
  /** The address of the next (older) page, or null. */
  olderHref: string | null;
  /** The address of the first page, when this is a later one. */
  newestHref: string | null;
}

/** The facts as `key: value` in the order of the keys (PostgreSQL's jsonb keeps no order of its own). */
function details(entry: AuditEntry): string {
  return Object.keys(entry.details)
    .sort()
    .map((key) => {
      const value = entry.details[key];
      return `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`;
    })
    .join('; ');
}

export function AuditPage(props: AuditPageProps) {
  const { ctx, filters, errors, entries, users, olderHref, newestHref } = props;
  const { a, t } = ctx;
  const l = a.audit;
  const f = l.filters;
  const names = new Map(users.map((u) => [u.id, u.name]));
  const prefix = t.form.errorPrefix;
  return (
    <AdminLayout ctx={ctx} title={l.title} crumbs={[]} intro={l.intro}>
      <FormErrors
        heading={t.form.errorSummaryHeading}
        errors={errors}
        labels={{ actor: f.user, action: f.action, target: f.target, from: f.from, to: f.to }}
        intro={props.formMessage}
      />
      <form method="get" action="/staff/admin/audit" className="vp-audit-filters" aria-label={f.legend}>
        <div className="vp-filters">
          <SelectField
            name="actor"
            label={f.user}
            value={filters.actor}
            empty={f.anyone}
            errorPrefix={prefix}
            error={errorAt(errors, 'actor')}
            options={users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
          />
          <TextField
            name="action"
            label={f.action}
            hint={f.actionHint}
            value={filters.action}
            error={errorAt(errors, 'action')}
            errorPrefix={prefix}
            autoComplete="off"
            maxLength={64}
          />
          <TextField
            name="target"
            label={f.target}
            hint={f.targetHint}
            value={filters.target}
            error={errorAt(errors, 'target')}
            errorPrefix={prefix}
            autoComplete="off"
            maxLength={254}
          />
          <TextField
            name="from"
            type="date"
            label={f.from}
            value={filters.from}
            error={errorAt(errors, 'from')}
            errorPrefix={prefix}
          />
          <TextField
            name="to"
            type="date"
            label={f.to}
            value={filters.to}
            error={errorAt(errors, 'to')}
            errorPrefix={prefix}
          />
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {f.apply}
          </Button>
          <a href="/staff/admin/audit" className="vp-button-like">
            {f.reset}
          </a>
        </ButtonGroup>
      </form>
      {entries.length === 0 ? (
        <Paragraph>{l.none}</Paragraph>
      ) : (
        <TableWrap labelledBy="audit-caption">
          <Table>
            <TableCaption id="audit-caption">{l.caption}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{l.columns.at}</TableHeaderCell>
                <TableHeaderCell scope="col">{l.columns.who}</TableHeaderCell>
                <TableHeaderCell scope="col">{l.columns.action}</TableHeaderCell>
                <TableHeaderCell scope="col">{l.columns.target}</TableHeaderCell>
                <TableHeaderCell scope="col">{l.columns.details}</TableHeaderCell>
                <TableHeaderCell scope="col">{l.columns.ip}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {entries.map((entry) => (
                <TableRow key={entry.id}>
                  <TableCell className="vp-nowrap">{formatDateTime(t, entry.at)}</TableCell>
                  <TableCell>{entry.actorLabel}</TableCell>
                  <TableCell>
                    {l.actions[entry.action] ?? entry.action} <code className="vp-muted">{entry.action}</code>
                  </TableCell>
                  <TableCell className="vp-break">
                    {entry.targetType === 'user' && entry.targetId ? (
                      <a href={`/staff/admin/users/${entry.targetId}`}>
                        {names.get(entry.targetId) ?? entry.targetId}
                      </a>
                    ) : (
                      [entry.targetType, entry.targetId].filter(Boolean).join(' ')
                    )}
                  </TableCell>
                  <TableCell className="vp-break">
                    <code>{details(entry)}</code>
                  </TableCell>
                  <TableCell>{entry.ip ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
      )}
      {(olderHref || newestHref) && (
        <nav aria-label={l.caption} className="vp-pager">
          {newestHref && <a href={newestHref}>{l.newest}</a>}
          {olderHref && <a href={olderHref}>{l.older}</a>}
        </nav>
      )}
    </AdminLayout>
  );
}
