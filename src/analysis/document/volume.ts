/** The volume section: complaints per month, channel, category, reporter, commissioning party, team; not
 * taken up and withdrawn; and the complaints resolved on the spot beside the formal ones. Pure. */
import { CHANNELS, REPORTER_ROLES } from '../../domain/complaint.ts';
import { COMPLAINT_STATUSES } from '../../domain/lifecycle.ts';
import { COMMISSIONING_PARTY_TYPES } from '../../domain/settings.ts';
import { type BuildContext, countsTable, labelFor, withPrevious } from './cells.ts';
import { formatDate } from './format.ts';
import type { Section, Table } from './types.ts';

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1));

export function volumeSection(ctx: BuildContext): Section {
  const { t, report } = ctx;
  const { labels, current } = report;
  const blocks: Table[] = [
    countsTable(ctx, {
      id: 'by-month',
      caption: t.tables.byMonth,
      labelHeading: t.columns.month,
      keys: MONTHS,
      label: (m) => t.months[Number(m) - 1] ?? m,
      years: withPrevious(ctx, (f) => f.volume.byMonth),
      chart: { vertical: true },
    }),
    countsTable(ctx, {
      id: 'by-channel',
      caption: t.tables.byChannel,
      labelHeading: t.columns.channel,
      keys: CHANNELS,
      label: (c) => labelFor(c, t.channels, ctx),
      years: withPrevious(ctx, (f) => f.volume.byChannel),
    }),
    countsTable(ctx, {
      id: 'by-category',
      caption: t.tables.byCategory,
      labelHeading: t.columns.category,
      keys: labels.order.categories,
      label: (c) => labelFor(c, labels.categories, ctx),
      years: withPrevious(ctx, (f) => f.volume.byCategory),
    }),
    countsTable(ctx, {
      id: 'by-role',
      caption: t.tables.byRole,
      labelHeading: t.columns.role,
      keys: REPORTER_ROLES,
      label: (c) => labelFor(c, t.roles, ctx),
      years: withPrevious(ctx, (f) => f.volume.byRole),
    }),
    countsTable(ctx, {
      id: 'by-commissioning-party',
      caption: t.tables.byCommissioningParty,
      labelHeading: t.columns.party,
      keys: COMMISSIONING_PARTY_TYPES,
      label: (c) => labelFor(c, t.parties, ctx),
      years: withPrevious(ctx, (f) => f.volume.byCommissioningParty),
    }),
  ];
  // Per team or location only where the organisation works with teams (configured, or recorded on complaints).
  const teamsRecorded = Object.keys(current.volume.byTeam).some((k) => k !== '');
  if (labels.order.teams.length > 0 || teamsRecorded) {
    blocks.push(
      countsTable(ctx, {
        id: 'by-team',
        caption: t.tables.byTeam,
        labelHeading: t.columns.team,
        keys: labels.order.teams,
        label: (c) => labelFor(c, labels.teams, ctx),
        years: withPrevious(ctx, (f) => f.volume.byTeam),
      }),
    );
  }
  blocks.push(
    countsTable(ctx, {
      id: 'not-taken-up',
      caption: t.tables.notTakenUp,
      labelHeading: t.columns.ground,
      keys: labels.order.grounds,
      label: (c) => labelFor(c, labels.grounds, ctx),
      years: withPrevious(ctx, (f) => f.volume.notTakenUpByGround),
      chart: false,
    }),
    countsTable(ctx, {
      id: 'by-status',
      caption: t.tables.byStatus(formatDate(report.asOf, ctx.language)),
      labelHeading: t.columns.status,
      keys: COMPLAINT_STATUSES,
      label: (c) => labelFor(c, t.statuses, ctx),
      years: [{ year: current.year, counts: current.volume.byStatus }],
      chart: false,
      onlyNonZero: true,
    }),
    countsTable(ctx, {
      id: 'spot-by-channel',
      caption: t.tables.spotByChannel,
      labelHeading: t.columns.channel,
      keys: CHANNELS,
      label: (c) => labelFor(c, t.channels, ctx),
      years: withPrevious(ctx, (f) => f.volume.spot.byChannel),
      chart: false,
    }),
    countsTable(ctx, {
      id: 'spot-by-category',
      caption: t.tables.spotByCategory,
      labelHeading: t.columns.category,
      keys: labels.order.categories,
      label: (c) => labelFor(c, labels.categories, ctx),
      years: withPrevious(ctx, (f) => f.volume.spot.byCategory),
      chart: false,
    }),
  );
  return { id: 'volume', title: t.sections.volume, blocks };
}
