/**
 * GET /staff/complaints/<reference>: the improvement form as one document, with its deadlines, the actions
 * this user may take now, letters, attachments and the timeline. An involved person sees only their own part
 * (presenters.ts decides what that is), with their reaction to agree to or comment on.
 */
import { Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { ErrorSummary } from '../../../pages/components/ErrorSummary.tsx';
import { StatusMessage } from '../../../pages/components/StatusMessage.tsx';
import { StaffLayout } from '../../components/StaffLayout.tsx';
import type { CaseViewProps } from './case-view.ts';
import { ActionsPanel } from './sections/ActionsPanel.tsx';
import { Deadlines } from './sections/Deadlines.tsx';
import { Attachments, FollowUpLink, Letters } from './sections/Files.tsx';
import { FormBasics } from './sections/FormBasics.tsx';
import { Decision, Hearings, Reactions, SummaryAndAcknowledgement } from './sections/Handling.tsx';
import { AccessLog, Timeline } from './sections/History.tsx';
import {
  AgreedMeasures,
  Escalations,
  Offers,
  Prevention,
  ReopeningsAndClosing,
  ReporterInput,
  Resolution,
} from './sections/Outcome.tsx';
import { type CommentFormState, OwnReaction } from './sections/OwnReaction.tsx';
import { Handler, People } from './sections/People.tsx';

export interface CasePageProps extends CaseViewProps {
  /** What was just done, and which letters went out. */
  status?: string[] | undefined;
  /** A renewed follow-up link, shown this once. */
  newFollowUpUrl?: string | null | undefined;
  comment?: CommentFormState | undefined;
}

const FULL_CONTENTS = [
  'deadlines',
  'actions',
  'receipt',
  'reporter',
  'trajectory',
  'event',
  'people',
  'handler',
  'summary',
  'hearings',
  'reactions',
  'decision',
  'offers',
  'agreed-measures',
  'resolution',
  'prevention',
  'escalations',
  'closing',
  'reporter-input',
  'attachments',
  'letters',
  'follow-up-link',
  'timeline',
] as const;

export function CasePage(props: CasePageProps) {
  const { ctx, t, c, kase } = props;
  const full = kase.view === 'full';
  const title = t.page.title(c.reference);
  return (
    <StaffLayout ctx={ctx} title={title}>
      <Paragraph className="vp-muted">
        <Link href="/staff">{t.page.toDashboard}</Link>
      </Paragraph>
      <Heading level={1}>{title}</Heading>
      <Paragraph>
        {`${t.page.lead} · ${t.page.status}: `}
        <strong className="vp-case-status">{ctx.t.statuses[c.status]}</strong>
        {c.summary && full && ` · ${c.summary.split('\n')[0]}`}
      </Paragraph>
      {props.comment && props.comment.errors.length > 0 && (
        <ErrorSummary heading={ctx.t.form.errorSummaryHeading} errors={props.comment.errors} />
      )}
      {props.status && props.status.length > 0 && <StatusMessage message={props.status.join(' ')} />}
      {props.newFollowUpUrl && (
        <div className="vp-panel" role="status">
          <Paragraph>{t.followUpLink.newLink}</Paragraph>
          <Paragraph>
            <code className="vp-hash">{props.newFollowUpUrl}</code>
          </Paragraph>
        </div>
      )}
      {!full && <Paragraph>{t.page.involvedIntro}</Paragraph>}
      {!full && c.involved.some((p) => p.kind === 'user' && p.reporterContactShared) && (
        <Paragraph>{t.page.contactShared}</Paragraph>
      )}
      {full && (
        <nav aria-label={t.page.contents} className="vp-case-contents">
          <ul className="vp-inline-list">
            {FULL_CONTENTS.map((id) => (
              <li key={id}>
                <a href={`#${id}`}>{sectionTitle(props, id)}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <Deadlines ctx={ctx} t={t} c={c} />
      <ActionsPanel ctx={ctx} t={t} c={c} offered={props.offered} />
      <FormBasics {...props} />
      {full && <People {...props} />}
      <Handler {...props} />
      <SummaryAndAcknowledgement {...props} />
      {full ? (
        <>
          <Hearings {...props} />
          <Reactions {...props} />
        </>
      ) : (
        <OwnReaction {...props} comment={props.comment} />
      )}
      <Decision {...props} />
      {full && (
        <>
          <Offers {...props} />
          <AgreedMeasures {...props} />
          <Resolution {...props} />
          <Prevention {...props} />
          <Escalations {...props} />
          <ReopeningsAndClosing {...props} />
          <ReporterInput {...props} />
          <Attachments {...props} />
          <Letters {...props} />
          <FollowUpLink {...props} />
          <Timeline {...props} />
          <AccessLog {...props} />
        </>
      )}
    </StaffLayout>
  );
}

function sectionTitle({ t }: CaseViewProps, id: (typeof FULL_CONTENTS)[number]): string {
  const titles: Record<(typeof FULL_CONTENTS)[number], string> = {
    deadlines: t.deadlines.heading,
    actions: t.actions.heading,
    receipt: t.receipt.heading,
    reporter: t.reporter.heading,
    trajectory: t.trajectory.heading,
    event: t.event.heading,
    people: t.people.heading,
    handler: t.handler.heading,
    summary: t.summary.heading,
    hearings: t.hearing.heading,
    reactions: t.reactions.heading,
    decision: t.decision.heading,
    offers: t.offers.heading,
    'agreed-measures': t.agreedMeasures.heading,
    resolution: t.resolution.heading,
    prevention: t.prevention.heading,
    escalations: t.escalations.heading,
    closing: t.closing.heading,
    'reporter-input': t.reporterInput.heading,
    attachments: t.attachments.heading,
    letters: t.letters.heading,
    'follow-up-link': t.followUpLink.heading,
    timeline: t.timeline.heading,
  };
  return titles[id];
}
