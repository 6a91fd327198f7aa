/**
 * Step 1 of the improvement form: how and when the complaint came in and who received it, the reporter, the
 * trajectory and its commissioning party, and what happened. An involved person's view has no contact
 * details, no commissioning party and no wishes of the reporter (presenters.ts, involvedPart): those rows
 * are left out rather than shown as empty.
 */

import { type CaseViewProps, nameOf } from '../case-view.ts';
import type { Fact } from '../ui.tsx';
import { day, Facts, Section, when } from '../ui.tsx';

export function FormBasics(props: CaseViewProps) {
  const { ctx, t, c, kase } = props;
  const full = kase.view === 'full';
  // An involved person sees the contact details only when the handler shared them (the presenter decides).
  const contactVisible = full || c.involved.some((p) => p.kind === 'user' && p.reporterContactShared);
  const yesNo = (value: boolean) => (value ? t.page.yes : t.page.no);
  const { reporter, trajectory, event } = c;
  const party = trajectory.commissioningParty;
  const label = (list: { code: string; label: { nl: string; en: string } }[], code: string | null) =>
    code ? (list.find((x) => x.code === code)?.label[ctx.locale] ?? code) : null;
  const settings = ctx.organisation.settings;

  const reporterRows: Fact[] = [
    [t.reporter.anonymous, yesNo(reporter.anonymous)],
    ...(contactVisible
      ? ([
          [t.reporter.name, reporter.name],
          [t.reporter.email, reporter.email],
          [t.reporter.phone, reporter.phone],
          [t.reporter.postalAddress, reporter.postalAddress],
        ] as Fact[])
      : []),
    [t.reporter.role, reporter.role ? ctx.t.reporterRoles[reporter.role] : null],
    [t.reporter.language, t.reporter.languages[reporter.language]],
    ...(full ? ([[t.reporter.consentToContact, yesNo(reporter.consentToContact)]] as Fact[]) : []),
  ];
  const trajectoryRows: Fact[] = [
    [t.trajectory.reference, trajectory.reference],
    [t.trajectory.jobcoach, trajectory.jobcoach],
    ...(full
      ? ([
          [t.trajectory.commissioningParty, party ? t.trajectory.partyTypes[party.type] : null],
          [t.trajectory.partyName, party?.name],
          [t.trajectory.partyContact, party?.contact],
        ] as Fact[])
      : []),
  ];
  return (
    <>
      <Section id="receipt" title={t.receipt.heading}>
        <Facts
          t={t}
          rows={[
            [t.receipt.channel, ctx.t.channels[c.channel]],
            [t.receipt.receivedAt, when(ctx, c.receivedAt)],
            [t.receipt.registeredAt, when(ctx, c.registeredAt)],
            [t.receipt.receiver, c.receiverId ? nameOf(props, c.receiverId) : t.receipt.none],
          ]}
        />
      </Section>
      <Section id="reporter" title={t.reporter.heading}>
        <Facts t={t} rows={reporterRows} />
      </Section>
      <Section id="trajectory" title={t.trajectory.heading}>
        <Facts t={t} rows={trajectoryRows} />
      </Section>
      <Section id="event" title={t.event.heading}>
        <Facts
          t={t}
          rows={[
            [t.event.subject, c.subject ? t.event.subjects[c.subject] : null],
            [t.event.description, c.description],
            [t.event.date, day(ctx, event.date)],
            [t.event.place, event.place],
            [t.event.circumstances, event.circumstances],
            ...(full ? ([[t.event.desiredOutcome, c.desiredOutcome]] as Fact[]) : []),
            [t.event.category, label(settings.categories, c.category)],
            ...(settings.teams.length ? ([[t.event.team, label(settings.teams, c.team)]] as Fact[]) : []),
          ]}
        />
      </Section>
    </>
  );
}
