/**
 * The confirmation before adopting (POST /staff/analysis/<year>/adopt shows it; the conclusions are saved as a
 * draft already): what adopting means, the conclusions that will be frozen, and a button that does it.
 */
import { Button, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { type Conclusions, QUESTIONS } from '../../../analysis/judgement.ts';
import type { AnalysisMessages } from '../../../i18n/staff/analysis.ts';
import { StaffLayout } from '../components/StaffLayout.tsx';
import type { StaffPageContext } from '../context.ts';

export interface ConfirmAdoptPageProps {
  ctx: StaffPageContext;
  a: AnalysisMessages;
  year: number;
  /** The version of the saved conclusions: adopting is refused when someone saved others in between. */
  version: number;
  conclusions: Conclusions;
}

export function ConfirmAdoptPage({ ctx, a, year, version, conclusions }: ConfirmAdoptPageProps) {
  const p = a.page;
  return (
    <StaffLayout ctx={ctx} title={p.confirmTitle(year)} active="analysis">
      <Heading level={1}>{p.confirmTitle(year)}</Heading>
      <Paragraph>{p.confirmText}</Paragraph>
      {QUESTIONS.map((question) => (
        <section key={question} className="vp-panel" aria-labelledby={`confirm-${question}`}>
          <Heading level={2} id={`confirm-${question}`}>
            {a.questions[question].title}
          </Heading>
          <Paragraph className="vp-text">{`${a.conclusions}: ${conclusions[question].conclusions}`}</Paragraph>
          <Paragraph className="vp-text">{`${a.actions}: ${conclusions[question].actions || a.none}`}</Paragraph>
        </section>
      ))}
      <form method="post" action={`/staff/analysis/${year}/adopt/confirm`} className="vp-button-row">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <input type="hidden" name="version" value={String(version)} />
        <Button type="submit" appearance="primary-action-button">
          {p.confirm}
        </Button>
        <Link href={`/staff/analysis/${year}`}>{p.cancel}</Link>
      </form>
    </StaffLayout>
  );
}
