/**
 * A crafted set of cases for the dashboard tests, registered and moved on through the staff API with the clock
 * set by hand, so that every deadline is a known date (Atw calendar, 5 and 21 working days):
 *
 * | reference      | received (receiver)            | state on Wed 6 May 2026             | nearest term (light on 6 May) |
 * |----------------|--------------------------------|-------------------------------------|-------------------------------|
 * | VP-2026-00001  | Wed 1 Apr, phone (coach)       | acknowledged, handler Ahmed         | resolve Wed 6 May (due soon)  |
 * | VP-2026-00002  | Thu 16 Apr, letter (handler2)  | investigating, handler Ahmed; the   | resolve Thu 21 May (on time)  |
 * |                |                                | advisor involved, her agreement asked|                               |
 * | VP-2026-00003  | Mon 20 Apr, phone (handler)    | handler_assigned (Sanne), not ack'd | acknowledge Tue 28 Apr (overdue) |
 * | VP-2026-00004  | Thu 30 Apr, in person (advisor)| registered, no handler              | acknowledge Fri 8 May (due soon) |
 * | VP-2026-00005  | Tue 5 May, email (qm)          | registered, no handler              | acknowledge Tue 12 May (on time) |
 * | VP-2026-00006  | Wed 4 Mar, phone (handler2)    | prevention_decided, handler Ahmed;  | none running                  |
 * |                |                                | a preventive measure of the advisor due Thu 7 May |                 |
 * | VP-2026-00007  | Mon 2 Mar, phone (coach)       | closed                              | finished                      |
 * | VP-2026-00008  | Thu 23 Apr, phone (advisor)    | withdrawn                           | finished                      |
 */
import { expect } from 'vitest';
import { act, call, type TestApp } from '../helpers/app.ts';
import { textOf } from '../pages/helpers.ts';

export { textOf };

/** Wednesday 6 May 2026, 10:00 in Amsterdam: the day the dashboard is looked at. */
export const DASHBOARD_DAY = '2026-05-06T10:00:00+02:00';

async function register(t: TestApp, as: string, at: string, body: Record<string, unknown>): Promise<string> {
  t.setNow(at);
  const response = await call(t, 'POST', '/api/v1/staff/complaints', {
    as,
    body: { receivedAt: at, ...body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().reference;
}

async function step(
  t: TestApp,
  at: string,
  as: string,
  reference: string,
  action: string,
  body: unknown = {},
) {
  t.setNow(at);
  const response = await act(t, as, reference, action, body);
  expect(response.statusCode, `${action} on ${reference}: ${response.body}`).toBe(200);
  return response.json();
}

/** Registers and moves on the eight cases of the table above; returns their references in order. */
export async function craftDashboardCases(t: TestApp): Promise<string[]> {
  const u = t.users;
  const refs: string[] = [];
  // Registered in the order of the table, so the references follow it.
  refs.push(
    await register(t, 'coach', '2026-04-01T10:00:00+02:00', {
      channel: 'phone',
      category: 'coaching',
      reporter: { name: 'Anouk Verbeek', email: 'anouk@example.org' },
      description: 'Mijn jobcoach kwam drie keer niet op de afspraak.',
    }),
  );
  refs.push(
    await register(t, 'handler2', '2026-04-16T11:00:00+02:00', {
      channel: 'letter',
      category: 'coaching',
      reporter: { name: 'Bram Smit', postalAddress: 'Oudegracht 1\n3511 AA Utrecht' },
      description: 'Het verslag van mijn werkplekbezoek klopt niet.',
    }),
  );
  refs.push(
    await register(t, 'handler', '2026-04-20T14:00:00+02:00', {
      channel: 'phone',
      reporter: { name: 'Chantal de Wit', phone: '06 1111 2222' },
      description: 'Ik werd aan de telefoon onvriendelijk te woord gestaan.',
    }),
  );
  refs.push(
    await register(t, 'advisor', '2026-04-30T09:00:00+02:00', {
      channel: 'in_person',
      category: 'appointments',
      reporter: { name: 'Mila de Boer', email: 'mila@example.nl' },
      description: 'Aan de balie kon niemand mij zeggen wanneer mijn afspraak was.',
    }),
  );
  refs.push(
    await register(t, 'qm', '2026-05-05T10:00:00+02:00', {
      channel: 'email',
      description: 'Mijn reiskosten zijn nog steeds niet vergoed.',
    }),
  );
  refs.push(
    await register(t, 'handler2', '2026-03-04T09:30:00+01:00', {
      channel: 'phone',
      reporter: { name: 'Daan Visser' },
      description: 'Het rooster werd steeds op het laatste moment veranderd.',
    }),
  );
  refs.push(
    await register(t, 'coach', '2026-03-02T09:30:00+01:00', {
      channel: 'phone',
      reporter: { name: 'Eva Mulder' },
      description: 'Ik ben niet teruggebeld.',
    }),
  );
  refs.push(
    await register(t, 'advisor', '2026-04-23T15:00:00+02:00', {
      channel: 'phone',
      reporter: { name: 'Fleur Bos' },
      description: 'Ik wil toch geen klacht indienen.',
    }),
  );
  const [one, two, three, , , six, seven, eight] = refs as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];

  await step(t, '2026-04-02T09:00:00+02:00', 'qm', one, 'assign-handler', { handlerId: u.handler!.id });
  await step(t, '2026-04-02T09:10:00+02:00', 'handler', one, 'record-summary', {
    summary: 'Afspraken met de jobcoach vielen uit.',
  });
  await step(t, '2026-04-02T09:20:00+02:00', 'handler', one, 'acknowledge');

  await step(t, '2026-04-17T09:00:00+02:00', 'qm', two, 'assign-handler', { handlerId: u.handler!.id });
  await step(t, '2026-04-17T09:10:00+02:00', 'handler', two, 'record-summary', {
    summary: 'Het verslag van het werkplekbezoek klopt niet.',
  });
  await step(t, '2026-04-17T09:20:00+02:00', 'handler', two, 'acknowledge');
  await step(t, '2026-04-20T09:00:00+02:00', 'handler', two, 'start-investigation');
  const involved = await step(t, '2026-04-20T09:10:00+02:00', 'handler', two, 'add-involved-person', {
    person: { kind: 'user', userId: u.advisor!.id },
  });
  const advisorPerson = (involved.involved as { id: string; userId?: string }[]).find(
    (p) => p.userId === u.advisor!.id,
  )!;
  await step(t, '2026-05-04T10:00:00+02:00', 'handler', two, 'record-reaction', {
    involvedPersonId: advisorPerson.id,
    summary: 'Fatima Yilmaz zegt dat het verslag op haar aantekeningen berust.',
  });

  await step(t, '2026-04-21T09:00:00+02:00', 'qm', three, 'assign-handler', { handlerId: u.handler2!.id });

  await step(t, '2026-03-05T09:00:00+01:00', 'qm', six, 'assign-handler', { handlerId: u.handler!.id });
  await step(t, '2026-03-05T09:10:00+01:00', 'handler', six, 'record-summary', {
    summary: 'Roosterwijzigingen op het laatste moment.',
  });
  await step(t, '2026-03-05T09:20:00+01:00', 'handler', six, 'acknowledge');
  await step(t, '2026-03-09T09:00:00+01:00', 'handler', six, 'start-investigation');
  await step(t, '2026-03-16T09:00:00+01:00', 'handler', six, 'decide', {
    judgement: 'partly_well_founded',
    reasons: 'Twee van de vier wijzigingen waren niet nodig.',
    findings: 'Roosters van maart.',
    severity: 'low',
    cause: 'Planning.',
    responsibleParty: 'Team Utrecht',
  });
  await step(t, '2026-03-17T09:00:00+01:00', 'handler', six, 'send-findings');
  await step(t, '2026-03-24T09:00:00+01:00', 'handler', six, 'send-final-report');
  await step(t, '2026-04-20T10:00:00+02:00', 'handler', six, 'decide-preventive-measures', {
    measures: [
      {
        description: 'Roosters een week vooruit delen met het team',
        ownerId: u.advisor!.id,
        consulted: 'Teamleiders',
        dueDate: '2026-05-07',
      },
    ],
  });

  await step(t, '2026-03-03T09:00:00+01:00', 'qm', seven, 'assign-handler', { handlerId: u.handler!.id });
  await step(t, '2026-03-03T09:10:00+01:00', 'handler', seven, 'record-summary', {
    summary: 'Niet teruggebeld.',
  });
  await step(t, '2026-03-03T09:20:00+01:00', 'handler', seven, 'acknowledge');
  await step(t, '2026-03-04T09:00:00+01:00', 'handler', seven, 'start-investigation');
  await step(t, '2026-03-05T09:00:00+01:00', 'handler', seven, 'decide', {
    judgement: 'unfounded',
    reasons: 'Er is twee keer gebeld.',
    findings: 'Belnotities.',
    severity: 'low',
    cause: 'Verkeerd nummer.',
    responsibleParty: 'Team Utrecht',
  });
  await step(t, '2026-03-06T09:00:00+01:00', 'handler', seven, 'send-findings');
  await step(t, '2026-03-09T09:00:00+01:00', 'handler', seven, 'send-final-report');
  await step(t, '2026-03-10T09:00:00+01:00', 'handler', seven, 'record-no-preventive-measures', {
    reason: 'Eenmalig.',
  });
  await step(t, '2026-03-11T09:00:00+01:00', 'handler', seven, 'close');

  await step(t, '2026-04-24T09:00:00+02:00', 'qm', eight, 'withdraw', { reason: 'De melder ziet ervan af.' });

  t.setNow(DASHBOARD_DAY);
  return refs;
}

/** The references of the case rows on a dashboard page, in the order shown. */
export const referencesOn = (html: string): string[] =>
  [...html.matchAll(/<a href="\/staff\/complaints\/(VP-\d{4}-\d{5})" class="vp-reference-link">/g)].map(
    (m) => m[1]!,
  );

/** The text of the table row of a case. */
export function rowText(html: string, reference: string): string {
  const rows = html.split('<tr').filter((row) => row.includes(`/staff/complaints/${reference}"`));
  expect(rows, `one row for ${reference}`).toHaveLength(1);
  return textOf(`<tr${rows[0]!.split('</tr>')[0]}`);
}

/** The quick-filter counts as shown: "Te laat: 1", … per list (by traffic light, by status). */
export function countsOn(html: string): { byDue: string[]; byStatus: string[] } {
  const lists = [...html.matchAll(/<ul class="vp-counts"[^>]*>(.*?)<\/ul>/gs)].map((m) =>
    [...m[1]!.matchAll(/<a [^>]*>(.*?)<\/a>/g)].map((a) => textOf(a[1]!)),
  );
  return { byDue: lists[0] ?? [], byStatus: lists[1] ?? [] };
}
