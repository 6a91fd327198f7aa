/**
 * The complaints of a year for the row-per-complaint export, in pages (keyset, newest first, like the staff
 * list), so that a year of 100 000 complaints never sits in memory at once.
 */
import type { DbExecutor } from '../../db/database.ts';
import { listComplaints } from '../../db/repositories/complaints.ts';
import type { Complaint } from '../../domain/complaint.ts';
import { amsterdamMonthStarts } from '../dates.ts';

export async function* complaintsOfYear(
  db: DbExecutor,
  year: number,
  pageSize = 500,
): AsyncGenerator<Complaint[]> {
  const starts = amsterdamMonthStarts(year);
  let cursor: string | null = null;
  do {
    const page = await listComplaints(
      db,
      { receivedFrom: starts[0], receivedTo: starts[12] },
      { limit: pageSize, cursor },
    );
    if (page.items.length) yield page.items;
    cursor = page.next;
  } while (cursor);
}
