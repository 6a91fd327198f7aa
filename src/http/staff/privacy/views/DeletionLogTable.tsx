/** The deletion log as a table: when, which case, why, by whom, which categories of data, the request. */
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
import type { DeletionEntry } from '../../../../db/repositories/deletion-log.ts';
import { formatDateTime } from '../../../pages/dates.ts';
import { TableWrap } from '../../admin/components/TableWrap.tsx';
import type { PrivacyPageContext } from '../context.ts';

export function DeletionLogTable({
  ctx,
  entries,
  id,
  caption,
}: {
  ctx: PrivacyPageContext;
  entries: DeletionEntry[];
  id: string;
  caption: string;
}) {
  const { p, t } = ctx;
  if (entries.length === 0) return <Paragraph>{p.log.none}</Paragraph>;
  const c = p.log.columns;
  return (
    <TableWrap labelledBy={id}>
      <Table>
        <TableCaption id={id}>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{c.at}</TableHeaderCell>
            <TableHeaderCell scope="col">{c.reference}</TableHeaderCell>
            <TableHeaderCell scope="col">{c.reason}</TableHeaderCell>
            <TableHeaderCell scope="col">{c.by}</TableHeaderCell>
            <TableHeaderCell scope="col">{c.what}</TableHeaderCell>
            <TableHeaderCell scope="col">{c.request}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.id}>
              <TableCell>{formatDateTime(t, entry.at)}</TableCell>
              <TableCell>{entry.reference ?? p.log.noCase}</TableCell>
              <TableCell>{p.log.reasons[entry.reason]}</TableCell>
              <TableCell>{entry.actorLabel}</TableCell>
              <TableCell>
                {entry.categories
                  .map((category) => {
                    const n = entry.counts[category];
                    return n ? `${p.categories[category]} (${n})` : p.categories[category];
                  })
                  .join(', ')}
              </TableCell>
              <TableCell>{entry.requestReference ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableWrap>
  );
}
