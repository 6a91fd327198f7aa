/**
 * Steps 3 to 5 of the form: the short summary and the acknowledgement, the offers to be heard, the hearings
 * and contact moments with their reports, the summarised reactions of the involved people with the version
 * each agreed to (and their comments), and the judgement.
 */
import { Link, Paragraph, TableBody, TableCell, TableRow } from '@utrecht/component-library-react';
import { hasOpenHearingRequest, isReactionAgreed, type Reaction } from '../../../../../domain/complaint.ts';
import { actionSlug } from '../../../../pages/follow-up-actions.ts';
import { type CaseViewProps, casePath } from '../case-view.ts';
import { Facts, Muted, Section, SubHeading, TableBox, TableHead, Text, when } from '../ui.tsx';

export function SummaryAndAcknowledgement({ ctx, t, c }: CaseViewProps) {
  return (
    <Section id="summary" title={t.summary.heading}>
      <Facts
        t={t}
        rows={[
          [t.summary.summary, c.summary],
          [t.summary.acknowledgedAt, when(ctx, c.acknowledgedAt)],
        ]}
      />
    </Section>
  );
}

export function Hearings({ ctx, t, c }: CaseViewProps) {
  const h = t.hearing;
  return (
    <Section id="hearings" title={h.heading}>
      {hasOpenHearingRequest(c) && <Paragraph>{h.openRequest}</Paragraph>}
      {c.hearingOffers.length === 0 ? (
        <Muted>{h.noOffers}</Muted>
      ) : (
        <TableBox id="hearing-offers" caption={h.offers}>
          <TableHead columns={[h.offeredAt, h.method, h.answer, h.answeredAt]} />
          <TableBody>
            {c.hearingOffers.map((offer) => (
              <TableRow key={offer.id}>
                <TableCell>{when(ctx, offer.offeredAt)}</TableCell>
                <TableCell>{t.contactMethods[offer.method]}</TableCell>
                <TableCell>{offer.answer ? h.answers[offer.answer] : h.noAnswer}</TableCell>
                <TableCell>{when(ctx, offer.answeredAt) ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </TableBox>
      )}
      <SubHeading>{h.hearings}</SubHeading>
      {c.hearings.length === 0 ? (
        <Muted>{h.noHearings}</Muted>
      ) : (
        <ul className="vp-record-list">
          {c.hearings.map((hearing) => (
            <li key={hearing.id}>
              <strong>{`${h.heldAt} ${when(ctx, hearing.heldAt)}`}</strong>
              <Paragraph>
                <Text>{hearing.report}</Text>
              </Paragraph>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** A summarised reaction: its version, its text, and whether (and how) that version was agreed to. */
export function ReactionText({
  ctx,
  t,
  reaction,
}: Pick<CaseViewProps, 'ctx' | 't'> & { reaction: Reaction }) {
  const r = t.reactions;
  return (
    <>
      <Paragraph>
        <strong>{r.version(reaction.summaryVersion)}</strong>
      </Paragraph>
      <Paragraph>
        <Text>{reaction.summary}</Text>
      </Paragraph>
      <Paragraph>
        {isReactionAgreed(reaction) && reaction.agreedAt
          ? r.agreed(reaction.summaryVersion, when(ctx, reaction.agreedAt) ?? '')
          : r.notAgreed}
        {reaction.agreementMethod && ` · ${r.agreedBy(reaction.agreementMethod)}`}
      </Paragraph>
    </>
  );
}

/** The involved person's comments on the summary of their reaction, oldest first. */
export function Comments({ ctx, t, comments }: Pick<CaseViewProps, 'ctx' | 't' | 'comments'>) {
  if (comments.length === 0) return null;
  return (
    <>
      <Paragraph>
        <strong>{t.reactions.comments}</strong>
      </Paragraph>
      <ul className="vp-record-list">
        {comments.map((e) => (
          <li key={e.seq}>
            {`${when(ctx, e.at)}: `}
            <Text>{e.note}</Text>
          </li>
        ))}
      </ul>
    </>
  );
}

export function Reactions(props: CaseViewProps) {
  const { ctx, t, c, offered, comments } = props;
  const r = t.reactions;
  return (
    <Section id="reactions" title={r.heading}>
      {c.involved.length === 0 && <Muted>{r.none}</Muted>}
      {c.involved.map((person) => {
        const reaction = c.reactions.find((x) => x.involvedPersonId === person.id);
        const own = comments.filter((e) => person.kind === 'user' && e.actorId === person.userId);
        return (
          <div key={person.id} className="vp-panel">
            <SubHeading>{r.of(person.name)}</SubHeading>
            {reaction ? (
              <ReactionText ctx={ctx} t={t} reaction={reaction} />
            ) : (
              <Muted>{r.missing(person.name)}</Muted>
            )}
            <Comments ctx={ctx} t={t} comments={own} />
            {offered.has('recordReaction') && (
              <Paragraph>
                <Link
                  href={casePath(
                    c.reference,
                    `/actions/${actionSlug('recordReaction')}?person=${encodeURIComponent(person.id)}`,
                  )}
                >
                  {`${ctx.t.actions.recordReaction}: ${person.name}`}
                </Link>
              </Paragraph>
            )}
          </div>
        );
      })}
    </Section>
  );
}

export function Decision({ ctx, t, c }: CaseViewProps) {
  const d = t.decision;
  const decision = c.decision;
  return (
    <Section id="decision" title={d.heading}>
      {decision ? (
        <Facts
          t={t}
          rows={[
            [d.judgement, d.judgements[decision.judgement]],
            [d.reasons, decision.reasons],
            [d.findings, decision.findings],
            [d.severity, d.severities[decision.severity]],
            [d.cause, decision.cause],
            [d.responsibleParty, decision.responsibleParty],
            [d.decidedAt, when(ctx, decision.decidedAt)],
            ...(decision.overrideReason ? ([[d.overrideReason, decision.overrideReason]] as const) : []),
          ]}
        />
      ) : (
        <Muted>{d.none}</Muted>
      )}
    </Section>
  );
}
