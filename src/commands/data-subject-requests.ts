/**
 * Data subjects' requests (AVG art. 15, 17, 20), answered by an administrator: find every complaint of a person
 * by email, phone or name; export them (JSON, a readable PDF, or a ZIP with both and the attachments); or erase
 * them where the law allows — erasure is the same anonymisation as retention, with the reason "data subject
 * request". Every request is in the audit log (who asked, how they searched, which cases were found and what
 * was done); every erasure also in the deletion log. What was searched for is not logged: it is personal data.
 *
 * Spot records (resolved on the spot) are not searched: they hold no identity by design.
 */
import { zipSync } from 'fflate';
import { transaction } from '../db/database.ts';
import { type Attachment, getAttachmentContent, listAttachments } from '../db/repositories/attachments.ts';
import { recordAudit } from '../db/repositories/audit-log.ts';
import { type ComplaintEvent, listEvents } from '../db/repositories/complaint-events.ts';
import { findComplaintById } from '../db/repositories/complaints.ts';
import type { DeletionEntry } from '../db/repositories/deletion-log.ts';
import { type Letter, listLetters } from '../db/repositories/letters.ts';
import {
  findActiveHold,
  findComplaintsOfPerson,
  isAnonymised,
  letterTexts,
  type PersonQuery,
} from '../db/repositories/privacy.ts';
import type { Actor } from '../domain/action-context.ts';
import type { Complaint, Language } from '../domain/complaint.ts';
import { DomainError, type LocalisedMessage } from '../domain/errors.ts';
import { endedAt } from '../domain/follow-up.ts';
import { anonymisationDueAt, erasureRefusal, mayHandleDataSubjectRequests } from '../domain/privacy.ts';
import { anonymiseCaseIn } from './anonymise-case.ts';
import { type CommandDeps, loadOrganisation } from './context.ts';

export type { PersonQuery };
export type ExportFormat = 'json' | 'pdf' | 'zip';

export interface RequestMeta {
  /** The administrator's own reference of the request (e.g. "AVG-2026-014"); never a name. */
  requestReference: string | null;
  ip: string | null;
}

export interface FoundCase {
  id: string;
  reference: string;
  status: Complaint['status'];
  receivedAt: string;
  endedAt: string | null;
  /** reporter: the person's own complaint; mentioned: the person appears in someone else's (not exported). */
  matchedAs: 'reporter' | 'mentioned';
  reporterName: string | null;
  reporterEmail: string | null;
  legalHold: boolean;
  anonymisationDueAt: string | null;
}

export interface ExportedCase {
  form: Complaint;
  history: ComplaintEvent[];
  letters: (Letter & { text: string })[];
  attachments: Attachment[];
}

export interface DataSubjectExport {
  organisation: string;
  exportedAt: string;
  query: PersonQuery;
  requestReference: string | null;
  complaints: ExportedCase[];
}

const invalid = (field: string, message: LocalisedMessage) =>
  new DomainError('invalid_input', message, { field });

function assertAdministrator(actor: Actor): void {
  if (!mayHandleDataSubjectRequests(actor)) {
    throw new DomainError('forbidden', {
      en: "Only an administrator answers data subjects' requests.",
      nl: 'Alleen een beheerder behandelt verzoeken van betrokkenen.',
    });
  }
}

/** Checks the search and the request's reference; the errors name the field. */
export function checkPersonQuery(query: PersonQuery, requestReference: string | null): PersonQuery {
  const value = query.value.trim();
  if (!['email', 'phone', 'name'].includes(query.by)) {
    throw invalid('by', { en: 'Choose what to search by.', nl: 'Kies waarop u zoekt.' });
  }
  if (query.by === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    throw invalid('value', {
      en: 'Enter an email address, for example name@example.com.',
      nl: 'Vul een e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
    });
  }
  if (query.by === 'phone' && value.replace(/\D/g, '').length < 6) {
    throw invalid('value', {
      en: 'Enter a phone number of at least 6 digits.',
      nl: 'Vul een telefoonnummer in van minstens 6 cijfers.',
    });
  }
  if (query.by === 'name' && value.replace(/\s/g, '').length < 3) {
    throw invalid('value', {
      en: 'Enter at least 3 letters of the name.',
      nl: 'Vul minstens 3 letters van de naam in.',
    });
  }
  if (value.length > 254)
    throw invalid('value', { en: 'At most 254 characters.', nl: 'Hoogstens 254 tekens.' });
  if (requestReference !== null && requestReference.length > 100) {
    throw invalid('requestReference', { en: 'At most 100 characters.', nl: 'Hoogstens 100 tekens.' });
  }
  return { by: query.by, value };
}

/** The person's cases, without logging (the commands below log what they do with them). */
async function matchCases(deps: Pick<CommandDeps, 'db'>, query: PersonQuery): Promise<FoundCase[]> {
  const { settings } = await loadOrganisation(deps.db.kysely);
  const found: FoundCase[] = [];
  for (const match of await findComplaintsOfPerson(deps.db.kysely, query)) {
    const complaint = await findComplaintById(deps.db.kysely, match.id);
    if (!complaint) continue;
    found.push({
      id: complaint.id,
      reference: complaint.reference,
      status: complaint.status,
      receivedAt: complaint.receivedAt,
      endedAt: endedAt(complaint),
      matchedAs: match.matchedAs,
      reporterName: complaint.reporter.name,
      reporterEmail: complaint.reporter.email,
      legalHold: (await findActiveHold(deps.db.kysely, complaint.id)) !== null,
      anonymisationDueAt: anonymisationDueAt(complaint, settings.retention.complaintYearsAfterClosing),
    });
  }
  return found;
}

/** Finds every complaint of the person, and logs the request. */
export async function findDataSubjectCases(
  deps: CommandDeps,
  actor: Actor,
  query: PersonQuery,
  meta: RequestMeta,
): Promise<FoundCase[]> {
  assertAdministrator(actor);
  const checked = checkPersonQuery(query, meta.requestReference);
  const found = await matchCases(deps, checked);
  await audit(deps, actor, 'data_subject_find', meta, {
    by: checked.by,
    references: found.filter((c) => c.matchedAs === 'reporter').map((c) => c.reference),
    mentionedIn: found.filter((c) => c.matchedAs === 'mentioned').length,
  });
  return found;
}

/**
 * The person's cases without a new entry in the audit log: to show the result of a search again after an
 * action on it was refused (the search itself and every action are logged).
 */
export async function personCases(deps: CommandDeps, actor: Actor, query: PersonQuery): Promise<FoundCase[]> {
  assertAdministrator(actor);
  return matchCases(deps, checkPersonQuery(query, null));
}

/**
 * The person's own cases named by `references` (all of them when absent); a reference that is not the
 * person's own complaint is refused, so a request can only ever reach that person's data.
 */
async function ownCases(
  deps: Pick<CommandDeps, 'db'>,
  query: PersonQuery,
  references?: string[],
): Promise<FoundCase[]> {
  const own = (await matchCases(deps, query)).filter((c) => c.matchedAs === 'reporter');
  if (!references) return own;
  const foreign = references.filter((ref) => !own.some((c) => c.reference === ref));
  if (foreign.length > 0) {
    throw invalid('references', {
      en: `Not a complaint of this person: ${foreign.join(', ')}.`,
      nl: `Geen klacht van deze persoon: ${foreign.join(', ')}.`,
    });
  }
  return own.filter((c) => references.includes(c.reference));
}

async function exportedCase(deps: Pick<CommandDeps, 'db'>, id: string): Promise<ExportedCase> {
  const db = deps.db.kysely;
  const form = await findComplaintById(db, id);
  if (!form)
    throw new DomainError('not_found', { en: 'The complaint is gone.', nl: 'De klacht bestaat niet meer.' });
  const texts = await letterTexts(db, id);
  return {
    form,
    history: await listEvents(db, id),
    letters: (await listLetters(db, id)).map((letter) => ({ ...letter, text: texts.get(letter.id) ?? '' })),
    attachments: await listAttachments(db, id),
  };
}

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
  references: string[];
}

/** The person's cases as JSON (complete), PDF (readable) or a ZIP of both with the attachments. */
export async function exportDataSubjectCases(
  deps: CommandDeps,
  actor: Actor,
  input: { query: PersonQuery; references?: string[]; format: ExportFormat; language?: Language },
  meta: RequestMeta,
): Promise<ExportFile> {
  assertAdministrator(actor);
  const query = checkPersonQuery(input.query, meta.requestReference);
  const cases = await ownCases(deps, query, input.references);
  const { settings } = await loadOrganisation(deps.db.kysely);
  const now = deps.now();
  const document: DataSubjectExport = {
    organisation: settings.name,
    exportedAt: now.toISOString(),
    query,
    requestReference: meta.requestReference,
    complaints: [],
  };
  for (const found of cases) document.complaints.push(await exportedCase(deps, found.id));
  const language = input.language ?? document.complaints[0]?.form.reporter.language ?? 'nl';
  const json = () => Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
  // The PDF renderer is loaded on first use (some 30 MB the server otherwise never needs).
  const pdf = async () =>
    (await import('../letters/privacy-export-pdf.tsx')).renderDataSubjectPdf({
      language,
      organisation: settings.name,
      exportedAt: document.exportedAt,
      cases: document.complaints,
    });
  const stamp = now.toISOString().slice(0, 10);
  let file: ExportFile;
  if (input.format === 'json') {
    file = {
      filename: `avg-export-${stamp}.json`,
      contentType: 'application/json; charset=utf-8',
      body: json(),
      references: [],
    };
  } else if (input.format === 'pdf') {
    file = {
      filename: `avg-export-${stamp}.pdf`,
      contentType: 'application/pdf',
      body: await pdf(),
      references: [],
    };
  } else {
    const entries: Record<string, Uint8Array> = { 'export.json': json(), 'export.pdf': await pdf() };
    for (const item of document.complaints) {
      for (const [index, attachment] of item.attachments.entries()) {
        const stored = await getAttachmentContent(deps.db.kysely, attachment.id);
        if (stored)
          entries[`attachments/${item.form.reference}/${index + 1}-${attachment.filename}`] = stored.content;
      }
    }
    file = {
      filename: `avg-export-${stamp}.zip`,
      contentType: 'application/zip',
      body: Buffer.from(zipSync(entries)),
      references: [],
    };
  }
  file.references = cases.map((c) => c.reference);
  await audit(deps, actor, 'data_subject_export', meta, {
    by: query.by,
    format: input.format,
    references: file.references,
  });
  return file;
}

export interface ErasureRefused {
  reference: string;
  field: string;
  message: LocalisedMessage;
}

/**
 * Erases the person's cases (all named, in one transaction: all or none). Refused as a whole, with each reason,
 * when any case is under a legal hold or still open without a recorded reason.
 */
export async function eraseDataSubjectCases(
  deps: CommandDeps,
  actor: Actor,
  input: { query: PersonQuery; references?: string[]; openCaseReason: string | null },
  meta: RequestMeta,
): Promise<DeletionEntry[]> {
  assertAdministrator(actor);
  const query = checkPersonQuery(input.query, meta.requestReference);
  const cases = await ownCases(deps, query, input.references);
  if (cases.length === 0) {
    throw invalid('references', {
      en: 'Choose the complaints to erase.',
      nl: 'Kies de klachten die gewist moeten worden.',
    });
  }
  const openCaseReason = input.openCaseReason?.trim() || null;
  if (openCaseReason && openCaseReason.length > 2000) {
    throw invalid('openCaseReason', { en: 'At most 2000 characters.', nl: 'Hoogstens 2000 tekens.' });
  }
  const now = deps.now().toISOString();
  try {
    return await eraseInTransaction(deps, actor, { query, cases, openCaseReason, now }, meta);
  } catch (error) {
    // A refused request is a request too: logged, with why, after the transaction rolled back.
    const refused = (error as DomainError).details?.refused as ErasureRefused[] | undefined;
    if (refused) {
      await audit(deps, actor, 'data_subject_erase_refused', meta, {
        by: query.by,
        references: refused.map((r) => r.reference),
        reasons: refused.map((r) => r.field),
      });
    }
    throw error;
  }
}

async function eraseInTransaction(
  deps: CommandDeps,
  actor: Actor,
  input: { query: PersonQuery; cases: FoundCase[]; openCaseReason: string | null; now: string },
  meta: RequestMeta,
): Promise<DeletionEntry[]> {
  const { query, cases, openCaseReason, now } = input;
  return transaction(deps.db, async (trx) => {
    const complaints: Complaint[] = [];
    const refused: ErasureRefused[] = [];
    for (const found of cases) {
      const complaint = await findComplaintById(trx, found.id);
      if (!complaint || (await isAnonymised(trx, complaint.id))) continue;
      const legalHold = (await findActiveHold(trx, complaint.id)) !== null;
      const refusal = erasureRefusal({ complaint, legalHold, openCaseReason });
      if (refusal) refused.push({ reference: complaint.reference, ...refusal });
      else complaints.push(complaint);
    }
    if (refused.length > 0) {
      const [first] = refused;
      throw new DomainError(
        'guard_failed',
        { en: refused.map((r) => r.message.en).join(' '), nl: refused.map((r) => r.message.nl).join(' ') },
        { field: first!.field, details: { refused } },
      );
    }
    const entries: DeletionEntry[] = [];
    for (const complaint of complaints) {
      entries.push(
        await anonymiseCaseIn(trx, complaint, {
          now,
          reason: 'data_subject_request',
          actorId: actor.userId,
          actorLabel: actor.name,
          requestReference: meta.requestReference,
          note: endedAt(complaint) === null ? openCaseReason : null,
        }),
      );
    }
    await recordAudit(trx, {
      at: now,
      actorId: actor.userId,
      actorLabel: actor.name,
      action: 'data_subject_erase',
      targetType: 'data_subject_request',
      ip: meta.ip,
      details: {
        by: query.by,
        requestReference: meta.requestReference,
        references: entries.map((e) => e.reference),
        count: entries.length,
      },
    });
    return entries;
  });
}

async function audit(
  deps: CommandDeps,
  actor: Actor,
  action: string,
  meta: RequestMeta,
  details: Record<string, unknown>,
): Promise<void> {
  await recordAudit(deps.db.kysely, {
    at: deps.now(),
    actorId: actor.userId,
    actorLabel: actor.name,
    action,
    targetType: 'data_subject_request',
    ip: meta.ip,
    details: {
      ...details,
      requestReference: meta.requestReference,
      count: (details.references as string[]).length,
    },
  });
}
