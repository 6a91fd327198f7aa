/**
 * The outcomes section (judgement, corrective measures and satisfaction, the survey, appeals) and the
 * prevention section (preventive measures and recurrence). Pure.
 */
import { CORRECTIVE_KINDS } from '../facts.ts';
import { percent } from '../figures.ts';
import {
  type BuildContext,
  countCell,
  countsTable,
  derivedCell,
  labelFor,
  withPrevious,
  yearKey,
} from './cells.ts';
import type { Block, Row, Section, Table } from './types.ts';

const JUDGEMENTS = ['well_founded', 'partly_well_founded', 'unfounded', ''];
const REACTIONS = ['satisfied', 'not_satisfied', 'no_answer'] as const;

export function outcomesSection(ctx: BuildContext): Section {
  const { t, report } = ctx;
  const { current, previous } = report;
  const prev = previous?.figures;
  const o = current.outcomes;

  const reactionRow = (
    key: string,
    label: string,
    counts: Record<string, number>,
    previousPercent: number | null | undefined,
    previousBasis: number[],
  ): Row => {
    const [satisfied, notSatisfied, noAnswer] = REACTIONS.map((r) => counts[r] ?? 0) as [
      number,
      number,
      number,
    ];
    return {
      key,
      label,
      cells: {
        satisfied: countCell(satisfied),
        notSatisfied: countCell(notSatisfied),
        noAnswer: countCell(noAnswer),
        offers: countCell(satisfied + notSatisfied + noAnswer),
        percent: derivedCell(percent(satisfied, satisfied + notSatisfied), [satisfied, notSatisfied]),
        ...(prev ? { previousPercent: derivedCell(previousPercent ?? null, previousBasis) } : {}),
      },
    };
  };
  const prevReactions = (counts: Record<string, number> | undefined) => [
    counts?.satisfied ?? 0,
    counts?.not_satisfied ?? 0,
  ];

  const blocks: Block[] = [
    countsTable(ctx, {
      id: 'judgement',
      caption: t.tables.judgement,
      labelHeading: t.columns.judgement,
      keys: JUDGEMENTS,
      label: (j) => t.judgements[j] ?? j,
      years: withPrevious(ctx, (f) => f.outcomes.judgement),
    }),
    {
      type: 'table',
      id: 'offers',
      caption: t.tables.offers,
      labelHeading: t.columns.moment,
      columns: [
        { key: 'satisfied', label: t.columns.satisfied, kind: 'count' },
        { key: 'notSatisfied', label: t.columns.notSatisfied, kind: 'count' },
        { key: 'noAnswer', label: t.columns.noAnswer, kind: 'count' },
        { key: 'offers', label: t.columns.owed, kind: 'count' },
        {
          key: 'percent',
          label: t.columns.percentSatisfiedYear(current.year),
          kind: 'percent',
          dependsOn: ['satisfied', 'notSatisfied'],
        },
        ...(prev
          ? [
              {
                key: 'previousPercent',
                label: t.columns.percentSatisfiedYear(prev.year),
                kind: 'percent' as const,
              },
            ]
          : []),
      ],
      rows: [
        reactionRow(
          'first',
          t.moments.first,
          o.firstOfferReaction,
          prev?.outcomes.percentSatisfiedFirstOffer,
          prevReactions(prev?.outcomes.firstOfferReaction),
        ),
        reactionRow(
          'new-offer',
          t.moments.newOffer,
          o.newOfferReaction,
          prev?.outcomes.percentSatisfiedNewOffer,
          prevReactions(prev?.outcomes.newOfferReaction),
        ),
      ],
      sumsAcross: [{ parts: ['satisfied', 'notSatisfied', 'noAnswer'], total: 'offers' }],
      chart: { kind: 'stacked', series: ['satisfied', 'notSatisfied', 'noAnswer'] },
    },
    {
      type: 'table',
      id: 'measure-kinds',
      caption: t.tables.measureKinds,
      labelHeading: t.columns.kind,
      columns: [
        { key: 'offered', label: t.columns.offered, kind: 'count' },
        { key: 'satisfied', label: t.columns.satisfiedAtLast, kind: 'count' },
        {
          key: 'percent',
          label: t.columns.percentSatisfied,
          kind: 'percent',
          dependsOn: ['offered', 'satisfied'],
        },
      ],
      rows: CORRECTIVE_KINDS.map((kind) => {
        const k = o.measureKinds[kind] ?? { offered: 0, satisfied: 0 };
        return {
          key: kind,
          label: labelFor(kind, t.measureKinds, ctx),
          cells: {
            offered: countCell(k.offered),
            satisfied: countCell(k.satisfied),
            percent: derivedCell(percent(k.satisfied, k.offered), [k.satisfied, k.offered - k.satisfied]),
          },
        };
      }),
      nested: [{ part: 'satisfied', whole: 'offered' }],
      chart: { kind: 'bars', series: ['offered', 'satisfied'] },
    },
    measuresTable(ctx, 'agreed-measures', t.tables.agreedMeasures, (f) => {
      const a = f.outcomes.agreedMeasures;
      return { count: a.count, done: a.done, doneOnTime: a.doneOnTime };
    }),
    countsTable(ctx, {
      id: 'survey',
      caption: t.tables.survey,
      labelHeading: t.columns.answer,
      keys: ['yes', 'partly', 'no', ''],
      label: (a) => t.surveyHandledWell[a] ?? a,
      years: withPrevious(ctx, (f) => ({
        ...f.outcomes.survey.handledWell,
        '': f.outcomes.survey.invited - f.outcomes.survey.answered,
      })),
    }),
    countsTable(ctx, {
      id: 'survey-on-time',
      caption: t.tables.surveyOnTime,
      labelHeading: t.columns.answer,
      keys: ['yes', 'no', 'unknown', ''],
      label: (a) => t.surveyOnTime[a] ?? a,
      years: withPrevious(ctx, (f) => ({
        ...f.outcomes.survey.onTime,
        '': f.outcomes.survey.invited - f.outcomes.survey.answered,
      })),
      chart: false,
    }),
    escalationsTable(ctx),
  ];
  return { id: 'outcomes', title: t.sections.outcomes, blocks };
}

/** Appeals per body: a complaint may go to more than one, so the rows do not add up to a total. */
function escalationsTable(ctx: BuildContext): Table {
  const { t, report } = ctx;
  const years = withPrevious(ctx, (f) => f.outcomes.escalations.byRoute);
  const escalated = withPrevious(ctx, (f) => ({ all: f.outcomes.escalations.complaints }));
  const routes = report.labels.order.routes;
  const rows: Row[] = routes.map((route) => ({
    key: route,
    label: labelFor(route, report.labels.routes, ctx),
    cells: Object.fromEntries(years.map((y) => [yearKey(y.year), countCell(y.counts[route])])),
  }));
  rows.push({
    key: 'escalated',
    label: t.figures.escalated,
    isTotal: true,
    cells: Object.fromEntries(escalated.map((y) => [yearKey(y.year), countCell(y.counts.all)])),
  });
  return {
    type: 'table',
    id: 'escalations',
    caption: t.tables.escalations,
    labelHeading: t.columns.route,
    columns: years.map((y) => ({ key: yearKey(y.year), label: String(y.year), kind: 'count' })),
    rows,
  };
}

/** Measures per year: done on time, done late, not done, adding up to the measures agreed or decided. */
function measuresTable(
  ctx: BuildContext,
  id: string,
  caption: string,
  pick: (f: BuildContext['report']['current']) => {
    count: number;
    done: number;
    doneOnTime: number;
    evaluated?: number;
    effective?: number;
  },
): Table {
  const { t } = ctx;
  const years = withPrevious(ctx, () => ({}));
  const withEffect = id === 'preventive-measures';
  const rows: Row[] = years.map(({ year }) => {
    const f = year === ctx.report.current.year ? ctx.report.current : ctx.report.previous!.figures;
    const m = pick(f);
    const evaluated = m.evaluated ?? 0;
    const effective = m.effective ?? 0;
    return {
      key: yearKey(year),
      label: String(year),
      cells: {
        doneOnTime: countCell(m.doneOnTime),
        doneLate: countCell(m.done - m.doneOnTime),
        notDone: countCell(m.count - m.done),
        ...(withEffect
          ? {
              effective: countCell(effective),
              notEffective: countCell(evaluated - effective),
              notEvaluated: countCell(m.count - evaluated),
            }
          : {}),
        total: countCell(m.count),
      },
    };
  });
  return {
    type: 'table',
    id,
    caption,
    labelHeading: t.columns.yearHeading,
    columns: [
      { key: 'doneOnTime', label: t.columns.doneOnTime, kind: 'count' },
      { key: 'doneLate', label: t.columns.doneLate, kind: 'count' },
      { key: 'notDone', label: t.columns.notDone, kind: 'count' },
      ...(withEffect
        ? [
            { key: 'effective', label: t.columns.effective, kind: 'count' as const },
            { key: 'notEffective', label: t.columns.notEffective, kind: 'count' as const },
            { key: 'notEvaluated', label: t.columns.notEvaluated, kind: 'count' as const },
          ]
        : []),
      { key: 'total', label: t.columns.owed, kind: 'count' },
    ],
    rows,
    sumsAcross: [
      { parts: ['doneOnTime', 'doneLate', 'notDone'], total: 'total' },
      ...(withEffect ? [{ parts: ['effective', 'notEffective', 'notEvaluated'], total: 'total' }] : []),
    ],
  };
}

export function preventionSection(ctx: BuildContext): Section {
  const { t, report } = ctx;
  const blocks: Block[] = [
    countsTable(ctx, {
      id: 'prevention-decisions',
      caption: t.tables.preventionDecisions,
      labelHeading: t.columns.decision,
      keys: ['measures', 'none_possible', ''],
      label: (d) => t.preventionDecisions[d] ?? d,
      years: withPrevious(ctx, (f) => ({
        measures: f.prevention.decidedMeasures,
        none_possible: f.prevention.noneArePossible,
        '': f.volume.total - f.prevention.decidedMeasures - f.prevention.noneArePossible,
      })),
    }),
    measuresTable(ctx, 'preventive-measures', t.tables.preventiveMeasures, (f) => ({
      count: f.prevention.measures,
      done: f.prevention.done,
      doneOnTime: f.prevention.doneOnTime,
      evaluated: f.prevention.evaluated,
      effective: f.prevention.effective,
    })),
  ];
  if (report.recurrence.length > 0) {
    blocks.push({
      type: 'table',
      id: 'recurrence',
      caption: t.tables.recurrence,
      labelHeading: t.columns.category,
      columns: [
        { key: 'measureDoneOn', label: t.columns.measureDoneOn, kind: 'date' },
        { key: 'before', label: t.columns.before, kind: 'count' },
        { key: 'perMonthBefore', label: t.columns.perMonthBefore, kind: 'rate', dependsOn: ['before'] },
        { key: 'after', label: t.columns.after, kind: 'count' },
        { key: 'perMonthAfter', label: t.columns.perMonthAfter, kind: 'rate', dependsOn: ['after'] },
        { key: 'recurred', label: t.columns.recurred, kind: 'text' },
        { key: 'verdict', label: t.columns.verdict, kind: 'verdict' },
        { key: 'pValue', label: t.columns.pValue, kind: 'pvalue', internalOnly: true },
      ],
      rows: report.recurrence.map((r) => {
        const perMonth = (count: number, days: number) =>
          days > 0 ? Math.round((count / days) * 30.4375 * 10) / 10 : null;
        return {
          key: r.category,
          label: labelFor(r.category, report.labels.categories, ctx),
          cells: {
            measureDoneOn: { value: r.measureDoneOn },
            before: countCell(r.before.count),
            perMonthBefore: derivedCell(perMonth(r.before.count, r.before.days), [r.before.count]),
            after: countCell(r.after.count),
            perMonthAfter: derivedCell(perMonth(r.after.count, r.after.days), [r.after.count]),
            recurred: { value: r.recurred ? t.yes : t.no },
            verdict: { value: r.verdict },
            pValue: { value: r.adjustedP },
          },
        };
      }),
    });
  }
  return { id: 'prevention', title: t.sections.prevention, blocks };
}
