/**
 * Which parts of the improvement form are personal data, and what replaces them when a case is anonymised
 * (retention, or a data subject's request to erase, AVG art. 17). This is the one place that says so: the
 * complaint itself, the before/after values in its history and the audit log's details all go through it.
 *
 * What stays is what the annual analysis and the organisation's accountability need: dates, states, codes
 * (channel, category, team, judgement, severity, kinds of measures, appeal routes, grounds), counts, deadlines
 * and whether they were met, the reporter's role and language, the commissioning party's TYPE, and the staff
 * who acted in their role (receiver, handler, owners of measures). What goes: the reporter's identity and
 * contact details, third parties' contact details, the names the reporter wrote, the link to the employees the
 * complaint was about, and every free text (anyone may have written a name or a diagnosis in it).
 *
 * Rules are typed against the domain types, so a field added to the form without a rule here does not compile.
 * Values of an older shape (history written before a field was renamed) are handled by deny-by-default: an
 * unknown text is redacted, unknown numbers and booleans are kept.
 */
import type { Complaint, InvolvedPerson } from './complaint.ts';
import type { FieldChanges } from './history.ts';

/** What replaces a removed free text. Dutch, like the data; pages may show their own words for it. */
export const REDACTED = '[verwijderd]';

/**
 * keep: statistics and structure; redact: a text that may hold personal data becomes REDACTED (null stays
 * null); erase: identity and contact details become null; each: every element of a list; fields: an object's
 * fields; custom: anything else (a union of shapes).
 */
export type Rule<T> =
  | 'keep'
  | (NonNullable<T> extends string ? 'redact' : never)
  | (null extends T ? 'erase' : never)
  | (NonNullable<T> extends readonly (infer E)[] ? { each: Rule<E> } : never)
  | (NonNullable<T> extends readonly unknown[]
      ? never
      : NonNullable<T> extends object
        ? { fields: FieldRules<NonNullable<T>> }
        : never)
  | { custom: (value: NonNullable<T>) => NonNullable<T> };

export type FieldRules<T> = { [K in keyof T]-?: Rule<T[K]> };

const involvedPerson = (person: InvolvedPerson): InvolvedPerson =>
  person.kind === 'user'
    ? // The employee the complaint was about: the link to the user goes, so no one can count complaints per person.
      { ...person, userId: '', name: REDACTED }
    : { ...person, name: REDACTED, organisation: null, email: null, postalAddress: null };

export const COMPLAINT_RULES: FieldRules<Complaint> = {
  id: 'keep',
  reference: 'keep',
  status: 'keep',
  version: 'keep',
  channel: 'keep',
  receivedAt: 'keep',
  registeredAt: 'keep',
  receiverId: 'keep',
  reporter: {
    fields: {
      anonymous: 'keep',
      name: 'erase',
      email: 'erase',
      phone: 'erase',
      postalAddress: 'erase',
      role: 'keep',
      language: 'keep',
      consentToContact: 'keep',
    },
  },
  trajectory: {
    fields: {
      reference: 'erase',
      jobcoach: 'erase',
      commissioningParty: { fields: { type: 'keep', name: 'erase', contact: 'erase' } },
    },
  },
  subject: 'keep',
  description: 'redact',
  desiredOutcome: 'redact',
  event: { fields: { date: 'keep', place: 'redact', circumstances: 'redact' } },
  category: 'keep',
  team: 'keep',
  mentions: { each: { fields: { id: 'keep', name: 'redact', linkedTo: 'keep' } } },
  involved: { each: { custom: involvedPerson } },
  serviceProvidedBy: 'keep',
  // The handler acts in their role: who handled a case stays for the organisation's accountability.
  handler: {
    fields: { userId: 'keep', name: 'keep', jobTitle: 'keep', assignedAt: 'keep', reason: 'redact' },
  },
  handlerHistory: {
    each: {
      fields: { userId: 'keep', name: 'keep', jobTitle: 'keep', assignedAt: 'keep', reason: 'redact' },
    },
  },
  summary: 'redact',
  deadlines: 'keep',
  extension: {
    fields: { workingDays: 'keep', reason: 'redact', noticeSentAt: 'keep', previousResolveBy: 'keep' },
  },
  acknowledgedAt: 'keep',
  hearingOffers: 'keep',
  hearings: { each: { fields: { id: 'keep', heldAt: 'keep', report: 'redact' } } },
  reactions: {
    each: {
      fields: {
        involvedPersonId: 'keep',
        summary: 'redact',
        summaryVersion: 'keep',
        agreedVersion: 'keep',
        agreedAt: 'keep',
        agreementMethod: 'redact',
      },
    },
  },
  decision: {
    fields: {
      judgement: 'keep',
      reasons: 'redact',
      findings: 'redact',
      severity: 'keep',
      cause: 'redact',
      responsibleParty: 'redact',
      decidedAt: 'keep',
      overrideReason: 'redact',
    },
  },
  findingsSentAt: 'keep',
  offers: {
    each: {
      fields: {
        id: 'keep',
        madeAt: 'keep',
        method: 'keep',
        phoneSkippedReason: 'redact',
        measures: { each: { fields: { kind: 'keep', description: 'redact' } } },
        satisfied: 'keep',
        reaction: 'redact',
        respondedAt: 'keep',
      },
    },
  },
  afterRejection: { each: { fields: { choice: 'keep', reason: 'redact', at: 'keep' } } },
  agreedMeasures: {
    each: {
      fields: {
        id: 'keep',
        kind: 'keep',
        description: 'redact',
        ownerUserId: 'keep',
        dueDate: 'keep',
        doneAt: 'keep',
      },
    },
  },
  writtenConfirmationSentAt: 'keep',
  notTakenUp: { fields: { ground: 'keep', motivation: 'redact', at: 'keep' } },
  withdrawal: { fields: { at: 'keep', reason: 'redact' } },
  resolvedAt: 'keep',
  finalReportSentAt: 'keep',
  prevention: { fields: { decision: 'keep', reason: 'redact', decidedAt: 'keep' } },
  preventiveMeasures: {
    each: {
      fields: {
        id: 'keep',
        description: 'redact',
        ownerUserId: 'keep',
        consulted: 'redact',
        dueDate: 'keep',
        doneAt: 'keep',
        evaluation: { fields: { effective: 'keep', note: 'redact', evaluatedAt: 'keep' } },
      },
    },
  },
  escalations: { each: { fields: { id: 'keep', at: 'keep', route: 'keep', note: 'redact' } } },
  reopenings: { each: { fields: { at: 'keep', reason: 'redact', fromStatus: 'keep' } } },
  closedAt: 'keep',
  closingNote: 'redact',
  reporterMessages: { each: { fields: { id: 'keep', at: 'keep', text: 'redact' } } },
  survey: { fields: { handledWell: 'keep', onTime: 'keep', comment: 'redact', answeredAt: 'keep' } },
  followUpLink: 'keep',
  updatedAt: 'keep',
};

type AnyRule =
  | 'keep'
  | 'redact'
  | 'erase'
  | { each: AnyRule }
  | { fields: Record<string, AnyRule> }
  | { custom: (value: never) => unknown };

function applyRule(rule: AnyRule, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (rule === 'keep') return value;
  if (rule === 'erase') return null;
  if (rule === 'redact') return REDACTED;
  if ('each' in rule)
    return Array.isArray(value) ? value.map((item) => applyRule(rule.each, item)) : denyByDefault(value);
  if ('fields' in rule) {
    if (typeof value !== 'object' || Array.isArray(value)) return denyByDefault(value);
    return applyFields(rule.fields, value as Record<string, unknown>);
  }
  return (rule.custom as (value: unknown) => unknown)(value);
}

function applyFields(
  rules: Record<string, AnyRule>,
  value: Record<string, unknown>,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const rule = Object.hasOwn(rules, key) ? rules[key] : undefined;
    result[key] = rule ? applyRule(rule, field) : denyByDefault(field);
  }
  return result;
}

/** A value nobody wrote a rule for: its texts are redacted, its numbers, booleans and structure kept. */
function denyByDefault(value: unknown): unknown {
  if (typeof value === 'string') return REDACTED;
  if (Array.isArray(value)) return value.map(denyByDefault);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, denyByDefault(field)]));
  }
  return value;
}

const rules = COMPLAINT_RULES as unknown as Record<string, AnyRule>;

/**
 * The complaint without its personal data. The follow-up link is marked revoked (the command also replaces the
 * token's hash, so no old link opens the case again).
 */
export function anonymiseComplaint(complaint: Complaint, now: string): Complaint {
  const anonymised = applyFields(
    rules,
    complaint as unknown as Record<string, unknown>,
  ) as unknown as Complaint;
  return {
    ...anonymised,
    followUpLink: { ...complaint.followUpLink, revokedAt: complaint.followUpLink.revokedAt ?? now },
    updatedAt: now,
  };
}

/** A history event's before/after values, each through the rule of its field (unknown fields: deny by default). */
export function anonymiseChanges(changes: FieldChanges): FieldChanges {
  const result: FieldChanges = {};
  for (const [field, change] of Object.entries(changes)) {
    const rule = Object.hasOwn(rules, field) ? rules[field] : undefined;
    const apply = (value: unknown) => (rule ? applyRule(rule, value) : denyByDefault(value));
    result[field] = { before: apply(change?.before ?? null), after: apply(change?.after ?? null) };
  }
  return result;
}

/** A free text (a history note, a hold's reason): redacted, or null when there was none. */
export const redactText = (text: string | null): string | null => (text === null ? null : REDACTED);

/** Keys of audit-log details that name a case and hold nothing personal. */
const AUDIT_KEYS_KEPT = new Set(['reference', 'references', 'view', 'via', 'format', 'count']);

/**
 * An audit entry's details about an anonymised case: the case's reference and counts stay, every other text is
 * redacted (the details should never hold personal data, but an entry is kept for years).
 */
export function anonymiseAuditDetails(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) => [
      key,
      AUDIT_KEYS_KEPT.has(key) ? value : denyByDefault(value),
    ]),
  );
}

/** What an anonymisation removed, as recorded in the deletion log (codes, in this order). */
export const DELETION_CATEGORIES = [
  'reporter_identity',
  'third_parties',
  'involved_people',
  'free_text',
  'history',
  'attachments',
  'letters',
  'emails',
  'audit_details',
  'follow_up_link',
  'legal_hold_reasons',
  'spot_records',
  'audit_log',
] as const;
export type DeletionCategory = (typeof DELETION_CATEGORIES)[number];
