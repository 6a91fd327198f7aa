/** Being involved in a case overrides role access: an involved person sees only their own part. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { act, addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';

describeEachDialect('what an involved person sees', (dialect) => {
  let t: TestApp;
  let reference: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    await t.addUser('qm2', 'Karin Smit', 'Kwaliteitsmanager', ['quality_manager']);
    t.setNow('2026-04-30T09:00:00+02:00');
    const submitted = await call(t, 'POST', '/api/v1/complaints', {
      body: {
        reporter: { name: 'Mila Visser', email: 'mila@example.nl', phone: '0612345678' },
        description: 'Jeroen en Karin reageerden niet op mijn berichten.',
        desiredOutcome: 'Excuses.',
        involvedEmployees: ['Jeroen', 'Karin'],
      },
    });
    reference = submitted.json().reference;
    const form = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json();
    await act(t, 'qm', reference, 'link-mention', {
      mentionId: form.mentions[0].id,
      link: { kind: 'user', userId: t.users.coach!.id },
    });
    await act(t, 'qm', reference, 'link-mention', {
      mentionId: form.mentions[1].id,
      link: { kind: 'user', userId: t.users.qm2!.id },
    });
    await act(t, 'qm', reference, 'assign-handler', { handlerId: t.users.handler!.id });
    await act(t, 'handler', reference, 'record-summary', { summary: 'Berichten niet beantwoord.' });
    await act(t, 'handler', reference, 'acknowledge');
    await act(t, 'handler', reference, 'start-investigation');
    const involved = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json()
      .involved;
    for (const person of involved) {
      await act(t, 'handler', reference, 'record-reaction', {
        involvedPersonId: person.id,
        summary: `Reactie van ${person.name}.`,
      });
    }
  });
  afterAll(() => t.close());

  it('shows the involved employee the complaint and their own reaction, without the reporter or others', async () => {
    const response = await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'coach' });
    expect(response.statusCode).toBe(200);
    const view = response.json();
    expect(view.description).toBe('Jeroen en Karin reageerden niet op mijn berichten.');
    expect(view.reporter).toMatchObject({ name: null, email: null, phone: null, postalAddress: null });
    expect(view.desiredOutcome).toBeNull();
    expect(view.involved.map((p: { name: string }) => p.name)).toEqual(['Jeroen Bakker']);
    expect(view.reactions.map((r: { summary: string }) => r.summary)).toEqual(['Reactie van Jeroen Bakker.']);
    expect(view.history).toEqual([]);
    expect(view.allowedActions).toEqual(['agreeReaction']);
  });

  it('gives an involved quality manager the same limited view and no quality-manager actions', async () => {
    const view = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm2' })).json();
    expect(view.reporter.email).toBeNull();
    expect(view.reactions.map((r: { summary: string }) => r.summary)).toEqual(['Reactie van Karin Smit.']);
    expect(view.allowedActions).toEqual(['agreeReaction']);
    const refused = await act(t, 'qm2', reference, 'reassign-handler', {
      handlerId: t.users.handler2!.id,
      reason: 'Test.',
    });
    expect(refused.statusCode).toBe(403);
  });

  it('answers an agreement with the limited view too', async () => {
    const own = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'coach' })).json();
    const response = await act(t, 'coach', reference, 'agree-reaction', {
      involvedPersonId: own.involved[0].id,
      version: 1,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().reporter.email).toBeNull();
    expect(response.json().reactions).toHaveLength(1);
    expect(response.json().reactions[0]).toMatchObject({ agreedVersion: 1, summaryVersion: 1 });
  });

  it("shows the reporter's contact details to the one employee the handler shares them with, until withdrawn", async () => {
    const people = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json()
      .involved;
    const coach = people.find((p: { name: string }) => p.name === 'Jeroen Bakker');
    // Only the handler or the acting quality manager shares; the involved person cannot share with themselves.
    expect(
      (
        await act(t, 'coach', reference, 'share-reporter-contact', {
          involvedPersonId: coach.id,
          share: true,
        })
      ).statusCode,
    ).toBe(403);
    const shared = await act(t, 'handler', reference, 'share-reporter-contact', {
      involvedPersonId: coach.id,
      share: true,
    });
    expect(shared.statusCode, shared.body).toBe(200);
    const seen = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'coach' })).json();
    expect(seen.reporter).toMatchObject({
      name: 'Mila Visser',
      email: 'mila@example.nl',
      phone: '0612345678',
    });
    // Still only their own part otherwise, and the other involved person still sees nothing of the reporter.
    expect(seen.reactions).toHaveLength(1);
    expect(seen.desiredOutcome).toBeNull();
    expect(
      (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm2' })).json().reporter.email,
    ).toBeNull();
    // Sharing twice is refused with the rule's words; withdrawing hides them again.
    const again = await act(t, 'handler', reference, 'share-reporter-contact', {
      involvedPersonId: coach.id,
      share: true,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('De contactgegevens zijn al gedeeld met deze persoon.');
    await act(t, 'handler', reference, 'share-reporter-contact', {
      involvedPersonId: coach.id,
      share: false,
    });
    expect(
      (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'coach' })).json().reporter.email,
    ).toBeNull();
    const events = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json()
      .history;
    expect(events.filter((e: { action: string }) => e.action === 'shareReporterContact')).toHaveLength(2);
  });
});
