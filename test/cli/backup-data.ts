/**
 * A database with something in every table the app writes, made through the public API, the public form and
 * the staff API as people would: complaints with attachments (API and form), history, a letter with its PDF,
 * mail in the outbox, users and tokens, a settings version, a spot record. For the backup round trips.
 */
import { expect } from 'vitest';
import { act, addStandardUsers, call, type TestApp } from '../helpers/app.ts';
import { PNG, pdf, Session } from '../pages/helpers.ts';

export async function fillWithEverything(t: TestApp): Promise<void> {
  await addStandardUsers(t);
  t.setNow('2026-04-30T09:00:00+02:00');
  const submitted = await call(t, 'POST', '/api/v1/complaints', {
    body: {
      reporter: {
        name: 'Anouk Verbeek',
        email: 'anouk@example.org',
        phone: '06-12345678',
        role: 'candidate',
      },
      description: 'Mijn jobcoach is drie keer niet op de afspraak verschenen. Ünïcode: “€” 🙂',
      desiredOutcome: 'Vaste afspraken.',
      involvedEmployees: ['Jeroen Bakker'],
    },
  });
  expect(submitted.statusCode).toBe(201);
  const reference = submitted.json().reference as string;
  const form = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json();
  for (const mention of form.mentions) {
    const linked = await act(t, 'qm', reference, 'link-mention', {
      mentionId: mention.id,
      link: { kind: 'user', userId: t.users.coach!.id },
    });
    expect(linked.statusCode).toBe(200);
  }
  expect(
    (await act(t, 'qm', reference, 'assign-handler', { handlerId: t.users.handler!.id })).statusCode,
  ).toBe(200);
  expect(
    (await act(t, 'handler', reference, 'record-summary', { summary: 'Drie afspraken gemist.' })).statusCode,
  ).toBe(200);
  expect(
    (
      await act(t, 'handler', reference, 'add-attachment', {
        filename: 'foto.png',
        contentBase64: PNG.toString('base64'),
      })
    ).statusCode,
  ).toBe(200);
  t.setNow('2026-05-04T10:00:00+02:00');
  expect((await act(t, 'handler', reference, 'acknowledge')).statusCode).toBe(200);

  // Through the public form, with two files.
  const session = new Session(t);
  const csrf = await session.tokenFrom('/');
  const posted = await session.postMultipart(
    '/',
    { _csrf: csrf, lang: 'nl', description: 'Via het formulier, met bijlagen.' },
    [
      { filename: 'brief.pdf', content: pdf('brief'), type: 'application/pdf' },
      { filename: 'foto.png', content: PNG, type: 'image/png' },
    ],
  );
  expect(posted.statusCode).toBe(303);

  const spot = await call(t, 'POST', '/api/v1/staff/spot-records', {
    as: 'advisor',
    body: {
      receivedAt: '2026-05-04T09:00:00+02:00',
      channel: 'phone',
      summary: 'Wachttijd aan de telefoon, ter plekke opgelost.',
    },
  });
  expect(spot.statusCode).toBe(201);

  const current = (await call(t, 'GET', '/api/v1/staff/settings', { as: 'admin' })).json();
  const settings = {
    ...current.settings,
    calendar: { ...current.settings.calendar, closingDays: ['2026-05-07'] },
  };
  const changed = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/staff/settings',
    headers: { authorization: `Bearer ${t.users.admin!.token}` },
    payload: { settings, note: 'Kantoor dicht op 7 mei' },
  });
  expect(changed.statusCode).toBe(200);
}
