/**
 * Every letter kind, in Dutch and in English, rendered to PDF for a complaint driven through the lifecycle with
 * the domain (newComplaint + applyAction), then read back with pdftotext: the reference, the dates written out
 * ("8 mei 2026"), the names, the handler's summary (never the reporter's raw text), the appeal routes in the
 * regulation's order, and the Dutch characters (ë, é, €) must all survive.
 *
 * The story, on the Atw calendar of 2026: received Thursday 30 April; acknowledgeBy 8 May; resolveBy 4 June,
 * 11 June after an extension of 5 working days (5, 8, 9, 10, 11 June); resolved 20 May → reportBy 19 June.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Action } from '../../src/domain/action-schemas.ts';
import type { Complaint, Language } from '../../src/domain/complaint.ts';
import type { PublicIntake } from '../../src/domain/intake.ts';
import { LETTER_KINDS, type LetterKind, type LetterRequest, lettersFor } from '../../src/domain/letters.ts';
import type { ActionName } from '../../src/domain/lifecycle.ts';
import { type ComposedLetter, composeWithTemplate } from '../../src/letters/compose.ts';
import { defaultTemplate } from '../../src/letters/template-store.ts';
import { createWorld, EMPLOYEE, HANDLER_1, QM, settingsWithExtension, USERS } from '../domain/fixtures.ts';
import { type PdfText, readPdf } from './pdf-text.ts';

const SETTINGS = settingsWithExtension(true);
const REFERENCE = 'VP-2026-00001';
const RAW_DESCRIPTION =
  'RAUWE-TEKST: ik ben woedend, die coach kwam alweer niet opdagen en niemand belde mij terug';
const SUMMARY =
  'Zoë Hendriks wachtte twee keer tevergeefs in café Zuid op haar jobcoach en maakte € 50 reiskosten.';

const INTAKE: PublicIntake = {
  reporter: {
    name: 'Zoë Hendriks',
    email: 'zoe.hendriks@example.nl',
    phone: '06 12345678',
    role: 'candidate',
    consentToContact: true,
  },
  description: RAW_DESCRIPTION,
  event: {
    date: '2026-04-28',
    place: 'Café Zuid, Utrecht',
    circumstances: 'De melder reist met de regiotaxi.',
  },
  involvedEmployees: ['Jan Jansen'],
  commissioningParty: { type: 'UWV', name: 'UWV Utrecht', contact: 'klachten.utrecht@uwv.example' },
};

const DECIDE = {
  name: 'decide',
  input: {
    judgement: 'well_founded',
    findings: 'De jobcoach was ziek en de afspraken zijn niet afgezegd.',
    reasons: 'Mevrouw Hendriks had bericht moeten krijgen. Dat is niet gebeurd.',
    severity: 'medium',
    cause: 'Geen vervanging bij ziekte.',
    responsibleParty: 'Team re-integratie',
  },
} satisfies Action;

/** The complaint right after each letter-sending action, and that action. */
type States = Record<LetterKind, { complaint: Complaint; action: ActionName }>;

function driveThroughTheLifecycle(): States {
  const w = createWorld(SETTINGS);
  w.at('2026-04-30T09:00:00+02:00');
  let c = w.register(INTAKE, { receivedAt: '2026-04-30T09:00:00+02:00' });
  w.at('2026-05-01T10:00:00+02:00').as(QM);
  c = w.run(
    c,
    { name: 'linkMention', input: { mentionId: 'id-1', link: { kind: 'user', userId: EMPLOYEE.id } } },
    {
      name: 'addInvolvedPerson',
      input: {
        person: {
          kind: 'third_party',
          thirdParty: { name: 'Taxibedrijf Noël', postalAddress: 'Stationsplein 1, 3511 ED Utrecht' },
        },
      },
    },
    { name: 'setServiceProvidedBy', input: { involvedPersonId: 'id-2' } },
    { name: 'assignHandler', input: { handlerId: HANDLER_1.id } },
  );
  w.at('2026-05-08T10:00:00+02:00').as(HANDLER_1);
  c = w.run(c, { name: 'recordSummary', input: { summary: SUMMARY } });
  const notTakenUp = w.run(c, {
    name: 'notTakeUp',
    input: {
      ground: 'already_handled',
      motivation: 'U diende in maart dezelfde klacht in; die is op 2 april afgehandeld.',
    },
  });
  c = w.run(c, { name: 'acknowledge', input: {} });
  const acknowledged = c;
  w.at('2026-05-11T09:00:00+02:00');
  c = w.run(c, { name: 'startInvestigation', input: {} });
  const investigating = c;
  w.at('2026-05-12T09:00:00+02:00');
  c = w.run(c, {
    name: 'extendResolutionTerm',
    input: { workingDays: 5, reason: 'Het taxibedrijf zoekt de ritgegevens nog op.' },
  });
  const extended = c;
  w.at('2026-05-13T09:00:00+02:00');
  c = w.run(
    c,
    {
      name: 'recordReaction',
      input: { involvedPersonId: 'id-2', summary: 'Ik was ziek en heb niet afgezegd.' },
    },
    { name: 'recordReaction', input: { involvedPersonId: 'id-3', summary: 'De rit is geannuleerd.' } },
    {
      name: 'recordThirdPartyAgreement',
      input: { involvedPersonId: 'id-3', version: 1, method: 'Telefonisch' },
    },
  );
  w.as(EMPLOYEE);
  c = w.run(c, { name: 'agreeReaction', input: { involvedPersonId: 'id-2', version: 1 } });
  w.at('2026-05-18T10:00:00+02:00').as(HANDLER_1);
  c = w.run(c, DECIDE);
  w.at('2026-05-19T10:00:00+02:00');
  const findings = w.run(c, { name: 'sendFindings', input: {} });
  c = w.run(c, {
    name: 'makeOffer',
    input: {
      method: 'phone',
      measures: [
        { kind: 'redress', description: 'Wij vergoeden de reiskosten van € 50.' },
        { kind: 'replacement_service', description: 'Een extra gesprek met een vaste vervanger.' },
      ],
    },
  });
  w.at('2026-05-20T10:00:00+02:00');
  c = w.run(
    c,
    { name: 'recordOfferAccepted', input: { reaction: 'Prima, dank u.' } },
    {
      name: 'addAgreedMeasure',
      input: {
        kind: 'redress',
        description: 'Terugbetaling van € 50 reiskosten',
        ownerId: HANDLER_1.id,
        dueDate: '2026-06-30',
      },
    },
  );
  c = w.run(c, { name: 'sendWrittenConfirmation', input: {} });
  const confirmed = c;
  w.at('2026-06-10T10:00:00+02:00');
  c = w.run(c, { name: 'sendFinalReport', input: {} });
  const reported = c;
  w.at('2026-06-11T10:00:00+02:00');
  c = w.run(c, {
    name: 'decidePreventiveMeasures',
    input: {
      measures: [
        {
          description: 'De teamleider neemt bij ziekte dezelfde dag de agenda over.',
          ownerId: QM.id,
          consulted: 'Teamleider',
          dueDate: '2026-09-01',
        },
      ],
    },
  });
  c = w.run(c, { name: 'completeAgreedMeasure', input: { measureId: c.agreedMeasures[0]!.id } });
  w.at('2026-06-12T10:00:00+02:00');
  const closed = w.run(c, { name: 'close', input: {} });
  return {
    acknowledgement: { complaint: acknowledged, action: 'acknowledge' },
    not_taken_up: { complaint: notTakenUp, action: 'notTakeUp' },
    extension_notice: { complaint: extended, action: 'extendResolutionTerm' },
    complaint_copy: { complaint: investigating, action: 'startInvestigation' },
    findings: { complaint: findings, action: 'sendFindings' },
    written_confirmation: { complaint: confirmed, action: 'sendWrittenConfirmation' },
    final_report: { complaint: reported, action: 'sendFinalReport' },
    survey_invitation: { complaint: closed, action: 'close' },
  };
}

const LETTER_DATE: Record<LetterKind, Record<Language, string>> = {
  acknowledgement: { nl: '8 mei 2026', en: '8 May 2026' },
  not_taken_up: { nl: '8 mei 2026', en: '8 May 2026' },
  complaint_copy: { nl: '11 mei 2026', en: '11 May 2026' },
  extension_notice: { nl: '12 mei 2026', en: '12 May 2026' },
  findings: { nl: '19 mei 2026', en: '19 May 2026' },
  written_confirmation: { nl: '20 mei 2026', en: '20 May 2026' },
  final_report: { nl: '10 juni 2026', en: '10 June 2026' },
  survey_invitation: { nl: '12 juni 2026', en: '12 June 2026' },
};

/** Where the letter names the appeal routes: the commissioning party, the UWV office, then the ombudsmen. */
const APPEAL_ORDER: Record<Language, string[]> = {
  nl: [
    'UWV Utrecht (klachten.utrecht@uwv.example)',
    'Het klachtenbureau van UWV',
    'In derde instantie: de Nationale Ombudsman',
    'of de ombudsman van uw gemeente',
    'Ieder(in)',
  ],
  en: [
    'UWV Utrecht (klachten.utrecht@uwv.example)',
    'The UWV complaints office',
    'In third instance: the National Ombudsman',
    'or the ombudsman of your municipality',
    'Ieder(in)',
  ],
};
const NAMES_APPEAL_ROUTES: readonly LetterKind[] = ['not_taken_up', 'findings', 'final_report'];
const QUOTES_SUMMARY: readonly LetterKind[] = [
  'acknowledgement',
  'not_taken_up',
  'complaint_copy',
  'findings',
  'written_confirmation',
  'final_report',
];

let states: States;
const rendered = new Map<string, { letter: ComposedLetter; pdf: PdfText; request: LetterRequest }>();

/** The letter of `kind` in `language` to the reporter (the complaint copy: to the involved employee). */
async function letterFor(
  kind: LetterKind,
  language: Language,
  pick: (r: LetterRequest) => boolean = defaultPick(kind),
) {
  const key = `${kind}/${language}/${pick.toString()}`;
  const cached = rendered.get(key);
  if (cached) return cached;
  const { complaint, action } = states[kind];
  const requests = lettersFor(action, complaint, (id) => USERS.get(id)?.email ?? null);
  const found = requests.find(pick);
  if (!found) throw new Error(`No ${kind} request matches`);
  const request: LetterRequest = { ...found, recipient: { ...found.recipient, language } };
  const now = complaint.updatedAt;
  const letter = await composeWithTemplate(
    defaultTemplate(kind, language),
    request,
    complaint,
    SETTINGS,
    now,
  );
  const result = { letter, pdf: readPdf(letter.pdf), request };
  rendered.set(key, result);
  return result;
}

const defaultPick = (kind: LetterKind) => (r: LetterRequest) =>
  kind === 'complaint_copy' ? r.recipient.name === 'Jan Jansen' : r.recipient.role === 'reporter';

beforeAll(() => {
  states = driveThroughTheLifecycle();
});

describe.each(['nl', 'en'] as const)('every letter in %s', (language) => {
  it.each(LETTER_KINDS)(
    '%s: reference, date, names, summary, Dutch characters, embedded font',
    async (kind) => {
      const { letter, pdf } = await letterFor(kind, language);
      expect(letter.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(letter.templateVersion).toBe(0);
      expect(pdf.flat).toContain(REFERENCE);
      expect(pdf.flat).toContain(LETTER_DATE[kind][language]);
      // The organisation's letterhead.
      expect(pdf.flat).toContain('Loket3');
      expect(pdf.flat).toContain('Voorbeeldstraat 3');
      expect(pdf.flat).toContain('klachten@loket3.nl');
      // The recipient by name; the signature with the handler's name and job title.
      const recipient = kind === 'complaint_copy' ? 'Jan Jansen' : 'Zoë Hendriks';
      expect(pdf.flat).toContain(language === 'nl' ? `Geachte ${recipient},` : `Dear ${recipient},`);
      expect(pdf.flat).toContain('Hanna de Vries Senior jobcoach Loket3');
      if (QUOTES_SUMMARY.includes(kind)) {
        expect(pdf.flat).toContain(SUMMARY);
        // ë, é and € survive the embedded font and the text layer.
        expect(pdf.layout).toMatch(/Zoë/);
        expect(pdf.layout).toMatch(/café/);
        expect(pdf.layout).toMatch(/€ 50/);
      } else {
        expect(pdf.layout).toMatch(/Zoë/);
      }
      // Never the reporter's raw text, in no letter.
      expect(pdf.flat).not.toContain('RAUWE-TEKST');
      expect(letter.text).not.toContain('RAUWE-TEKST');
      // DejaVu Sans, regular and bold, embedded as subsets with a Unicode map.
      expect(pdf.fonts).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
      expect(pdf.fonts).toMatch(/DejaVuSans-Bold\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
      expect(pdf.fonts).not.toMatch(/Helvetica/);
      // The email text says the same.
      expect(letter.text).toContain(REFERENCE);
      expect(letter.text).toContain(LETTER_DATE[kind][language]);
      expect(letter.subject).toMatch(REFERENCE);
    },
  );

  it.each(NAMES_APPEAL_ROUTES)('%s names the appeal routes in the regulation order', async (kind) => {
    const { pdf } = await letterFor(kind, language);
    const positions = APPEAL_ORDER[language].map((phrase) => pdf.flat.indexOf(phrase));
    expect(
      positions.every((p) => p >= 0),
      `${APPEAL_ORDER[language].join(' | ')}\n${pdf.flat}`,
    ).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});

describe('what each letter says', () => {
  it('acknowledgement: summary with date, place and circumstances; the actual handling date; the handler; the right to be heard', async () => {
    const { pdf } = await letterFor('acknowledgement', 'nl');
    expect(pdf.flat).toContain('Op 30 april 2026 hebben wij uw klacht ontvangen.');
    expect(pdf.flat).toContain(
      'Datum: 28 april 2026 Plaats: Café Zuid, Utrecht Bijzondere omstandigheden: De melder reist met de regiotaxi.',
    );
    expect(pdf.flat).toContain('Hanna de Vries (Senior jobcoach) behandelt uw klacht.');
    expect(pdf.flat).toContain(
      'Wij behandelen uw klacht binnen 21 werkdagen. U hoort uiterlijk op 4 juni 2026',
    );
    expect(pdf.flat).toContain('U heeft het recht om gehoord te worden.');
    expect(pdf.flat).toContain('Ons kenmerk: VP-2026-00001');
    const en = await letterFor('acknowledgement', 'en');
    expect(en.pdf.flat).toContain(
      'We handle your complaint within 21 working days. By 4 June 2026 at the latest',
    );
    expect(en.pdf.flat).toContain('You have the right to be heard.');
  });

  it('not taken up: the ground from settings, the motivation', async () => {
    const { pdf } = await letterFor('not_taken_up', 'nl');
    expect(pdf.flat).toContain('Dezelfde klacht is al behandeld');
    expect(pdf.flat).toContain('U diende in maart dezelfde klacht in; die is op 2 april afgehandeld.');
    const en = await letterFor('not_taken_up', 'en');
    expect(en.pdf.flat).toContain('The same complaint was already handled');
  });

  it('extension notice: the reason, the previous and the new date, to the reporter and the involved people', async () => {
    const { pdf } = await letterFor('extension_notice', 'nl');
    expect(pdf.flat).toContain('uiterlijk op 4 juni 2026 van ons zou horen');
    expect(pdf.flat).toContain('Het taxibedrijf zoekt de ritgegevens nog op.');
    expect(pdf.flat).toContain(
      'Wij nemen 5 werkdagen extra. U hoort uiterlijk op 11 juni 2026 wat de uitkomst is.',
    );
    const involved = await letterFor('extension_notice', 'nl', (r) => r.recipient.name === 'Jan Jansen');
    expect(involved.pdf.flat).toContain('U bent betrokken bij de klacht met kenmerk VP-2026-00001.');
    expect(involved.pdf.flat).toContain('De klacht is uiterlijk op 11 juni 2026 afgehandeld.');
  });

  it('complaint copy: the summary and event facts, asking for a reaction; a third party gets it by post with the address', async () => {
    const { pdf } = await letterFor('complaint_copy', 'nl');
    expect(pdf.flat).toContain('Wij vragen u om op de klacht te reageren.');
    expect(pdf.flat).toContain('ingediend door Zoë Hendriks (kandidaat)');
    expect(pdf.flat).toContain('Plaats: Café Zuid, Utrecht');
    const post = await letterFor('complaint_copy', 'nl', (r) => r.recipient.delivery === 'post');
    expect(post.request.recipient.name).toBe('Taxibedrijf Noël');
    expect(post.pdf.flat).toContain('Taxibedrijf Noël Stationsplein 1 3511 ED Utrecht');
  });

  it('findings: the motivated outcome in words; it closes the resolution term and names the next report', async () => {
    const { pdf } = await letterFor('findings', 'nl');
    expect(pdf.flat).toContain('De jobcoach was ziek en de afspraken zijn niet afgezegd.');
    expect(pdf.flat).toContain('Wij vinden uw klacht gegrond.');
    expect(pdf.flat).toContain('Mevrouw Hendriks had bericht moeten krijgen.');
    expect(pdf.flat).toContain('Met deze brief ronden wij de behandeling van uw klacht af.');
    expect(pdf.flat).toContain('U krijgt uiterlijk op 18 juni 2026 nog een kort schriftelijk verslag.');
    const en = await letterFor('findings', 'en');
    expect(en.pdf.flat).toContain('We find your complaint well-founded.');
  });

  it('written confirmation: the offer discussed by phone and the measures agreed, with dates', async () => {
    const { pdf } = await letterFor('written_confirmation', 'nl');
    expect(pdf.flat).toContain('Op 19 mei 2026 hebben wij telefonisch met u gesproken over uw klacht.');
    expect(pdf.flat).toContain('• Genoegdoening: Wij vergoeden de reiskosten van € 50.');
    expect(pdf.flat).toContain('• Vervangende dienst: Een extra gesprek met een vaste vervanger.');
    expect(pdf.flat).toContain(
      'U heeft ons laten weten dat u tevreden bent met dit aanbod. Uw reactie: "Prima, dank u."',
    );
    expect(pdf.flat).toContain('• Genoegdoening: Terugbetaling van € 50 reiskosten (uiterlijk 30 juni 2026)');
    expect(pdf.flat).toContain('U krijgt uiterlijk op 19 juni 2026 nog een kort schriftelijk verslag.');
  });

  it('final report: outcome, measures and preventive measures, to the reporter and everyone involved', async () => {
    const { pdf } = await letterFor('final_report', 'nl');
    expect(pdf.flat).toContain('Uw klacht is op 20 mei 2026 opgelost.');
    expect(pdf.flat).toContain('Wij vinden de klacht gegrond.');
    expect(pdf.flat).toContain('Terugbetaling van € 50 reiskosten (uiterlijk 30 juni 2026)');
    // Step 7 follows the report in the lifecycle, so the report says the preventive measures are being looked at.
    expect(pdf.flat).toContain('Wij bekijken of wij maatregelen kunnen nemen');
    const involved = await letterFor('final_report', 'nl', (r) => r.recipient.delivery === 'post');
    expect(involved.pdf.flat).toContain('U was betrokken bij de klacht met kenmerk VP-2026-00001.');
    expect(involved.pdf.flat).not.toContain('In derde instantie');

    // Where preventive measures are known (a reopened case reported again), the report lists them.
    const { complaint } = states.final_report;
    const withPrevention: Complaint = {
      ...complaint,
      preventiveMeasures: states.survey_invitation.complaint.preventiveMeasures,
    };
    const request = lettersFor('sendFinalReport', withPrevention, () => null).find(
      (r) => r.recipient.role === 'reporter',
    )!;
    const letter = await composeWithTemplate(
      defaultTemplate('final_report', 'nl'),
      request,
      withPrevention,
      SETTINGS,
      complaint.updatedAt,
    );
    expect(readPdf(letter.pdf).flat).toContain(
      'Om te voorkomen dat dit nog eens gebeurt, nemen wij deze maatregelen: • De teamleider neemt bij ziekte dezelfde dag de agenda over. (uiterlijk 1 september 2026)',
    );
  });

  it('survey invitation: points to the personal link (there is no link in letters) and says until when it works', async () => {
    const { pdf, letter } = await letterFor('survey_invitation', 'nl');
    expect(pdf.flat).toContain('via de persoonlijke link die u bij uw melding kreeg');
    expect(pdf.flat).toContain('De link werkt tot 10 september 2026.');
    expect(pdf.flat).not.toMatch(/https?:\/\/\S*(volg|follow)/);
    expect(letter.text).not.toMatch(/https?:\/\/\S*(volg|follow)/);
  });

  it('a letter by post shows the postal address; the email text carries no layout marks', async () => {
    const { complaint } = states.acknowledgement;
    const byPost: Complaint = {
      ...complaint,
      reporter: { ...complaint.reporter, email: null, postalAddress: 'Kerkstraat 12\n3511 AB Utrecht' },
    };
    const request = lettersFor('acknowledge', byPost, () => null)[0]!;
    expect(request.recipient.delivery).toBe('post');
    const letter = await composeWithTemplate(
      defaultTemplate('acknowledgement', 'nl'),
      request,
      byPost,
      SETTINGS,
      complaint.updatedAt,
    );
    expect(readPdf(letter.pdf).flat).toContain('Zoë Hendriks Kerkstraat 12 3511 AB Utrecht');
    expect(letter.text).not.toMatch(/^# /m);
    expect(letter.text).toMatch(/^Uw klacht in het kort$/m);
    expect(letter.text).toMatch(/^Hanna de Vries\nSenior jobcoach\nLoket3$/m);
  });

  it('an anonymous reporter: no name, "Geachte heer/mevrouw,"; the complaint copy says "een anonieme melder"', async () => {
    const { complaint } = states.complaint_copy;
    const anonymous: Complaint = {
      ...complaint,
      reporter: {
        ...complaint.reporter,
        anonymous: true,
        name: null,
        email: null,
        phone: null,
        postalAddress: null,
      },
    };
    const toReporter = lettersFor('acknowledge', anonymous, () => null)[0]!;
    expect(toReporter.recipient.delivery).toBe('follow_up_page');
    const ack = await composeWithTemplate(
      defaultTemplate('acknowledgement', 'nl'),
      toReporter,
      anonymous,
      SETTINGS,
      complaint.updatedAt,
    );
    expect(readPdf(ack.pdf).flat).toContain('Geachte heer/mevrouw,');
    const copyRequest = lettersFor('startInvestigation', anonymous, (id) => USERS.get(id)?.email ?? null)[0]!;
    const copy = await composeWithTemplate(
      defaultTemplate('complaint_copy', 'nl'),
      copyRequest,
      anonymous,
      SETTINGS,
      complaint.updatedAt,
    );
    expect(readPdf(copy.pdf).flat).toContain('ingediend door een anonieme melder (kandidaat)');
  });

  it('the date is the Amsterdam calendar date of `now`: 23:30 UTC on 7 May is 8 May', async () => {
    const { complaint } = states.acknowledgement;
    const request = lettersFor('acknowledge', complaint, () => null)[0]!;
    const letter = await composeWithTemplate(
      defaultTemplate('acknowledgement', 'nl'),
      request,
      complaint,
      SETTINGS,
      '2026-05-07T23:30:00Z',
    );
    expect(letter.text).toMatch(/^Datum: 8 mei 2026$/m);
  });

  it('the same letter renders to the same bytes', async () => {
    const { complaint } = states.acknowledgement;
    const request = lettersFor('acknowledge', complaint, () => null)[0]!;
    const a = await composeWithTemplate(
      defaultTemplate('acknowledgement', 'nl'),
      request,
      complaint,
      SETTINGS,
      complaint.updatedAt,
    );
    const b = await composeWithTemplate(
      defaultTemplate('acknowledgement', 'nl'),
      request,
      complaint,
      SETTINGS,
      complaint.updatedAt,
    );
    expect(a.pdf.equals(b.pdf)).toBe(true);
  });

  it('long and awkward content: a 10 000-character finding paginates, an unbroken 300-character word wraps instead of being cut off', async () => {
    const { complaint } = states.findings;
    const word = `https://example.nl/${'x'.repeat(280)}`;
    const long: Complaint = {
      ...complaint,
      summary: `${SUMMARY} ${word}`,
      decision: {
        ...complaint.decision!,
        findings: Array.from({ length: 100 }, (_, i) => `Bevinding ${i + 1}: ${'tekst '.repeat(15)}`).join(
          '\n',
        ),
      },
    };
    const request = lettersFor('sendFindings', long, () => null)[0]!;
    const started = Date.now();
    const letter = await composeWithTemplate(
      defaultTemplate('findings', 'nl'),
      request,
      long,
      SETTINGS,
      complaint.updatedAt,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    const pdf = readPdf(letter.pdf);
    expect(pdf.pages).toBeGreaterThan(3);
    expect(pdf.flat).toContain('Bevinding 100:');
    // Nothing is cut off at the margin: the long word wraps, with a hyphen at each break.
    expect(pdf.layout.replace(/-\n\s*/g, '')).toContain(word);
    expect(pdf.flat).toContain('Pagina 1 van');
  });
});
