/**
 * The annual analysis for the quality manager (/staff/analysis/<year>): a year and version chooser, downloads,
 * the report (key figures, every table with its chart, the trends with their verdicts in words) and the
 * judgement: the conclusions and actions per question of step 8, saved as a draft, then adopted after a
 * confirmation. Works without JavaScript.
 */
import { Button, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import type { ReportDocument, ReportVersion } from '../../../analysis/document/types.ts';
import { QUESTIONS } from '../../../analysis/judgement.ts';
import type { AnnualAnalysis } from '../../../db/repositories/annual-analyses.ts';
import type { AnalysisMessages } from '../../../i18n/staff/analysis.ts';
import { ErrorSummary } from '../../pages/components/ErrorSummary.tsx';
import { RadioGroup } from '../../pages/components/RadioGroup.tsx';
import { SelectField } from '../../pages/components/SelectField.tsx';
import { StatusMessage } from '../../pages/components/StatusMessage.tsx';
import { TextareaField } from '../../pages/components/TextareaField.tsx';
import { formatDateTime } from '../../pages/dates.ts';
import type { FieldError } from '../../pages/validate.ts';
import { StaffLayout } from '../components/StaffLayout.tsx';
import type { StaffPageContext } from '../context.ts';
import { type ConclusionValues, fieldName } from './form.ts';
import { ReportSections } from './ReportView.tsx';

export interface AnalysisPageProps {
  ctx: StaffPageContext;
  a: AnalysisMessages;
  year: number;
  years: number[];
  version: ReportVersion;
  document: ReportDocument;
  charts: ReadonlyMap<string, string>;
  analysis: AnnualAnalysis;
  /** The quality manager may record the judgement (administrators read it). */
  mayJudge: boolean;
  /** The year is over, so it can be adopted. */
  yearOver: boolean;
  /** What the form shows: the saved conclusions, or what was typed when it came back with errors. */
  values: ConclusionValues;
  errors: FieldError[];
  done: 'saved' | 'adopted' | null;
}

export function AnalysisPage(props: AnalysisPageProps) {
  const { ctx, a, year, years, version, document, charts, analysis, errors } = props;
  const { t } = ctx;
  const p = a.page;
  const query = `version=${version}&lang=${ctx.locale}`;
  const title = `${errors.length ? t.form.errorPrefix : ''}${p.heading(year)}`;
  return (
    <StaffLayout ctx={ctx} title={title} active="analysis">
      <Heading level={1}>{p.heading(year)}</Heading>
      {errors.length > 0 && (
        <ErrorSummary heading={t.form.errorSummaryHeading} errors={errors} intro={p.wholeForm} />
      )}
      {props.done === 'saved' && errors.length === 0 && <StatusMessage message={p.saved} />}
      {props.done === 'adopted' && <StatusMessage message={p.adoptedNotice(year)} />}
      <Paragraph>{p.intro}</Paragraph>

      <section className="vp-section" aria-labelledby="choose-heading">
        <Heading level={2} id="choose-heading">
          {p.chooseHeading}
        </Heading>
        <form method="get" action="/staff/analysis" noValidate>
          <div className="vp-filters">
            <SelectField
              name="year"
              label={p.chooseYear}
              value={String(year)}
              errorPrefix={t.form.errorPrefix}
              empty={p.chooseYear}
              options={years.map((y) => ({ value: String(y), label: String(y) }))}
            />
            <RadioGroup
              name="version"
              legend={p.chooseVersion}
              value={version}
              errorPrefix={t.form.errorPrefix}
              options={[
                { value: 'internal', label: a.versions.internal },
                { value: 'publishable', label: a.versions.publishable, hint: p.versionHint },
              ]}
            />
            <div className="vp-actions">
              <Button type="submit" appearance="secondary-action-button">
                {p.show}
              </Button>
            </div>
          </div>
        </form>
      </section>

      <section className="vp-section" aria-labelledby="downloads-heading">
        <Heading level={2} id="downloads-heading">
          {p.downloads}
        </Heading>
        <ul className="vp-inline-list">
          <li>
            <Link href={`/staff/analysis/${year}.pdf?${query}`}>{p.downloadPdf(year)}</Link>
          </li>
          <li>
            <Link href={`/staff/analysis/${year}.csv?${query}`}>{p.downloadCsv(year)}</Link>
          </li>
          <li>
            <Link href={`/staff/analysis/${year}.xlsx?${query}`}>{p.downloadXlsx(year)}</Link>
          </li>
        </ul>
        <Paragraph className="vp-muted">{p.downloadHint[version]}</Paragraph>
      </section>

      <div className="vp-panel" role="note" aria-label={a.versions[version]}>
        <Paragraph className="vp-report-subtitle">{document.subtitle}</Paragraph>
        {document.notes.map((note) => (
          <Paragraph key={note}>{note}</Paragraph>
        ))}
      </div>

      <ReportSections
        document={document}
        charts={charts}
        {...(version === 'internal' && props.mayJudge && !analysis.adoption
          ? { replace: { id: 'judgement', node: <JudgementForm {...props} /> } }
          : {})}
      />
      {version === 'internal' && !props.mayJudge && !analysis.adoption && (
        <Paragraph>{p.onlyQualityManager}</Paragraph>
      )}
    </StaffLayout>
  );
}

/** The three questions of step 8, each with conclusions and actions; save, or adopt (after a confirmation). */
function JudgementForm({ ctx, a, year, analysis, values, errors, yearOver }: AnalysisPageProps) {
  const { t } = ctx;
  const p = a.page;
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  return (
    <form method="post" action={`/staff/analysis/${year}/conclusions`} noValidate>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <input type="hidden" name="version" value={String(analysis.version)} />
      <Paragraph>{p.judgementIntro}</Paragraph>
      {analysis.updatedAt && (
        <Paragraph className="vp-muted">
          {p.lastSaved(formatDateTime(t, analysis.updatedAt), analysis.version)}
        </Paragraph>
      )}
      {QUESTIONS.map((question) => (
        <fieldset key={question} className="vp-fieldset">
          <legend className="vp-legend">{a.questions[question].title}</legend>
          <Paragraph className="vp-muted">{a.questions[question].hint}</Paragraph>
          <TextareaField
            name={fieldName(question, 'conclusions')}
            label={p.conclusionsLabel}
            hint={p.conclusionsHint}
            value={values[question].conclusions}
            error={errorOf(fieldName(question, 'conclusions'))}
            errorPrefix={t.form.errorPrefix}
            maxLength={5000}
            rows={4}
          />
          <TextareaField
            name={fieldName(question, 'actions')}
            label={p.actionsLabel}
            hint={p.actionsHint}
            value={values[question].actions}
            error={errorOf(fieldName(question, 'actions'))}
            errorPrefix={t.form.errorPrefix}
            maxLength={5000}
            rows={3}
          />
        </fieldset>
      ))}
      <div className="vp-button-row">
        <Button type="submit" appearance="primary-action-button">
          {p.save}
        </Button>
        {yearOver ? (
          <Button
            type="submit"
            appearance="secondary-action-button"
            formAction={`/staff/analysis/${year}/adopt`}
          >
            {p.adopt}
          </Button>
        ) : (
          <Paragraph className="vp-muted">{p.adoptNotYet(year)}</Paragraph>
        )}
      </div>
    </form>
  );
}
