/**
 * The timeline of every event on the case (who, when, the action in words, the status it moved the case
 * between, the fields it changed named in words, and its note), and the access log: who viewed the form,
 * shown to the quality manager and the administrator only.
 */
import { Link, Paragraph, TableBody, TableCell, TableRow } from '@utrecht/component-library-react';
import type { ComplaintEvent } from '../../../../../db/repositories/complaint-events.ts';
import type { Complaint } from '../../../../../domain/complaint.ts';
import type { ActionName, ComplaintStatus } from '../../../../../domain/lifecycle.ts';
import type { CaseViewProps } from '../case-view.ts';
import { dayOf, Muted, Section, TableBox, TableHead, Text, when } from '../ui.tsx';
import { letterInWords } from './Files.tsx';

/** Fields every change touches, or that the status line already tells. */
const UNTOLD = new Set(['status', 'version', 'updatedAt']);

function actionInWords(props: CaseViewProps, action: string): string {
  return (
    (props.ctx.t.actions as Record<string, string>)[action as ActionName] ??
    props.t.timeline.extraActions[action] ??
    action
  );
}

function actorInWords(props: CaseViewProps, event: ComplaintEvent): string {
  if (event.actorId) return event.actorLabel;
  return event.actorLabel === 'reporter' ? props.t.page.reporter : props.t.page.system;
}

/**
 * A note as people read it: the lines the system wrote about a letter or an attachment (each names the
 * SHA-256 of what it stored) in words; anything typed by a person as it was typed.
 */
function noteInWords(props: CaseViewProps, note: string): string {
  return note
    .split('\n')
    .map((line) => {
      const letter = props.letters.find((l) => line.includes(l.sha256));
      if (letter?.postedAt && line.includes(' sent by post on ')) {
        return `${letterInWords(props.t, letter)}: ${props.t.letters.postedAt.toLowerCase()} ${dayOf(props.ctx, letter.postedAt)}`;
      }
      if (letter) return letterInWords(props.t, letter);
      const file = props.attachments.find((a) => line.includes(a.sha256));
      if (file) return `${props.t.attachments.heading}: ${file.filename}`;
      return line;
    })
    .join('\n');
}

function EventItem({ props, event }: { props: CaseViewProps; event: ComplaintEvent }) {
  const { ctx, t } = props;
  const status = (s: string | null) => (s ? (ctx.t.statuses[s as ComplaintStatus] ?? s) : '');
  const changed = Object.keys(event.changes)
    .filter((key) => !UNTOLD.has(key))
    .map((key) => t.fields[key as keyof Complaint] ?? key);
  return (
    <li data-event={event.seq}>
      <Paragraph>
        <strong>{actionInWords(props, event.action)}</strong>
        {` · ${when(ctx, event.at)} · ${t.page.by(actorInWords(props, event))}`}
      </Paragraph>
      {event.fromStatus && event.fromStatus !== event.toStatus && (
        <Paragraph>{t.timeline.statusChange(status(event.fromStatus), status(event.toStatus))}</Paragraph>
      )}
      {event.fromStatus === null ? (
        <Paragraph>{t.timeline.created}</Paragraph>
      ) : (
        changed.length > 0 && <Paragraph>{t.timeline.changed(changed.join(', '))}</Paragraph>
      )}
      {event.note && (
        <Paragraph className="vp-muted">
          <Text>{noteInWords(props, event.note)}</Text>
        </Paragraph>
      )}
    </li>
  );
}

export function Timeline(props: CaseViewProps) {
  const { t, events } = props;
  return (
    <Section id="timeline" title={t.timeline.heading}>
      {events.length === 0 ? (
        <Muted>{t.timeline.none}</Muted>
      ) : (
        <ol className="vp-timeline" aria-label={t.timeline.caption}>
          {events.map((event) => (
            <EventItem key={event.seq} props={props} event={event} />
          ))}
        </ol>
      )}
    </Section>
  );
}

export function AccessLog({ ctx, t, c, accessLog, managesLegalHold }: CaseViewProps) {
  if (!accessLog) return null;
  const a = t.accessLog;
  return (
    <Section id="access-log" title={a.heading}>
      <Paragraph>{a.intro}</Paragraph>
      {managesLegalHold && (
        <Paragraph>
          <Link href={`/staff/admin/privacy/cases/${encodeURIComponent(c.reference)}`}>{a.legalHold}</Link>
        </Paragraph>
      )}
      {accessLog.length === 0 ? (
        <Muted>{a.none}</Muted>
      ) : (
        <TableBox id="access-log-table" caption={a.caption}>
          <TableHead columns={[a.who, a.at, a.via, a.ip]} />
          <TableBody>
            {accessLog.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell>{entry.actorLabel}</TableCell>
                <TableCell>{when(ctx, entry.at)}</TableCell>
                <TableCell>{a.vias[String(entry.details.via)] ?? String(entry.details.via ?? '')}</TableCell>
                <TableCell>{entry.ip ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </TableBox>
      )}
    </Section>
  );
}
