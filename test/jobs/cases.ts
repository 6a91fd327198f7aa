/**
 * Cases for the deadline-watch tests, made through the real API (commands, domain, storage) with the clock set
 * by hand, so the deadlines on them are the ones production computes.
 */
import { expect } from 'vitest';
import { act, call, type TestApp } from '../helpers/app.ts';

export interface TestCase {
  ref: string;
  id: string;
}

export const reporterComplaint = {
  reporter: { name: 'Mila Visser', email: 'mila.visser@example.nl', phone: '06 12345678', role: 'candidate' },
  description: 'Mijn jobcoach kwam twee keer niet op de afspraak en belde niet af.',
};

export function caseDriver(t: TestApp) {
  async function step(c: TestCase, as: string, action: string, body: unknown = {}) {
    const response = await act(t, as, c.ref, action, body);
    expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
    return response.json();
  }
  return {
    step,
    /** A web complaint received at `iso`, without mentions, so a handler can be assigned at once. */
    async submit(iso: string): Promise<TestCase> {
      t.setNow(iso);
      const response = await call(t, 'POST', '/api/v1/complaints', { body: reporterComplaint });
      expect(response.statusCode, response.body).toBe(201);
      const ref = response.json().reference as string;
      const form = (await call(t, 'GET', `/api/v1/staff/complaints/${ref}`, { as: 'qm' })).json();
      return { ref, id: form.id as string };
    },
    async assign(c: TestCase, iso: string, handler = 'handler') {
      t.setNow(iso);
      return step(c, 'qm', 'assign-handler', { handlerId: t.users[handler]!.id });
    },
    /** From a new case to 'reported' with one agreed measure; returns the measure's id. */
    async toReportedWithAgreedMeasure(c: TestCase, measure: { owner: string; dueDate: string }) {
      t.setNow('2026-04-30T10:00:00+02:00');
      await step(c, 'qm', 'assign-handler', { handlerId: t.users.handler!.id });
      await step(c, 'handler', 'record-summary', { summary: 'Twee gemiste afspraken in april.' });
      await step(c, 'handler', 'acknowledge');
      t.setNow('2026-05-04T10:00:00+02:00');
      await step(c, 'handler', 'start-investigation');
      t.setNow('2026-05-11T10:00:00+02:00');
      await step(c, 'handler', 'decide', {
        judgement: 'well_founded',
        reasons: 'De afspraken zijn niet nagekomen.',
        findings: 'De jobcoach heeft twee afspraken gemist zonder af te bellen.',
        severity: 'medium',
        cause: 'Agenda niet bijgewerkt na ziekte.',
        responsibleParty: 'Team Utrecht',
      });
      await step(c, 'handler', 'make-offer', {
        method: 'phone',
        measures: [{ kind: 'replacement_service', description: 'Een andere jobcoach.' }],
      });
      await step(c, 'handler', 'record-offer-accepted', { reaction: 'Graag.' });
      const form = await step(c, 'handler', 'add-agreed-measure', {
        kind: 'replacement_service',
        description: 'Nieuwe jobcoach inplannen',
        ownerId: t.users[measure.owner]!.id,
        dueDate: measure.dueDate,
      });
      t.setNow('2026-05-12T10:00:00+02:00');
      await step(c, 'handler', 'send-written-confirmation');
      t.setNow('2026-05-13T10:00:00+02:00');
      await step(c, 'handler', 'send-final-report');
      return form.agreedMeasures[0].id as string;
    },
  };
}
