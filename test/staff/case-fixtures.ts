/**
 * Cases for the case page's tests, built through the staff API (the same commands the pages use): a new
 * case, one taken to any point of the lifecycle, and a fully worked case in which every field of the
 * improvement form has a value.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { act, call, type TestApp } from '../helpers/app.ts';
import { type FilePart, pdf, textOf } from '../pages/helpers.ts';
import type { StaffBrowser } from './helpers.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read whatever the API answers.
export type Json = Record<string, any>;

export async function view(t: TestApp, reference: string, as = 'qm'): Promise<Json> {
  const response = await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** An action through the staff API that must succeed. */
export async function must(
  t: TestApp,
  as: string,
  reference: string,
  action: string,
  body: unknown = {},
): Promise<Json> {
  const response = await act(t, as, reference, action, body);
  expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
  return response.json();
}

export const DESCRIPTION =
  'Mijn jobcoach kwam drie keer niet. <script>alert("x")</script> Ik voel me niet serieus genomen.';

/** A complaint registered by phone by the advisor, naming the coach and an outside agency. */
export async function registerByPhone(t: TestApp, extra: Json = {}): Promise<string> {
  const response = await call(t, 'POST', '/api/v1/staff/complaints', {
    as: 'advisor',
    body: {
      channel: 'phone',
      receivedAt: '2026-04-30T08:15:00+02:00',
      reporter: {
        name: 'Anouk Verbeek',
        email: 'anouk@example.org',
        phone: '0612345678',
        postalAddress: 'Lindelaan 4, 3500 AA Utrecht',
        role: 'candidate',
        consentToContact: true,
      },
      description: DESCRIPTION,
      desiredOutcome: 'Een vaste jobcoach die komt.',
      event: { date: '2026-04-27', place: 'Kantoor Utrecht', circumstances: 'Tijdens de ramadan.' },
      involvedEmployees: ['Jeroen', 'Bureau Werkfit'],
      commissioningParty: { type: 'UWV', name: 'UWV Utrecht', contact: 'mevrouw De Boer, 030 111 22 33' },
      trajectory: { reference: 'TR-2026-118', jobcoach: 'Jeroen Bakker' },
      subject: 'service',
      ...extra,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().reference;
}

/** Links the two mentions (the coach, a third party), records who delivered the service, assigns `handler`. */
export async function assigned(t: TestApp, reference: string): Promise<void> {
  const form = await view(t, reference);
  await must(t, 'qm', reference, 'link-mention', {
    mentionId: form.mentions[0].id,
    link: { kind: 'user', userId: t.users.coach!.id },
  });
  await must(t, 'qm', reference, 'link-mention', {
    mentionId: form.mentions[1].id,
    link: {
      kind: 'third_party',
      thirdParty: {
        name: 'Bureau Werkfit',
        organisation: 'Werkfit BV',
        email: 'info@werkfit.example',
        postalAddress: 'Postbus 1, Zeist',
      },
    },
  });
  const involved = (await view(t, reference)).involved;
  await must(t, 'qm', reference, 'set-service-provided-by', { involvedPersonId: involved[0].id });
  await must(t, 'qm', reference, 'assign-handler', { handlerId: t.users.handler2!.id });
  await must(t, 'qm', reference, 'reassign-handler', {
    handlerId: t.users.handler!.id,
    reason: 'Sanne is langdurig ziek.',
  });
}

/** Up to the investigation, with both reactions summarised (none agreed yet). */
export async function investigating(t: TestApp, reference: string): Promise<void> {
  await assigned(t, reference);
  await must(t, 'handler', reference, 'record-summary', {
    summary: 'Jobcoach drie keer niet verschenen op 27 april.',
  });
  await must(t, 'handler', reference, 'acknowledge');
  await must(t, 'handler', reference, 'start-investigation');
  const involved = (await view(t, reference)).involved;
  await must(t, 'handler', reference, 'record-reaction', {
    involvedPersonId: involved[0].id,
    summary: 'Jeroen had de afspraken dubbel geboekt.',
  });
  await must(t, 'handler', reference, 'record-reaction', {
    involvedPersonId: involved[1].id,
    summary: 'Werkfit wist niet van de afspraak.',
  });
}

/** Every step of the regulation once, ending closed, with a message and the survey from the reporter. */
export async function workedCase(t: TestApp, intake: Json = {}): Promise<string> {
  t.setNow('2026-04-30T09:00:00+02:00');
  const reference = await registerByPhone(t, intake);
  await must(t, 'qm', reference, 'set-classification', { category: 'coaching' });
  await assigned(t, reference);
  t.setNow('2026-05-04T10:00:00+02:00');
  await must(t, 'handler', reference, 'record-summary', {
    summary: 'Jobcoach drie keer niet verschenen op 27 april.',
  });
  await must(t, 'handler', reference, 'add-attachment', {
    filename: 'telefoonnotitie.pdf',
    contentBase64: pdf('notitie').toString('base64'),
  });
  await must(t, 'handler', reference, 'acknowledge');
  await must(t, 'handler', reference, 'offer-hearing', { method: 'phone' });
  const offerId = (await view(t, reference)).hearingOffers[0].id;
  await must(t, 'handler', reference, 'record-hearing-answer', {
    hearingOfferId: offerId,
    answer: 'accepted',
  });
  await must(t, 'handler', reference, 'record-hearing', {
    heldAt: '2026-05-06T14:00:00+02:00',
    report: 'Telefonisch gehoord: wil een vaste jobcoach.',
  });
  await must(t, 'handler', reference, 'start-investigation');
  const involved = (await view(t, reference)).involved;
  await must(t, 'handler', reference, 'record-reaction', {
    involvedPersonId: involved[0].id,
    summary: 'Jeroen had de afspraken dubbel geboekt.',
  });
  await must(t, 'coach', reference, 'agree-reaction', { involvedPersonId: involved[0].id, version: 1 });
  await must(t, 'handler', reference, 'record-reaction', {
    involvedPersonId: involved[1].id,
    summary: 'Werkfit wist niet van de afspraak.',
  });
  await must(t, 'handler', reference, 'record-third-party-agreement', {
    involvedPersonId: involved[1].id,
    version: 1,
    method: 'Per e-mail van 7 mei.',
  });
  t.setNow('2026-05-11T10:00:00+02:00');
  await must(t, 'handler', reference, 'decide', {
    judgement: 'partly_well_founded',
    reasons: 'Twee van de drie afspraken zijn niet nagekomen.',
    findings: 'De agenda liet dubbele boekingen toe.',
    severity: 'medium',
    cause: 'Dubbele boeking in de agenda.',
    responsibleParty: 'Team Utrecht',
  });
  await must(t, 'handler', reference, 'make-offer', {
    method: 'phone',
    measures: [{ kind: 'redress', description: 'Excuses van de teamleider.' }],
  });
  await must(t, 'handler', reference, 'record-offer-rejected', {
    reaction: 'Excuses alleen is niet genoeg.',
  });
  await must(t, 'handler', reference, 'make-offer', {
    method: 'phone',
    reason: 'De melder wil een vaste jobcoach.',
    measures: [{ kind: 'replacement_service', description: 'Een vaste jobcoach op dinsdag.' }],
  });
  await must(t, 'handler', reference, 'record-offer-accepted', { reaction: 'Dat is prima.' });
  await must(t, 'handler', reference, 'add-agreed-measure', {
    kind: 'replacement_service',
    description: 'Vaste jobcoach inplannen.',
    ownerId: t.users.advisor!.id,
    dueDate: '2026-05-29',
  });
  await must(t, 'handler', reference, 'send-written-confirmation');
  const measureId = (await view(t, reference)).agreedMeasures[0].id;
  await must(t, 'handler', reference, 'complete-agreed-measure', { measureId });
  t.setNow('2026-05-18T10:00:00+02:00');
  await must(t, 'handler', reference, 'send-final-report');
  await must(t, 'handler', reference, 'decide-preventive-measures', {
    measures: [
      {
        description: 'Agenda blokkeert dubbele boekingen.',
        ownerId: t.users.handler2!.id,
        consulted: 'Teamleider planning',
        dueDate: '2026-06-30',
      },
    ],
  });
  const preventiveId = (await view(t, reference)).preventiveMeasures[0].id;
  await must(t, 'handler', reference, 'complete-preventive-measure', { measureId: preventiveId });
  await must(t, 'handler', reference, 'escalate', {
    route: 'uwv_complaints_office',
    note: 'De melder diende ook een klacht in bij UWV.',
  });
  const renewed = await call(t, 'POST', `/api/v1/staff/complaints/${reference}/follow-up-link/renew`, {
    as: 'handler',
  });
  const token = new URL(renewed.json().followUpUrl).pathname.split('/').at(-1)!;
  const added = await call(t, 'POST', `/api/v1/follow-up/${token}/add-information`, {
    body: { text: 'Ik ben op dinsdag niet beschikbaar na 15 uur.' },
  });
  expect(added.statusCode, added.body).toBe(200);
  await must(t, 'handler', reference, 'close');
  const survey = await call(t, 'POST', `/api/v1/follow-up/${token}/answer-survey`, {
    body: { handledWell: 'partly', onTime: 'yes', comment: 'Het duurde even.' },
  });
  expect(survey.statusCode, survey.body).toBe(200);
  await must(t, 'handler', reference, 'evaluate-preventive-measure', {
    measureId: preventiveId,
    effective: true,
    note: 'Geen dubbele boekingen meer.',
  });
  return reference;
}

/** Opens an action's page and posts its form with the version the page showed, as a browser would. */
export async function submitAction(
  browser: StaffBrowser,
  reference: string,
  slug: string,
  fields: Record<string, string> = {},
  options: { query?: string; files?: FilePart[] } = {},
): Promise<LightMyRequestResponse> {
  const url = `/staff/complaints/${reference}/actions/${slug}`;
  const page = await browser.get(`${url}${options.query ?? ''}`);
  expect(page.statusCode, `GET ${slug}: ${textOf(page.body).slice(0, 400)}`).toBe(200);
  // As a browser: the form's hidden fields (the version, the CSRF token, …) go along with what was typed.
  const hidden = hiddenFields(page.body, url);
  if (options.files) return browser.postMultipart(url, { ...hidden, ...fields }, options.files);
  return browser.post(url, { ...hidden, ...fields });
}

/** The hidden fields of the form on the page that posts to `action`. */
export function hiddenFields(html: string, action: string): Record<string, string> {
  const form = html.match(
    new RegExp(
      `<form[^>]*action="${action.replace(/[.?*+^$()[\]{}|\\]/g, '\\$&')}"[^>]*>([\\s\\S]*?)</form>`,
    ),
  );
  if (!form) throw new Error(`No form posting to ${action}`);
  const fields: Record<string, string> = {};
  for (const input of form[1]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    fields[input[1]!] = input[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  }
  return fields;
}

/** The version in the page's form. */
export function versionOn(html: string): string {
  const match = html.match(/name="caseVersion" value="(\d+)"/);
  if (!match) throw new Error('No caseVersion on the page');
  return match[1]!;
}

/** Expects the 303 back to the case page and returns the text of the page it leads to. */
export async function doneText(
  browser: StaffBrowser,
  response: LightMyRequestResponse,
  reference: string,
  slug: string,
) {
  expect(response.statusCode, textOf(response.body).slice(0, 600)).toBe(303);
  const location = String(response.headers.location);
  expect(location).toMatch(new RegExp(`^/staff/complaints/${reference}\\?done=${slug}(&event=\\d+)?$`));
  const page = await browser.get(location);
  expect(page.statusCode).toBe(200);
  return statusOf(page.body);
}

/** The text of the status message at the top of the case page. */
export function statusOf(html: string): string {
  const match = html.match(/<div[^>]*role="status"[^>]*>([\s\S]*?)<\/div>/);
  return match ? textOf(match[1]!).trim() : '';
}

/** The actions offered on the case page, in order (the list's `data-action` attributes). */
export function offeredOn(html: string): string[] {
  return [...html.matchAll(/<li data-action="(\w+)">/g)].map((m) => m[1]!);
}
