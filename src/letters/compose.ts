/**
 * One letter to one recipient: the template in force for its kind and the recipient's language, filled with
 * the facts of the complaint as it is after the action, rendered twice from the same text: plain text for the
 * email body and a PDF for printing, the follow-up page and the attachment.
 */

import type { DbExecutor } from '../db/database.ts';
import type { Complaint } from '../domain/complaint.ts';
import type { LetterRequest } from '../domain/letters.ts';
import type { OrganisationSettings } from '../domain/settings.ts';
import { buildFacts } from './facts.ts';
import type { LetterDocument } from './pdf.tsx';
import { renderTemplate, type TemplateText, toBlocks, toPlainText } from './template.ts';
import { loadTemplate } from './template-store.ts';

export interface ComposedLetter {
  subject: string;
  text: string;
  pdf: Buffer;
  /** The template version used: 0 for the built-in default. */
  templateVersion: number;
}

/** Composes a letter with the template in force (read through `db`, which may be the action's transaction). */
export async function composeLetter(
  db: DbExecutor,
  request: LetterRequest,
  complaint: Complaint,
  settings: OrganisationSettings,
  now: string,
): Promise<ComposedLetter> {
  const template = await loadTemplate(db, request.kind, request.recipient.language);
  return composeWithTemplate({ ...template }, request, complaint, settings, now);
}

/** Composes a letter with a given template text (previews, samples); `version` is reported back as is. */
export async function composeWithTemplate(
  template: TemplateText & { version: number },
  request: LetterRequest,
  complaint: Complaint,
  settings: OrganisationSettings,
  now: string,
): Promise<ComposedLetter> {
  const { document, text } = prepareLetter(template, request, complaint, settings, now);
  // Loaded on first use: the PDF renderer holds some 30 MB that intake and the pages never need.
  const { renderLetterPdf } = await import('./pdf.tsx');
  const pdf = await renderLetterPdf(document);
  return { subject: document.subject, text, pdf, templateVersion: template.version };
}

const TEXT_LABELS = {
  nl: { date: 'Datum', reference: 'Ons kenmerk' },
  en: { date: 'Date', reference: 'Our reference' },
};

/** What the PDF shows and the email's text, from the template and the facts. Pure: no I/O. */
export function prepareLetter(
  template: TemplateText,
  request: LetterRequest,
  complaint: Complaint,
  settings: OrganisationSettings,
  now: string,
): { document: LetterDocument; text: string } {
  const facts = buildFacts(request, complaint, settings, now);
  const { recipient } = request;
  const { address } = settings;
  const body = renderTemplate(template.body, facts);
  const document: LetterDocument = {
    language: recipient.language,
    organisation: {
      name: settings.name,
      addressLines: [address.street, `${address.postalCode} ${address.city}`.trim()].filter(Boolean),
      contactLines: [settings.phone, settings.email, settings.website.replace(/^https?:\/\//, '')].filter(
        Boolean,
      ),
      color: settings.branding?.primaryColor ?? '#00598a',
    },
    recipient:
      facts.recipientName || (recipient.delivery === 'post' && recipient.postalAddress)
        ? {
            name: facts.recipientName || null,
            addressLines: recipient.delivery === 'post' ? postalAddressLines(recipient.postalAddress) : [],
          }
        : null,
    date: facts.letterDate,
    reference: facts.reference,
    // A subject is one line, whatever a fact inside it holds.
    subject: renderTemplate(template.subject, facts).replace(/\s+/g, ' ').trim(),
    blocks: toBlocks(body),
    signature: facts.hasHandler
      ? [facts.handlerName, facts.handlerJobTitle, settings.name].filter(Boolean)
      : [settings.name],
    createdAt: new Date(now),
  };
  const labels = TEXT_LABELS[document.language];
  const text = [
    `${labels.date}: ${document.date}`,
    `${labels.reference}: ${document.reference}`,
    '',
    toPlainText(body),
    '',
    ...document.signature,
    '',
  ].join('\n');
  return { document, text };
}

/** A postal address as lines: as written when it has line breaks, else split at its commas. */
export function postalAddressLines(address: string | null): string[] {
  if (!address) return [];
  const lines = address.includes('\n') ? address.split('\n') : address.split(',');
  return lines.map((line) => line.trim()).filter(Boolean);
}
