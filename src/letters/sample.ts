/**
 * A built-in sample complaint for template previews and the sample letters in docs/letters/: fictional people
 * of the demo cast, driven through the lifecycle with the domain itself (newComplaint + applyAction), so each
 * letter is previewed with the facts it really has at the moment it is sent.
 */
import type { ActionContext, Actor, UserRef } from '../domain/action-context.ts';
import type { Action } from '../domain/action-schemas.ts';
import { applyAction } from '../domain/apply-action.ts';
import { createCalendar } from '../domain/calendar.ts';
import type { Complaint } from '../domain/complaint.ts';
import { newComplaint } from '../domain/intake.ts';
import { type LetterKind, type LetterRequest, lettersFor } from '../domain/letters.ts';
import type { ActionName } from '../domain/lifecycle.ts';
import { DEFAULT_SETTINGS, type OrganisationSettings } from '../domain/settings.ts';

const user = (id: string, name: string, jobTitle: string, roles: UserRef['roles']): UserRef => ({
  id,
  name,
  email: `${id}@loket3.example`,
  jobTitle,
  roles,
  active: true,
});

export const SAMPLE_USERS = {
  qualityManager: user('sample-qm', 'Marieke de Jong', 'Kwaliteitsmanager', ['quality_manager']),
  handler: user('sample-handler', 'Pieter van den Berg', 'Senior re-integratieadviseur', ['handler']),
  employee: user('sample-employee', 'Sanne Bakker', 'Jobcoach', ['receiver']),
} as const;

/** The reporter's own words: they must never appear in a letter (letters quote the handler's summary). */
export const SAMPLE_DESCRIPTION =
  'ik ben het spuugzat, twee keer voor niks naar de stad gekomen en niemand belt terug!!! dit is de laatste keer dat ik het pik';

export const SAMPLE_SUMMARY =
  'Mevrouw Zoë van Dijk had twee afspraken met haar jobcoach in café De Zoete Inval. Beide afspraken gingen zonder bericht niet door. Zij maakte daardoor € 50 reiskosten voor niets.';

/** When each step of the sample happens (2026; the Atw calendar of the default settings). */
const AT = {
  received: '2026-04-30T09:12:00+02:00',
  assigned: '2026-05-01T10:00:00+02:00',
  acknowledged: '2026-05-08T09:30:00+02:00',
  notTakenUp: '2026-05-08T11:00:00+02:00',
  investigation: '2026-05-11T09:00:00+02:00',
  reactions: '2026-05-13T14:00:00+02:00',
  extension: '2026-05-15T10:00:00+02:00',
  decided: '2026-05-26T10:00:00+02:00',
  offer: '2026-05-27T11:00:00+02:00',
  answered: '2026-05-28T15:00:00+02:00',
  resolved: '2026-05-29T16:00:00+02:00',
  reported: '2026-06-10T10:00:00+02:00',
  prevention: '2026-06-11T10:00:00+02:00',
  closed: '2026-06-12T10:00:00+02:00',
} as const;

interface Step {
  at: string;
  as: UserRef;
  action: Action;
}

const { qualityManager: QM, handler: HANDLER, employee: EMPLOYEE } = SAMPLE_USERS;

// Ids are handed out in order: the mention is id-1, the employee (involved) id-2, the taxi company id-3.
const ASSIGNED: Step[] = [
  {
    at: AT.assigned,
    as: QM,
    action: {
      name: 'linkMention',
      input: { mentionId: 'id-1', link: { kind: 'user', userId: EMPLOYEE.id } },
    },
  },
  {
    at: AT.assigned,
    as: QM,
    action: {
      name: 'addInvolvedPerson',
      input: {
        person: {
          kind: 'third_party',
          thirdParty: {
            name: 'Taxicentrale Régio Utrecht',
            organisation: 'Taxicentrale Régio Utrecht B.V.',
            postalAddress: 'Postbus 1234\n3500 AA Utrecht',
          },
        },
      },
    },
  },
  { at: AT.assigned, as: QM, action: { name: 'setServiceProvidedBy', input: { involvedPersonId: 'id-2' } } },
  { at: AT.assigned, as: QM, action: { name: 'assignHandler', input: { handlerId: HANDLER.id } } },
];

const ACKNOWLEDGED: Step[] = [
  ...ASSIGNED,
  { at: AT.acknowledged, as: HANDLER, action: { name: 'recordSummary', input: { summary: SAMPLE_SUMMARY } } },
  { at: AT.acknowledged, as: HANDLER, action: { name: 'acknowledge', input: {} } },
];

const INVESTIGATING: Step[] = [
  ...ACKNOWLEDGED,
  { at: AT.investigation, as: HANDLER, action: { name: 'startInvestigation', input: {} } },
];

const DECIDED: Step[] = [
  ...INVESTIGATING,
  {
    at: AT.reactions,
    as: HANDLER,
    action: {
      name: 'recordReaction',
      input: {
        involvedPersonId: 'id-2',
        summary: 'Ik was ziek en heb de afspraken niet laten afzeggen. Dat had wel gemoeten.',
      },
    },
  },
  {
    at: AT.reactions,
    as: EMPLOYEE,
    action: { name: 'agreeReaction', input: { involvedPersonId: 'id-2', version: 1 } },
  },
  {
    at: AT.reactions,
    as: HANDLER,
    action: {
      name: 'recordReaction',
      input: {
        involvedPersonId: 'id-3',
        summary: 'De rit is op verzoek van Loket3 geannuleerd, maar de melder is niet gebeld.',
      },
    },
  },
  {
    at: AT.reactions,
    as: HANDLER,
    action: {
      name: 'recordThirdPartyAgreement',
      input: { involvedPersonId: 'id-3', version: 1, method: 'Telefonisch akkoord van de planner' },
    },
  },
  {
    at: AT.decided,
    as: HANDLER,
    action: {
      name: 'decide',
      input: {
        judgement: 'well_founded',
        findings:
          'De jobcoach was op 21 en 28 april ziek. De afspraken zijn niet afgezegd, omdat niemand de agenda van de jobcoach overnam. De taxi is wel geannuleerd, maar mevrouw Van Dijk is daarover niet gebeld.',
        reasons:
          'Mevrouw Van Dijk had bericht moeten krijgen dat de afspraken niet doorgingen. Dat is niet gebeurd.',
        severity: 'medium',
        cause: 'Geen vervanging bij ziekte van de jobcoach.',
        responsibleParty: 'Team re-integratie Utrecht',
      },
    },
  },
  {
    at: AT.offer,
    as: HANDLER,
    action: {
      name: 'makeOffer',
      input: {
        method: 'phone',
        measures: [
          { kind: 'redress', description: 'Wij betalen de reiskosten van € 50 terug.' },
          {
            kind: 'replacement_service',
            description: 'Een extra coachingsgesprek bij u thuis, met een vaste vervanger.',
          },
        ],
      },
    },
  },
];

const RESOLVED: Step[] = [
  ...DECIDED,
  {
    at: AT.answered,
    as: HANDLER,
    action: {
      name: 'recordOfferAccepted',
      input: { reaction: 'Fijn dat het geld terugkomt. Graag een afspraak op dinsdag.' },
    },
  },
  {
    at: AT.answered,
    as: HANDLER,
    action: {
      name: 'addAgreedMeasure',
      input: {
        kind: 'redress',
        description: 'Terugbetaling van € 50 reiskosten',
        ownerId: HANDLER.id,
        dueDate: '2026-06-05',
      },
    },
  },
  {
    at: AT.answered,
    as: HANDLER,
    action: {
      name: 'addAgreedMeasure',
      input: {
        kind: 'replacement_service',
        description: 'Extra coachingsgesprek bij mevrouw Van Dijk thuis',
        ownerId: HANDLER.id,
        dueDate: '2026-06-16',
      },
    },
  },
  { at: AT.resolved, as: HANDLER, action: { name: 'sendWrittenConfirmation', input: {} } },
];

const REPORTED: Step[] = [
  ...RESOLVED,
  { at: AT.reported, as: HANDLER, action: { name: 'sendFinalReport', input: {} } },
];

const CLOSED: Step[] = [
  ...REPORTED,
  {
    at: AT.prevention,
    as: HANDLER,
    action: {
      name: 'decidePreventiveMeasures',
      input: {
        measures: [
          {
            description: 'Bij ziekte van een jobcoach neemt de teamleider dezelfde dag de agenda over.',
            ownerId: QM.id,
            consulted: 'Teamleider re-integratie',
            dueDate: '2026-09-01',
          },
        ],
      },
    },
  },
  {
    at: AT.closed,
    as: HANDLER,
    action: {
      name: 'close',
      input: { reason: 'Het coachingsgesprek staat gepland; de terugbetaling is gedaan.' },
    },
  },
];

/** The steps up to and including the action that sends each kind of letter. */
const PATHS: Record<LetterKind, { steps: Step[]; extension?: boolean }> = {
  acknowledgement: { steps: ACKNOWLEDGED },
  not_taken_up: {
    steps: [
      ...ASSIGNED,
      {
        at: AT.notTakenUp,
        as: HANDLER,
        action: {
          name: 'notTakeUp',
          input: {
            ground: 'already_handled',
            motivation:
              'U heeft over dezelfde afspraken in maart al een klacht ingediend. Die klacht hebben wij op 2 april 2026 afgehandeld. In deze nieuwe klacht staan geen nieuwe feiten.',
          },
        },
      },
    ],
  },
  extension_notice: {
    extension: true,
    steps: [
      ...INVESTIGATING,
      {
        at: AT.extension,
        as: HANDLER,
        action: {
          name: 'extendResolutionTerm',
          input: {
            workingDays: 10,
            reason:
              'De taxicentrale moet haar ritgegevens nog opzoeken. Die hebben wij nodig om uw klacht goed te kunnen beoordelen.',
          },
        },
      },
    ],
  },
  complaint_copy: { steps: INVESTIGATING },
  findings: {
    steps: [
      ...DECIDED,
      {
        at: AT.answered,
        as: HANDLER,
        action: {
          name: 'recordOfferRejected',
          input: { reaction: 'Ik wil ook een vergoeding voor mijn tijd.' },
        },
      },
      {
        at: AT.resolved,
        as: HANDLER,
        action: {
          name: 'decideNoFurtherStep',
          input: {
            reason:
              'Een vergoeding voor tijd bieden wij niet aan; het aanbod dekt de kosten die u heeft gemaakt.',
          },
        },
      },
    ],
  },
  written_confirmation: { steps: RESOLVED },
  final_report: { steps: REPORTED },
  survey_invitation: { steps: CLOSED },
};

export interface SampleLetter {
  complaint: Complaint;
  /** Who the sample letter goes to: the reporter, or for the complaint copy the third party (by post). */
  request: LetterRequest;
  /** The instant the letter is sent. */
  now: string;
}

/**
 * The sample complaint as it is right after the action that sends `kind`, and that letter's request. The
 * reporter has no email address, so the letters go by post and show the address block.
 */
export function sampleLetter(kind: LetterKind, settings: OrganisationSettings): SampleLetter {
  const path = PATHS[kind];
  // The sample shows the extension notice even where the organisation's regulation has no extension.
  // Settings are the administrator's: the sample's ground for not taking up is one they configured.
  const grounds =
    settings.nonAdmissionGrounds.length > 0
      ? settings.nonAdmissionGrounds
      : DEFAULT_SETTINGS.nonAdmissionGrounds;
  const ground = (grounds.find((g) => g.code === 'already_handled') ?? grounds[0])!.code;
  const domainSettings: OrganisationSettings = {
    ...settings,
    nonAdmissionGrounds: grounds,
    terms: path.extension
      ? {
          ...settings.terms,
          extension: { allowed: true, maxWorkingDays: Math.max(10, settings.terms.extension.maxWorkingDays) },
        }
      : settings.terms,
  };
  const calendar = createCalendar(settings.calendar);
  const users = new Map<string, UserRef>(Object.values(SAMPLE_USERS).map((u) => [u.id, u]));
  let counter = 0;
  const context = (now: string, actor: Actor): ActionContext => ({
    now,
    actor,
    settings: domainSettings,
    calendar,
    users,
    newId: () => `id-${++counter}`,
  });
  const asActor = (u: UserRef): Actor => ({ userId: u.id, name: u.name, roles: [...u.roles] });

  let complaint = newComplaint(
    {
      reporter: {
        name: 'Zoë van Dijk',
        phone: '06 12 34 56 78',
        postalAddress: 'Kerkstraat 12\n3511 AB Utrecht',
        role: 'candidate',
        consentToContact: true,
      },
      description: SAMPLE_DESCRIPTION,
      desiredOutcome: 'Mijn reiskosten terug en een jobcoach die wel komt.',
      event: {
        date: '2026-04-28',
        place: 'Café De Zoete Inval, Utrecht',
        circumstances: 'Mevrouw Van Dijk reist met de regiotaxi vanwege een lichamelijke beperking.',
      },
      involvedEmployees: ['Sanne Bakker'],
      commissioningParty: {
        type: 'municipality',
        name: 'Gemeente Utrecht, Werk en Inkomen',
        contact: 'klachten@utrecht.example, 14 030',
      },
      language: 'nl',
    },
    {
      id: 'sample-complaint',
      reference: 'VP-2026-00042',
      channel: 'web',
      receivedAt: AT.received,
      receiverId: null,
    },
    context(AT.received, asActor(QM)),
  );
  let last: Step | undefined;
  for (const step of path.steps) {
    const action: Action =
      step.action.name === 'notTakeUp'
        ? { name: 'notTakeUp', input: { ...step.action.input, ground } }
        : step.action;
    complaint = applyAction(complaint, action, context(step.at, asActor(step.as))).complaint;
    last = step;
  }
  const action = last!.action.name as ActionName;
  const requests = lettersFor(action, complaint, (userId) => users.get(userId)?.email ?? null);
  const request =
    kind === 'complaint_copy'
      ? requests.find((r) => r.recipient.delivery === 'post')!
      : requests.find((r) => r.recipient.role === 'reporter')!;
  return { complaint, request, now: last!.at };
}
