/** The history of the settings: version, when, by whom, why, and what changed (values or sections). */
import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { AdminSettingsMessages } from '../../../../../i18n/staff/admin-settings.ts';
import { formatDateTime } from '../../../../pages/dates.ts';
import { TableWrap } from '../../components/TableWrap.tsx';
import type { AdminPageContext } from '../../context.ts';
import type { Change } from '../../settings/diff.ts';
import type { HistoryRow } from '../../settings/history.ts';

function ChangeLine({ change, s }: { change: Change; s: AdminSettingsMessages }) {
  const h = s.history;
  if (change.from === null)
    return (
      <>
        <code>{change.path}</code>
        {` + ${change.to} (${h.added})`}
      </>
    );
  if (change.to === null)
    return (
      <>
        <code>{change.path}</code>
        {` − ${change.from} (${h.removed})`}
      </>
    );
  return (
    <>
      <code>{change.path}</code>
      {`: ${change.from || h.empty} → ${change.to || h.empty}`}
    </>
  );
}

export function HistoryTable({
  ctx,
  s,
  rows,
  names,
  caption,
  showSections,
}: {
  ctx: AdminPageContext;
  s: AdminSettingsMessages;
  rows: HistoryRow[];
  /** User ids to names. */
  names: ReadonlyMap<string, string>;
  caption: string;
  /** Name the changed sections (the overall history) instead of each value. */
  showSections?: boolean;
}) {
  const h = s.history;
  if (rows.length <= 1 && !showSections) return <Paragraph>{h.none}</Paragraph>;
  return (
    <TableWrap labelledBy="history-caption">
      <Table>
        <TableCaption id="history-caption">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{h.columns.version}</TableHeaderCell>
            <TableHeaderCell scope="col">{h.columns.at}</TableHeaderCell>
            <TableHeaderCell scope="col">{h.columns.by}</TableHeaderCell>
            <TableHeaderCell scope="col">{h.columns.note}</TableHeaderCell>
            <TableHeaderCell scope="col">{showSections ? h.sections : h.columns.changes}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.version}>
              <TableHeaderCell scope="row">{String(row.version)}</TableHeaderCell>
              <TableCell>{formatDateTime(ctx.t, row.changedAt)}</TableCell>
              <TableCell>
                {row.changedBy ? (names.get(row.changedBy) ?? ctx.a.common.unknownUser) : ctx.a.common.system}
              </TableCell>
              <TableCell className="vp-break">{row.note ?? ''}</TableCell>
              <TableCell className="vp-break">
                {row.initial ? (
                  h.initial
                ) : showSections ? (
                  row.sections.map((section) => s.sections[section.name].title).join(', ')
                ) : (
                  <ul className="vp-changes">
                    {row.changes.map((change, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: changes have no identity of their own.
                      <li key={i}>
                        <ChangeLine change={change} s={s} />
                      </li>
                    ))}
                  </ul>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableWrap>
  );
}
