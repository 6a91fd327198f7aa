/**
 * The improvement form as a person fills it in: field ids are `field-<name>` (the page contract), files go
 * in with setInputFiles, and what the staff API should show afterwards is derived from the same values.
 */
import type { Locator, Page, Response } from 'playwright-core';
import { makePdf, makePng } from './browser.ts';

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export interface ComplaintValues {
  description: string;
  eventDate?: string;
  eventPlace?: string;
  eventCircumstances?: string;
  involved?: string[];
  desiredOutcome?: string;
  contactChoice?: 'contact' | 'anonymous';
  name?: string;
  email?: string;
  phone?: string;
  postalAddress?: string;
  role?: string;
  commissioningPartyType?: string;
  commissioningPartyName?: string;
  commissioningPartyContact?: string;
  consentToContact?: boolean;
  attachments?: UploadFile[];
}

/** Every field filled, with text that escaping, trimming or encoding could damage. */
export function fullComplaint(label: string): ComplaintValues {
  return {
    description: `Mijn jobcoach kwam op 28 april niet opdagen (${label}).\nHij belde pas één week later <b>terug</b> & zei: "dat gebeurt vaker".`,
    eventDate: '2026-04-28',
    eventPlace: 'Kantoor Utrecht, Stationsplein 1 – 2e verdieping',
    eventCircumstances: 'Tijdens het tweede gesprek over mijn werkplek; ik had een tolk meegenomen.',
    involved: ['Jeroen Bakker', 'Fatima Yilmaz'],
    desiredOutcome: 'Een vaste afspraakdag, en excuses van de jobcoach.',
    contactChoice: 'contact',
    name: 'Mila de Boer-Çelik',
    email: 'Mila.deBoer@example.nl',
    phone: '06 1234 5678',
    postalAddress: 'Oudegracht 1\n3511 AA Utrecht',
    role: 'candidate',
    commissioningPartyType: 'UWV',
    commissioningPartyName: 'UWV Utrecht',
    commissioningPartyContact: 'Klantcontact UWV, 088 898 92 94',
    consentToContact: true,
    attachments: [
      { name: 'verslag gesprek.pdf', mimeType: 'application/pdf', buffer: makePdf(label) },
      { name: 'foto-agenda.png', mimeType: 'image/png', buffer: makePng(label) },
    ],
  };
}

/** 2026-04-28 → 28-04-2026; anything else unchanged. */
export const dutchDate = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3-$2-$1');

export const field = (page: Page, name: string): Locator => page.locator(`#field-${name}`);

/** The main form (the one with the description field). */
export const complaintForm = (page: Page): Locator => page.locator('form:has(#field-description)');

/** The form's send button: a submit button that is not the language switch. */
export const sendButton = (page: Page): Locator =>
  complaintForm(page)
    .locator('button[type=submit]:not([name=switchLang]), input[type=submit]:not([name=switchLang])')
    .last();

export async function fillComplaintForm(page: Page, values: ComplaintValues): Promise<void> {
  await field(page, 'description').fill(values.description);
  if (values.eventDate !== undefined) {
    // A date input takes the ISO date; a text input the Dutch way of writing it (the hint says 30-04-2026).
    const type = await field(page, 'eventDate').getAttribute('type');
    await field(page, 'eventDate').fill(type === 'date' ? values.eventDate : dutchDate(values.eventDate));
  }
  if (values.eventPlace !== undefined) await field(page, 'eventPlace').fill(values.eventPlace);
  if (values.eventCircumstances !== undefined)
    await field(page, 'eventCircumstances').fill(values.eventCircumstances);
  if (values.involved !== undefined) await field(page, 'involved').fill(values.involved.join('\n'));
  if (values.desiredOutcome !== undefined) await field(page, 'desiredOutcome').fill(values.desiredOutcome);
  if (values.contactChoice !== undefined) {
    await page.locator(`input[name=contactChoice][value=${values.contactChoice}]`).check();
  }
  for (const key of [
    'name',
    'email',
    'phone',
    'postalAddress',
    'commissioningPartyName',
    'commissioningPartyContact',
  ] as const) {
    if (values[key] !== undefined) await field(page, key).fill(values[key]!);
  }
  if (values.role !== undefined) await field(page, 'role').selectOption(values.role);
  if (values.commissioningPartyType !== undefined)
    await field(page, 'commissioningPartyType').selectOption(values.commissioningPartyType);
  if (values.consentToContact !== undefined)
    await field(page, 'consentToContact').setChecked(values.consentToContact);
  if (values.attachments !== undefined) await field(page, 'attachments').setInputFiles(values.attachments);
}

/**
 * Clicks send and waits for the page that follows. Returns its status, and the status of the POST when the
 * page came after a redirect (303 → confirmation).
 */
export async function send(page: Page): Promise<{ status: number; redirectedFrom: number | null }> {
  const [response] = await Promise.all([page.waitForNavigation(), sendButton(page).click()]);
  return navigationResult(response);
}

/** Presses Enter on the focused element and waits for the page that follows. */
export async function pressEnterAndWait(
  page: Page,
): Promise<{ status: number; redirectedFrom: number | null }> {
  const [response] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return navigationResult(response);
}

export async function navigationResult(
  response: Response | null,
): Promise<{ status: number; redirectedFrom: number | null }> {
  if (!response) throw new Error('No navigation after submitting the form.');
  const previous = response.request().redirectedFrom();
  const previousResponse = previous ? await previous.response() : null;
  return { status: response.status(), redirectedFrom: previousResponse ? previousResponse.status() : null };
}

/** What the staff API should show of a complaint submitted with these values (in Dutch unless `language`). */
export function expectedStaffView(values: ComplaintValues, language = 'nl') {
  const anonymous = values.contactChoice === 'anonymous';
  return {
    channel: 'web',
    description: values.description,
    desiredOutcome: values.desiredOutcome ?? null,
    event: {
      date: values.eventDate ?? null,
      place: values.eventPlace ?? null,
      circumstances: values.eventCircumstances ?? null,
    },
    mentions: (values.involved ?? []).map((name) => ({ name })),
    reporter: anonymous
      ? { anonymous: true, name: null, email: null, phone: null, postalAddress: null, language }
      : {
          anonymous: false,
          name: values.name ?? null,
          email: values.email?.toLowerCase() ?? null,
          phone: values.phone ?? null,
          postalAddress: values.postalAddress ?? null,
          role: values.role ?? null,
          consentToContact: values.consentToContact ?? false,
          language,
        },
    trajectory: {
      commissioningParty: values.commissioningPartyType
        ? {
            type: values.commissioningPartyType,
            name: values.commissioningPartyName ?? null,
            contact: values.commissioningPartyContact ?? null,
          }
        : null,
    },
  };
}

/** The text a sighted reader sees (rendered, hidden parts left out) of the element, or of the page's main. */
export function visibleText(target: Page | Locator): Promise<string> {
  const locator = 'goto' in target ? target.locator('main') : target;
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, the rendered text, is meant.
  return locator.innerText();
}

/** The confirmation page's reference number (VP-YYYY-NNNNN). */
export async function referenceOn(page: Page): Promise<string> {
  const text = await visibleText(page);
  const match = text.match(/VP-\d{4}-\d{5}/);
  if (!match) throw new Error(`No reference number on ${page.url()}:\n${text.slice(0, 500)}`);
  return match[0];
}

/** The follow-up link on the confirmation page. */
export const followUpLink = (page: Page): Locator => page.locator('main a[href*="/follow-up/"]').first();
