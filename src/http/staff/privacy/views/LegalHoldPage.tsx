/**
 * /staff/admin/privacy/cases/<reference>: a case's legal hold (quality managers and administrators). Shows
 * no personal data: the case's state, when it ended and when retention anonymises it, the hold in force with
 * a form to lift it (or a form to set one), earlier holds, and the case's entries in the deletion log.
 */
import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
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
import type { LegalHoldState } from '../../../../commands/legal-hold.ts';
import type { DeletionEntry } from '../../../../db/repositories/deletion-log.ts';
import type { ComplaintStatus } from '../../../../domain/lifecycle.ts';
import { ErrorSummary } from '../../../pages/components/ErrorSummary.tsx';
import { StatusMessage } from '../../../pages/components/StatusMessage.tsx';
import { TextareaField } from '../../../pages/components/TextareaField.tsx';
import { formatDateTime, formatInstantDate } from '../../../pages/dates.ts';
import type { FieldError } from '../../../pages/validate.ts';
import { TableWrap } from '../../admin/components/TableWrap.tsx';
import { StaffLayout } from '../../components/StaffLayout.tsx';
import type { PrivacyPageContext } from '../context.ts';
import { DeletionLogTable } from './DeletionLogTable.tsx';

export interface HoldItem {
  reference: string;
  status: ComplaintStatus;
  endedAt: string | null;
  anonymiseOn: string | null;
  state: LegalHoldState;
  deletions: DeletionEntry[];
}

interface Props {
  ctx: PrivacyPageContext;
  /** null: no valid reference was given (the page then shows only the error). */
  item: HoldItem | null;
  done?: 'hold-set' | 'hold-lifted' | undefined;
  errors: FieldError[];
  /** Why the form did nothing (someone else set or lifted the hold meanwhile). */
  formMessage?: string | undefined;
  reason: string;
}

export function LegalHoldPage({ ctx, item, done, errors, formMessage, reason }: Props) {
  const { p, t } = ctx;
  const h = p.hold;
  const prefix = t.form.errorPrefix;
  const title = item ? h.title(item.reference) : p.holds.heading;
  const isAdmin = ctx.user?.roles.includes('administrator') ?? false;
  const failed = errors.length > 0 || formMessage !== undefined;
  return (
    <StaffLayout
      ctx={ctx}
      title={failed ? `${prefix}${title}` : title}
      active={isAdmin ? 'admin' : undefined}
    >
      {failed && <ErrorSummary heading={t.form.errorSummaryHeading} errors={errors} intro={formMessage} />}
      <Heading level={1}>{title}</Heading>
      {done && <StatusMessage message={done === 'hold-set' ? p.done.holdSet : p.done.holdLifted} />}
      {item && (
        <HoldDetails
          ctx={ctx}
          item={item}
          reason={reason}
          error={errors.find((e) => e.field === 'reason')?.message}
        />
      )}
      {isAdmin && (
        <Paragraph>
          <Link href="/staff/admin/privacy">{h.back}</Link>
        </Paragraph>
      )}
    </StaffLayout>
  );
}

function HoldDetails({
  ctx,
  item,
  reason,
  error,
}: {
  ctx: PrivacyPageContext;
  item: HoldItem;
  reason: string;
  error: string | undefined;
}) {
  const { p, t } = ctx;
  const h = p.hold;
  const active = item.state.active;
  const anonymised = item.deletions[0];
  const earlier = item.state.holds.filter((hold) => hold.liftedAt !== null);
  return (
    <>
      <section className="vp-section" aria-labelledby="facts-heading">
        <Heading level={2} id="facts-heading">
          {h.facts}
        </Heading>
        <DataList className="vp-facts">
          <DataListItem>
            <DataListKey>{h.status}</DataListKey>
            <DataListValue>{t.statuses[item.status]}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{h.ended}</DataListKey>
            <DataListValue>{item.endedAt ? formatInstantDate(t, item.endedAt) : h.notEnded}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{anonymised ? h.anonymised : h.anonymiseOn}</DataListKey>
            <DataListValue>
              {anonymised
                ? formatInstantDate(t, anonymised.at)
                : item.anonymiseOn
                  ? formatInstantDate(t, item.anonymiseOn)
                  : h.notYet}
            </DataListValue>
          </DataListItem>
        </DataList>
      </section>

      <section className="vp-section" aria-labelledby="hold-heading">
        <Heading level={2} id="hold-heading">
          {active ? h.liftHeading : h.setHeading}
        </Heading>
        {active ? (
          <>
            <Paragraph>{h.heldNow(formatDateTime(t, active.setAt), active.setByLabel)}</Paragraph>
            <Paragraph>{h.reasonIs(active.reason)}</Paragraph>
          </>
        ) : (
          <Paragraph>{h.notHeld}</Paragraph>
        )}
        <form method="post" action={`/staff/admin/privacy/cases/${item.reference}/legal-hold`} noValidate>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <input type="hidden" name="action" value={active ? 'lift' : 'set'} />
          <TextareaField
            name="reason"
            label={h.reason}
            hint={h.reasonHint}
            value={reason}
            error={error}
            errorPrefix={t.form.errorPrefix}
            maxLength={2000}
            rows={3}
          />
          <Button type="submit" appearance={active ? 'secondary-action-button' : 'primary-action-button'}>
            {active ? h.lift : h.set}
          </Button>
        </form>
      </section>

      {earlier.length > 0 && (
        <section className="vp-section" aria-labelledby="earlier-heading">
          <Heading level={2} id="earlier-heading">
            {h.history}
          </Heading>
          <TableWrap labelledBy="earlier-caption">
            <Table>
              <TableCaption id="earlier-caption">{h.historyCaption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{h.columns.set}</TableHeaderCell>
                  <TableHeaderCell scope="col">{h.columns.by}</TableHeaderCell>
                  <TableHeaderCell scope="col">{h.columns.reason}</TableHeaderCell>
                  <TableHeaderCell scope="col">{h.columns.lifted}</TableHeaderCell>
                  <TableHeaderCell scope="col">{h.columns.liftReason}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {earlier.map((hold) => (
                  <TableRow key={hold.id}>
                    <TableCell>{formatDateTime(t, hold.setAt)}</TableCell>
                    <TableCell>{hold.setByLabel}</TableCell>
                    <TableCell>{hold.reason}</TableCell>
                    <TableCell>{`${formatDateTime(t, hold.liftedAt!)}, ${hold.liftedByLabel ?? ''}`}</TableCell>
                    <TableCell>{hold.liftReason ?? ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableWrap>
        </section>
      )}

      {item.deletions.length > 0 && (
        <section className="vp-section" aria-labelledby="deletions-heading">
          <Heading level={2} id="deletions-heading">
            {h.deletions}
          </Heading>
          <DeletionLogTable ctx={ctx} entries={item.deletions} id="deletions-caption" caption={h.deletions} />
        </section>
      )}
    </>
  );
}
