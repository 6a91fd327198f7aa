/**
 * The report document of a year in one language and version, from the report model. Pure. The publishable
 * version is the internal one passed through publish(): personal data never enters either (the model holds
 * counts and codes only), and publish() leaves out the free text (the conclusions), the adopter's name and the
 * p-values, and hides small counts.
 */
import type { Language } from '../../domain/complaint.ts';
import { analysisMessages } from '../../i18n/staff/analysis.ts';
import { type Conclusions, QUESTIONS } from '../judgement.ts';
import type { AnnualReport } from '../report.ts';
import { type BuildContext, countCell, derivedCell } from './cells.ts';
import { formatDate } from './format.ts';
import { outcomesSection, preventionSection } from './outcomes.ts';
import { publish } from './publish.ts';
import { timelinessSection } from './timeliness.ts';
import { trendsSection } from './trends.ts';
import type { FigureItem, ReportDocument, ReportVersion, Section } from './types.ts';
import { volumeSection } from './volume.ts';

export interface DocumentOptions {
  language: Language;
  version: ReportVersion;
  /** The quality manager's conclusions (internal version only). */
  conclusions?: Conclusions | null;
  adoption?: { at: string; byName: string } | null;
}

export function buildReportDocument(report: AnnualReport, options: DocumentOptions): ReportDocument {
  const t = analysisMessages[options.language];
  const ctx: BuildContext = { report, t, language: options.language };
  const previous = report.previous;
  const adoption = options.adoption ?? null;
  const notes = [
    t.versionNotes[options.version],
    adoption
      ? t.adopted(
          formatDate(adoption.at.slice(0, 10), options.language),
          options.version === 'internal' ? adoption.byName : null,
        )
      : t.draft,
    ...(previous ? [t.comparedWith(previous.figures.year, previous.source === 'adopted')] : []),
  ];
  const document: ReportDocument = {
    year: report.year,
    version: 'internal',
    language: options.language,
    title: t.title(report.year),
    subtitle: t.subtitle(report.labels.organisation, formatDate(report.asOf, options.language)),
    notes,
    sections: [
      summarySection(ctx),
      volumeSection(ctx),
      timelinessSection(ctx),
      outcomesSection(ctx),
      preventionSection(ctx),
      trendsSection(ctx),
      judgementSection(ctx, options.conclusions ?? null),
      {
        id: 'definitions',
        title: t.sections.definitions,
        blocks: [{ type: 'text', id: 'definitions', paragraphs: [...t.definitions] }],
      },
    ],
  };
  return options.version === 'publishable' ? publish(document) : document;
}

function summarySection(ctx: BuildContext): Section {
  const { t, report } = ctx;
  const { current: c, previous } = report;
  const p = previous?.figures;
  const count = (key: string, label: string, value: number, previousValue?: number): FigureItem => ({
    key,
    label,
    kind: 'count',
    cell: countCell(value),
    ...(p && previousValue !== undefined
      ? { detail: { label: String(p.year), kind: 'count', cell: countCell(previousValue) } }
      : {}),
  });
  const share = (
    key: string,
    label: string,
    value: number | null,
    basis: number[],
    previousValue?: number | null,
    previousBasis: number[] = [],
  ): FigureItem => ({
    key,
    label,
    kind: 'percent',
    cell: derivedCell(value, basis),
    ...(p && previousValue !== undefined
      ? {
          detail: { label: String(p.year), kind: 'percent', cell: derivedCell(previousValue, previousBasis) },
        }
      : {}),
  });
  const term = (f: typeof c.timeliness.acknowledge) => [f.onTime, f.decided, f.late + f.overdue];
  const satisfaction = (counts: Record<string, number>) => [counts.satisfied ?? 0, counts.not_satisfied ?? 0];
  return {
    id: 'summary',
    title: t.sections.summary,
    blocks: [
      {
        type: 'figures',
        id: 'summary',
        items: [
          count('total', t.figures.total, c.volume.total, p?.volume.total),
          count('spot', t.figures.spot, c.volume.spot.total, p?.volume.spot.total),
          count('spot-converted', t.figures.spotConverted, c.volume.spot.converted, p?.volume.spot.converted),
          count('not-taken-up', t.figures.notTakenUp, c.volume.notTakenUp, p?.volume.notTakenUp),
          count('withdrawn', t.figures.withdrawn, c.volume.withdrawn, p?.volume.withdrawn),
          count('anonymous', t.figures.anonymous, c.volume.anonymous, p?.volume.anonymous),
          count('reopened', t.figures.reopened, c.volume.reopened, p?.volume.reopened),
          share(
            'acknowledged-on-time',
            t.figures.acknowledgedOnTime,
            c.timeliness.acknowledge.percentOnTime,
            term(c.timeliness.acknowledge),
            p?.timeliness.acknowledge.percentOnTime,
            p ? term(p.timeliness.acknowledge) : [],
          ),
          share(
            'resolved-on-time',
            t.figures.resolvedOnTime,
            c.timeliness.resolve.percentOnTime,
            term(c.timeliness.resolve),
            p?.timeliness.resolve.percentOnTime,
            p ? term(p.timeliness.resolve) : [],
          ),
          share(
            'reported-on-time',
            t.figures.reportedOnTime,
            c.timeliness.report.percentOnTime,
            term(c.timeliness.report),
            p?.timeliness.report.percentOnTime,
            p ? term(p.timeliness.report) : [],
          ),
          share(
            'satisfied-first-offer',
            t.figures.satisfiedFirstOffer,
            c.outcomes.percentSatisfiedFirstOffer,
            satisfaction(c.outcomes.firstOfferReaction),
            p?.outcomes.percentSatisfiedFirstOffer,
            p ? satisfaction(p.outcomes.firstOfferReaction) : [],
          ),
          count(
            'escalated',
            t.figures.escalated,
            c.outcomes.escalations.complaints,
            p?.outcomes.escalations.complaints,
          ),
          count(
            'preventive-measures',
            t.figures.preventiveMeasures,
            c.prevention.measures,
            p?.prevention.measures,
          ),
        ],
      },
    ],
  };
}

function judgementSection(ctx: BuildContext, conclusions: Conclusions | null): Section {
  const { t } = ctx;
  return {
    id: 'judgement',
    title: t.sections.judgement,
    blocks: QUESTIONS.map((question) => {
      const answer = conclusions?.[question];
      const paragraphs =
        answer && (answer.conclusions || answer.actions)
          ? [`${t.conclusions}: ${answer.conclusions || t.none}`, `${t.actions}: ${answer.actions || t.none}`]
          : [t.noConclusions];
      return { type: 'text', id: `judgement-${question}`, heading: t.questions[question].title, paragraphs };
    }),
  };
}
