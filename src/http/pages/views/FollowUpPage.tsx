/**
 * The reporter's follow-up page, opened with the private link: the state in plain words, deadlines, the
 * handler, what was added, a form for each action allowed now, and the appeal routes.
 */
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Layout } from '../components/Layout.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { formatInstantDate } from '../dates.ts';
import { ActionForms, type ActionFormsProps } from './follow-up/ActionForms.tsx';
import { AppealRoutes } from './follow-up/AppealRoutes.tsx';
import { Progress } from './follow-up/Progress.tsx';

export interface FollowUpPageProps extends ActionFormsProps {
  /** The success message of the action just taken. */
  done?: string | undefined;
  /** A message for the whole page (e.g. the action is no longer possible). */
  problem?: string | undefined;
}

export function FollowUpPage({ state, limits, done, problem }: FollowUpPageProps) {
  const { ctx, view, errors } = state;
  const { t, settings } = ctx;
  const f = t.followUp;
  const hasErrors = errors.length > 0 || Boolean(problem);
  const title = `${hasErrors ? t.form.errorTitlePrefix : ''}${f.htmlTitle({ reference: view.reference, organisation: settings.name })}`;
  return (
    <Layout ctx={ctx} title={title}>
      <Heading level={1}>{f.title(view.reference)}</Heading>
      {hasErrors && <ErrorSummary heading={f.errors.summaryHeading} errors={errors} intro={problem} />}
      {done && <StatusMessage message={done} />}
      <Progress ctx={ctx} view={view} token={state.token} />
      <ActionForms state={state} limits={limits} />
      <AppealRoutes ctx={ctx} view={view} />
      {view.linkExpiresAt && <Paragraph>{f.linkExpires(formatInstantDate(t, view.linkExpiresAt))}</Paragraph>}
    </Layout>
  );
}
