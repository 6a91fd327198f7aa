/**
 * Steps 5 to 9 of the form: the offers with their measures and the reporter's reaction and satisfaction, the
 * choices after a rejection, the agreed measures until done, the written confirmation or findings, not
 * taking up, withdrawal, the final report, prevention, appeals, reopenings, closing, and what the reporter
 * added and answered.
 */
import { Link, Paragraph, TableBody, TableCell, TableRow } from '@utrecht/component-library-react';
import { actionSlug } from '../../../../pages/follow-up-actions.ts';
import { type CaseViewProps, casePath, nameOf } from '../case-view.ts';
import {
  ActionButton,
  day,
  Facts,
  Muted,
  Section,
  SubHeading,
  TableBox,
  TableHead,
  Text,
  when,
} from '../ui.tsx';

export function Offers({ ctx, t, c }: CaseViewProps) {
  const o = t.offers;
  return (
    <Section id="offers" title={o.heading}>
      {c.offers.length === 0 && <Muted>{o.none}</Muted>}
      {c.offers.map((offer, index) => (
        <div key={offer.id} className="vp-panel">
          <SubHeading>{o.offer(index + 1)}</SubHeading>
          <Facts
            t={t}
            rows={[
              [o.madeAt, when(ctx, offer.madeAt)],
              [o.method, t.contactMethods[offer.method]],
              ...(offer.phoneSkippedReason
                ? ([[o.phoneSkippedReason, offer.phoneSkippedReason]] as const)
                : []),
              [
                o.measures,
                offer.measures.map((m) => `${t.correctiveKinds[m.kind]}: ${m.description}`).join('\n'),
              ],
              [
                o.satisfied,
                offer.satisfied === null ? o.waiting : offer.satisfied ? o.satisfiedYes : o.satisfiedNo,
              ],
              [o.reaction, offer.reaction],
              [o.respondedAt, when(ctx, offer.respondedAt)],
            ]}
          />
        </div>
      ))}
      {c.afterRejection.length > 0 && (
        <>
          <SubHeading>{o.afterRejection}</SubHeading>
          <ul className="vp-record-list">
            {c.afterRejection.map((choice) => (
              <li key={choice.at}>
                {`${when(ctx, choice.at)}: ${o.choices[choice.choice]}`}
                {choice.reason && (
                  <>
                    {' – '}
                    <Text>{choice.reason}</Text>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

export function AgreedMeasures(props: CaseViewProps) {
  const { ctx, t, c, offered } = props;
  const a = t.agreedMeasures;
  return (
    <Section id="agreed-measures" title={a.heading}>
      {c.agreedMeasures.length === 0 ? (
        <Muted>{a.none}</Muted>
      ) : (
        <TableBox id="agreed-measures-table" caption={a.caption}>
          <TableHead columns={[a.kind, a.description, a.owner, a.due, a.done]} />
          <TableBody>
            {c.agreedMeasures.map((m) => (
              <TableRow key={m.id}>
                <TableCell>{t.correctiveKinds[m.kind]}</TableCell>
                <TableCell className="vp-text">{m.description}</TableCell>
                <TableCell>{nameOf(props, m.ownerUserId)}</TableCell>
                <TableCell>{day(ctx, m.dueDate)}</TableCell>
                <TableCell>
                  {m.doneAt ? (
                    when(ctx, m.doneAt)
                  ) : offered.has('completeAgreedMeasure') ? (
                    <ActionButton
                      ctx={ctx}
                      href={casePath(c.reference, `/actions/${actionSlug('completeAgreedMeasure')}`)}
                      version={c.version}
                      fields={{ measureId: m.id }}
                      label={a.complete}
                      hiddenLabel={m.description}
                    />
                  ) : (
                    a.notDone
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </TableBox>
      )}
    </Section>
  );
}

export function Resolution({ ctx, t, c }: CaseViewProps) {
  const r = t.resolution;
  const ground = c.notTakenUp
    ? (ctx.organisation.settings.nonAdmissionGrounds.find((g) => g.code === c.notTakenUp?.ground)?.label[
        ctx.locale
      ] ?? c.notTakenUp.ground)
    : null;
  return (
    <Section id="resolution" title={r.heading}>
      <Facts
        t={t}
        rows={[
          [r.writtenConfirmationSentAt, when(ctx, c.writtenConfirmationSentAt)],
          [r.findingsSentAt, when(ctx, c.findingsSentAt)],
          [r.resolvedAt, when(ctx, c.resolvedAt)],
          [r.finalReportSentAt, when(ctx, c.finalReportSentAt)],
        ]}
      />
      {c.notTakenUp && (
        <>
          <SubHeading>{r.notTakenUp}</SubHeading>
          <Facts
            t={t}
            rows={[
              [r.ground, ground],
              [r.motivation, c.notTakenUp.motivation],
              [r.at, when(ctx, c.notTakenUp.at)],
            ]}
          />
        </>
      )}
      {c.withdrawal && (
        <>
          <SubHeading>{r.withdrawal}</SubHeading>
          <Facts
            t={t}
            rows={[
              [r.at, when(ctx, c.withdrawal.at)],
              [r.withdrawalReason, c.withdrawal.reason],
            ]}
          />
        </>
      )}
    </Section>
  );
}

export function Prevention(props: CaseViewProps) {
  const { ctx, t, c, offered } = props;
  const p = t.prevention;
  const action = (name: 'completePreventiveMeasure' | 'evaluatePreventiveMeasure', id: string) =>
    casePath(c.reference, `/actions/${actionSlug(name)}?measure=${encodeURIComponent(id)}`);
  return (
    <Section id="prevention" title={p.heading}>
      {c.prevention ? (
        <Facts
          t={t}
          rows={[
            [p.decision, p.decisions[c.prevention.decision]],
            ...(c.prevention.reason ? ([[p.reason, c.prevention.reason]] as const) : []),
            [p.decidedAt, when(ctx, c.prevention.decidedAt)],
          ]}
        />
      ) : (
        <Muted>{p.none}</Muted>
      )}
      {c.preventiveMeasures.length > 0 && (
        <TableBox id="preventive-measures-table" caption={p.caption}>
          <TableHead columns={[p.description, p.owner, p.consulted, p.due, p.done, p.evaluation]} />
          <TableBody>
            {c.preventiveMeasures.map((m) => (
              <TableRow key={m.id}>
                <TableCell className="vp-text">{m.description}</TableCell>
                <TableCell>{nameOf(props, m.ownerUserId)}</TableCell>
                <TableCell>{m.consulted}</TableCell>
                <TableCell>{day(ctx, m.dueDate)}</TableCell>
                <TableCell>
                  {m.doneAt ? (
                    when(ctx, m.doneAt)
                  ) : offered.has('completePreventiveMeasure') ? (
                    <ActionButton
                      ctx={ctx}
                      href={casePath(c.reference, `/actions/${actionSlug('completePreventiveMeasure')}`)}
                      version={c.version}
                      fields={{ measureId: m.id }}
                      label={p.complete}
                      hiddenLabel={m.description}
                    />
                  ) : (
                    p.notDone
                  )}
                </TableCell>
                <TableCell className="vp-text">
                  {m.evaluation ? (
                    `${m.evaluation.effective ? p.effective : p.notEffective} (${when(ctx, m.evaluation.evaluatedAt)}): ${m.evaluation.note}`
                  ) : m.doneAt && offered.has('evaluatePreventiveMeasure') ? (
                    <Link href={action('evaluatePreventiveMeasure', m.id)}>
                      {ctx.t.actions.evaluatePreventiveMeasure}
                      <span className="vp-visually-hidden">{`: ${m.description}`}</span>
                    </Link>
                  ) : (
                    p.notEvaluated
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </TableBox>
      )}
    </Section>
  );
}

export function Escalations({ ctx, t, c }: CaseViewProps) {
  const e = t.escalations;
  const routes = ctx.organisation.settings.appealRoutes;
  return (
    <Section id="escalations" title={e.heading}>
      {c.escalations.length === 0 ? (
        <Muted>{e.none}</Muted>
      ) : (
        <ul className="vp-record-list">
          {c.escalations.map((x) => (
            <li key={x.id}>
              {`${when(ctx, x.at)}: ${routes.find((r) => r.code === x.route)?.label[ctx.locale] ?? x.route}`}
              {x.note && (
                <>
                  {' – '}
                  <Text>{x.note}</Text>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function ReopeningsAndClosing({ ctx, t, c }: CaseViewProps) {
  return (
    <>
      {c.reopenings.length > 0 && (
        <Section id="reopenings" title={t.reopenings.heading}>
          <ul className="vp-record-list">
            {c.reopenings.map((r) => (
              <li key={r.at}>
                {`${when(ctx, r.at)} (${t.reopenings.from}: ${ctx.t.statuses[r.fromStatus]}): `}
                <Text>{r.reason}</Text>
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section id="closing" title={t.closing.heading}>
        {c.closedAt ? (
          <Facts
            t={t}
            rows={[
              [t.closing.closedAt, when(ctx, c.closedAt)],
              [t.closing.closingNote, c.closingNote],
            ]}
          />
        ) : (
          <Muted>{t.closing.notClosed}</Muted>
        )}
      </Section>
    </>
  );
}

export function ReporterInput({ ctx, t, c }: CaseViewProps) {
  const r = t.reporterInput;
  const survey = c.survey;
  return (
    <Section id="reporter-input" title={r.heading}>
      <SubHeading>{r.messages}</SubHeading>
      {c.reporterMessages.length === 0 ? (
        <Muted>{r.noMessages}</Muted>
      ) : (
        <ul className="vp-record-list">
          {c.reporterMessages.map((m) => (
            <li key={m.id}>
              <strong>{when(ctx, m.at)}</strong>
              <Paragraph>
                <Text>{m.text}</Text>
              </Paragraph>
            </li>
          ))}
        </ul>
      )}
      <SubHeading>{r.survey}</SubHeading>
      {survey ? (
        <Facts
          t={t}
          rows={[
            [r.handledWell, r.answers[survey.handledWell]],
            [r.onTime, r.answers[survey.onTime]],
            [r.comment, survey.comment],
            [t.resolution.at, when(ctx, survey.answeredAt)],
          ]}
        />
      ) : (
        <Muted>{r.noSurvey}</Muted>
      )}
    </Section>
  );
}
