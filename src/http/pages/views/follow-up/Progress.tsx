/** Where the complaint stands, in one plain sentence, with its dates, handler, open offer and what was added. */
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { PageContext } from '../../context.ts';
import { formatDate, formatInstantDate } from '../../dates.ts';
import type { ReporterView } from './types.ts';

/** `token` makes the letters' download links (the API's reporter route). */
export function Progress({ ctx, view, token }: { ctx: PageContext; view: ReporterView; token: string }) {
  const { t } = ctx;
  const f = t.followUp;
  const dates: [string, string][] = [[f.dates.receivedAt, formatInstantDate(t, view.receivedAt)]];
  if (view.acknowledgedAt) dates.push([f.dates.acknowledgedAt, formatInstantDate(t, view.acknowledgedAt)]);
  else dates.push([f.dates.acknowledgeBy, formatDate(t, view.deadlines.acknowledgeBy)]);
  if (view.resolvedAt) dates.push([f.dates.resolvedAt, formatInstantDate(t, view.resolvedAt)]);
  else if (!['withdrawn', 'not_taken_up'].includes(view.status))
    dates.push([f.dates.resolveBy, formatDate(t, view.deadlines.resolveBy)]);
  if (view.closedAt) dates.push([f.dates.closedAt, formatInstantDate(t, view.closedAt)]);

  return (
    <>
      <section aria-labelledby="status-heading">
        <Heading level={2} id="status-heading">
          {f.statusHeading}
        </Heading>
        <Paragraph id="status" data-status={view.status}>
          {f.status[view.status]}
        </Paragraph>
        <DataList>
          {dates.map(([key, value]) => (
            <DataListItem key={key}>
              <DataListKey>{key}</DataListKey>
              <DataListValue>{value}</DataListValue>
            </DataListItem>
          ))}
        </DataList>
        {view.deadlines.extendedBecause && (
          <Paragraph>{f.extended(view.deadlines.extendedBecause)}</Paragraph>
        )}
        {view.hearingRequested && <Paragraph>{f.hearingRequested}</Paragraph>}
        {view.survey && <Paragraph>{f.surveyAnswered}</Paragraph>}
      </section>

      <section aria-labelledby="handler-heading">
        <Heading level={2} id="handler-heading">
          {f.handlerHeading}
        </Heading>
        <Paragraph id="handler">{view.handler ? f.handler(view.handler) : f.noHandler}</Paragraph>
      </section>

      {view.openOffer && (
        <section aria-labelledby="offer-heading">
          <Heading level={2} id="offer-heading">
            {f.offerHeading}
          </Heading>
          <Paragraph>{f.offerMadeAt(formatInstantDate(t, view.openOffer.madeAt))}</Paragraph>
          <UnorderedList>
            {view.openOffer.measures.map((m) => (
              <UnorderedListItem key={`${m.kind}:${m.description}`}>
                <strong>{f.measureKinds[m.kind as keyof typeof f.measureKinds] ?? m.kind}</strong>
                {`: ${m.description}`}
              </UnorderedListItem>
            ))}
          </UnorderedList>
          {(view.allowedActions.includes('recordOfferAccepted') ||
            view.allowedActions.includes('recordOfferRejected')) && (
            <Paragraph>{f.offerReaction.heading}</Paragraph>
          )}
        </section>
      )}

      {view.letters.length > 0 && (
        <section aria-labelledby="letters-heading">
          <Heading level={2} id="letters-heading">
            {f.lettersHeading}
          </Heading>
          <UnorderedList>
            {view.letters.map((letter) => (
              <UnorderedListItem key={letter.id}>
                <Link href={`/api/v1/follow-up/${token}/letters/${letter.id}/pdf`} download>
                  {f.download(letter.subject)}
                </Link>
                <span className="vp-message-date">
                  {f.letterSent(formatInstantDate(t, letter.createdAt))}
                </span>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      )}

      {view.messages.length > 0 && (
        <section aria-labelledby="messages-heading">
          <Heading level={2} id="messages-heading">
            {f.messagesHeading}
          </Heading>
          <UnorderedList>
            {view.messages.map((m) => (
              <UnorderedListItem key={m.at}>
                <span className="vp-message-date">{f.messageAt(formatInstantDate(t, m.at))}</span>
                <span className="vp-message-text">{m.text}</span>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      )}
    </>
  );
}
