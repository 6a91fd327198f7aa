/** What the privacy overview shows besides its forms: what retention would do now, holds in force, the log. */
import { type RetentionReport, runRetention } from '../../../commands/retention.ts';
import { type DeletionEntry, listDeletionLog } from '../../../db/repositories/deletion-log.ts';
import { type LegalHold, listActiveHolds } from '../../../db/repositories/privacy.ts';
import type { AppDeps } from '../../app.ts';

export interface SearchValues {
  by: string;
  value: string;
  requestReference: string;
}

export interface OverviewData {
  /** A dry run of retention as of now. */
  preview: RetentionReport;
  holds: (LegalHold & { reference: string })[];
  log: DeletionEntry[];
}

export async function overviewData(deps: AppDeps): Promise<OverviewData> {
  return {
    preview: await runRetention({ db: deps.db, now: deps.now(), dryRun: true }),
    holds: await listActiveHolds(deps.db.kysely),
    log: await listDeletionLog(deps.db.kysely, { limit: 50 }),
  };
}
