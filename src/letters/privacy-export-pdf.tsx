/**
 * A data subject's complaints as a readable PDF (AVG art. 15): per case the facts, what the person told us, how
 * it was handled, the history, the letters' texts and the list of attachments. The JSON export holds the same
 * and more, complete; this one is for reading. Same font and line rules as the letters (pdf.tsx).
 */
import { Document, Page, renderToBuffer, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { Complaint, Language } from '../domain/complaint.ts';
import type { LetterKind } from '../domain/letters.ts';
import { staffMessages } from '../i18n/staff/common.ts';
import { FAMILY } from './pdf.tsx';

export interface ExportedCaseForPdf {
  form: Complaint;
  history: { at: string; actorLabel: string; action: string; note: string | null }[];
  letters: { kind: LetterKind; createdAt: string; delivery: string; subject: string; text: string }[];
  attachments: { filename: string; contentType: string; size: number; uploadedAt: string }[];
}

export interface DataSubjectPdf {
  language: Language;
  organisation: string;
  exportedAt: string;
  cases: ExportedCaseForPdf[];
}

const LABELS = {
  nl: {
    title: 'Uw gegevens in onze klachtenregistratie',
    intro: (organisation: string, date: string, n: number) =>
      `${organisation} maakte dit overzicht op ${date} op uw verzoek (AVG artikel 15). Het gaat over ${n} ${n === 1 ? 'klacht' : 'klachten'}.`,
    none: 'Wij vonden geen klachten met uw gegevens.',
    complaint: (ref: string) => `Klacht ${ref}`,
    facts: 'Gegevens van de klacht',
    you: 'Uw gegevens',
    told: 'Wat u ons vertelde',
    handling: 'De behandeling',
    history: 'Geschiedenis',
    letters: 'Brieven',
    attachments: 'Bijlagen',
    noAttachments: 'Geen bijlagen.',
    noLetters: 'Geen brieven.',
    fields: {
      status: 'Stand',
      receivedAt: 'Ontvangen op',
      channel: 'Via',
      endedAt: 'Afgesloten op',
      name: 'Naam',
      email: 'E-mailadres',
      phone: 'Telefoonnummer',
      postalAddress: 'Adres',
      role: 'U bent',
      description: 'Wat er is gebeurd',
      desiredOutcome: 'Wat het goed zou maken',
      eventDate: 'Datum van de gebeurtenis',
      eventPlace: 'Plaats',
      circumstances: 'Omstandigheden',
      mentions: 'Personen die u noemde',
      trajectory: 'Traject',
      commissioningParty: 'Opdrachtgever',
      handler: 'Klachtbehandelaar',
      summary: 'Korte omschrijving',
      judgement: 'Oordeel',
      findings: 'Bevindingen',
      offer: 'Aanbod',
      reaction: 'Uw reactie',
      notTakenUp: 'Niet in behandeling genomen, omdat',
      withdrawal: 'Ingetrokken',
      hearing: 'Gesprek met u',
      message: 'Uw bericht',
      survey: 'Uw antwoord op de vragenlijst',
    },
    judgements: { well_founded: 'Gegrond', partly_well_founded: 'Deels gegrond', unfounded: 'Ongegrond' },
    kinds: {
      acknowledgement: 'Ontvangstbevestiging',
      not_taken_up: 'Niet in behandeling',
      extension_notice: 'Verlenging van de termijn',
      complaint_copy: 'Kopie van de klacht',
      findings: 'Bevindingen',
      written_confirmation: 'Schriftelijke bevestiging',
      final_report: 'Verslag',
      survey_invitation: 'Uitnodiging vragenlijst',
    } satisfies Record<LetterKind, string>,
    page: (n: number, total: number) => `Pagina ${n} van ${total}`,
    bytes: (n: number) => `${n.toLocaleString('nl-NL')} bytes`,
    intl: 'nl-NL',
  },
  en: {
    title: 'Your data in our complaints records',
    intro: (organisation: string, date: string, n: number) =>
      `${organisation} made this overview on ${date} at your request (GDPR article 15). It covers ${n} ${n === 1 ? 'complaint' : 'complaints'}.`,
    none: 'We found no complaints with your data.',
    complaint: (ref: string) => `Complaint ${ref}`,
    facts: 'About the complaint',
    you: 'Your details',
    told: 'What you told us',
    handling: 'How it was handled',
    history: 'History',
    letters: 'Letters',
    attachments: 'Attachments',
    noAttachments: 'No attachments.',
    noLetters: 'No letters.',
    fields: {
      status: 'State',
      receivedAt: 'Received on',
      channel: 'Through',
      endedAt: 'Closed on',
      name: 'Name',
      email: 'Email address',
      phone: 'Phone number',
      postalAddress: 'Address',
      role: 'You are',
      description: 'What happened',
      desiredOutcome: 'What would make it right',
      eventDate: 'Date of the event',
      eventPlace: 'Place',
      circumstances: 'Circumstances',
      mentions: 'People you named',
      trajectory: 'Trajectory',
      commissioningParty: 'Commissioning party',
      handler: 'Complaint handler',
      summary: 'Short description',
      judgement: 'Judgement',
      findings: 'Findings',
      offer: 'Offer',
      reaction: 'Your reaction',
      notTakenUp: 'Not taken up, because',
      withdrawal: 'Withdrawn',
      hearing: 'Conversation with you',
      message: 'Your message',
      survey: 'Your answer to the survey',
    },
    judgements: {
      well_founded: 'Well-founded',
      partly_well_founded: 'Partly well-founded',
      unfounded: 'Unfounded',
    },
    kinds: {
      acknowledgement: 'Acknowledgement',
      not_taken_up: 'Not taken up',
      extension_notice: 'Extension of the term',
      complaint_copy: 'Copy of the complaint',
      findings: 'Findings',
      written_confirmation: 'Written confirmation',
      final_report: 'Final report',
      survey_invitation: 'Survey invitation',
    } satisfies Record<LetterKind, string>,
    page: (n: number, total: number) => `Page ${n} of ${total}`,
    bytes: (n: number) => `${n.toLocaleString('en-GB')} bytes`,
    intl: 'en-GB',
  },
};

type Labels = (typeof LABELS)['nl'];

const LINE = '14pt';
const styles = StyleSheet.create({
  page: {
    fontFamily: FAMILY,
    fontSize: 9.5,
    color: '#1a1a1a',
    paddingTop: 42,
    paddingBottom: 60,
    paddingHorizontal: 56,
  },
  title: { fontSize: 16, fontWeight: 'bold', marginBottom: 8 },
  intro: { marginBottom: 14, lineHeight: LINE },
  complaint: { fontSize: 13, fontWeight: 'bold', marginTop: 10, marginBottom: 6 },
  section: { fontSize: 10.5, fontWeight: 'bold', marginTop: 8, marginBottom: 3 },
  field: { marginBottom: 5 },
  label: { color: '#555555', lineHeight: LINE },
  line: { lineHeight: LINE },
  letter: { marginTop: 6, marginBottom: 6, paddingLeft: 8, borderLeftWidth: 1, borderLeftColor: '#999999' },
  footer: {
    position: 'absolute',
    bottom: 28,
    left: 56,
    right: 56,
    fontSize: 7.5,
    color: '#666666',
    textAlign: 'right',
  },
});

/** Text over several lines: one Text per line (a "\n" has no glyph in DejaVu; see pdf.tsx). */
function Lines({ text }: { text: string }) {
  return (
    <>
      {text.split('\n').map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are static text in a fixed order
        <Text key={i} style={styles.line}>
          {line || ' '}
        </Text>
      ))}
    </>
  );
}

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  if (value === null || value === undefined || value === '') return null;
  return (
    <View style={styles.field} wrap={value.length > 600}>
      <Text style={styles.label}>{label}</Text>
      <Lines text={value} />
    </View>
  );
}

function Case({ item, l, lang }: { item: ExportedCaseForPdf; l: Labels; lang: Language }) {
  const c = item.form;
  const common = staffMessages[lang];
  const day = (iso: string | null | undefined) =>
    iso ? new Date(iso).toLocaleDateString(l.intl, { timeZone: 'Europe/Amsterdam' }) : null;
  const moment = (iso: string) => new Date(iso).toLocaleString(l.intl, { timeZone: 'Europe/Amsterdam' });
  const ended = c.closedAt ?? c.withdrawal?.at ?? c.notTakenUp?.at ?? null;
  const party = c.trajectory.commissioningParty;
  return (
    <View>
      <Text style={styles.complaint} minPresenceAhead={60}>
        {l.complaint(c.reference)}
      </Text>
      <Text style={styles.section}>{l.facts}</Text>
      <Field label={l.fields.status} value={common.statuses[c.status]} />
      <Field label={l.fields.receivedAt} value={day(c.receivedAt)} />
      <Field label={l.fields.channel} value={common.channels[c.channel]} />
      <Field label={l.fields.endedAt} value={day(ended)} />

      <Text style={styles.section}>{l.you}</Text>
      <Field label={l.fields.name} value={c.reporter.name} />
      <Field label={l.fields.email} value={c.reporter.email} />
      <Field label={l.fields.phone} value={c.reporter.phone} />
      <Field label={l.fields.postalAddress} value={c.reporter.postalAddress} />
      <Field label={l.fields.role} value={c.reporter.role ? common.reporterRoles[c.reporter.role] : null} />

      <Text style={styles.section}>{l.told}</Text>
      <Field label={l.fields.description} value={c.description} />
      <Field label={l.fields.desiredOutcome} value={c.desiredOutcome} />
      <Field label={l.fields.eventDate} value={c.event.date} />
      <Field label={l.fields.eventPlace} value={c.event.place} />
      <Field label={l.fields.circumstances} value={c.event.circumstances} />
      <Field label={l.fields.mentions} value={c.mentions.map((m) => m.name).join(', ')} />
      <Field
        label={l.fields.trajectory}
        value={[c.trajectory.reference, c.trajectory.jobcoach].filter(Boolean).join(', ')}
      />
      <Field
        label={l.fields.commissioningParty}
        value={party ? [party.type, party.name, party.contact].filter(Boolean).join(', ') : null}
      />
      {c.reporterMessages.map((m) => (
        <Field key={m.id} label={`${l.fields.message} (${day(m.at)})`} value={m.text} />
      ))}

      <Text style={styles.section}>{l.handling}</Text>
      <Field label={l.fields.handler} value={c.handler ? `${c.handler.name}, ${c.handler.jobTitle}` : null} />
      <Field label={l.fields.summary} value={c.summary} />
      {c.hearings.map((h) => (
        <Field key={h.id} label={`${l.fields.hearing} (${day(h.heldAt)})`} value={h.report} />
      ))}
      <Field
        label={l.fields.judgement}
        value={c.decision ? `${l.judgements[c.decision.judgement]}. ${c.decision.reasons}` : null}
      />
      <Field label={l.fields.findings} value={c.decision?.findings} />
      {c.offers.map((o) => (
        <View key={o.id}>
          <Field
            label={`${l.fields.offer} (${day(o.madeAt)})`}
            value={o.measures.map((m) => m.description).join('\n')}
          />
          <Field label={l.fields.reaction} value={o.reaction} />
        </View>
      ))}
      <Field label={l.fields.notTakenUp} value={c.notTakenUp?.motivation} />
      <Field
        label={l.fields.withdrawal}
        value={c.withdrawal ? (c.withdrawal.reason ?? day(c.withdrawal.at)) : null}
      />
      <Field label={l.fields.survey} value={c.survey?.comment} />

      <Text style={styles.section} minPresenceAhead={40}>
        {l.history}
      </Text>
      {item.history.map((event, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the history is in a fixed order
        <Text key={i} style={styles.line}>
          {`${moment(event.at)} · ${event.actorLabel} · ${(common.actions as Record<string, string>)[event.action] ?? event.action}`}
        </Text>
      ))}

      <Text style={styles.section} minPresenceAhead={40}>
        {l.letters}
      </Text>
      {item.letters.length === 0 ? <Text style={styles.line}>{l.noLetters}</Text> : null}
      {item.letters.map((letter, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: letters are in a fixed order
        <View key={i} style={styles.letter}>
          <Text
            style={styles.label}
          >{`${l.kinds[letter.kind] ?? letter.kind} · ${day(letter.createdAt)} · ${letter.subject}`}</Text>
          <Lines text={letter.text} />
        </View>
      ))}

      <Text style={styles.section} minPresenceAhead={30}>
        {l.attachments}
      </Text>
      {item.attachments.length === 0 ? <Text style={styles.line}>{l.noAttachments}</Text> : null}
      {item.attachments.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: attachments are in a fixed order
        <Text key={i} style={styles.line}>
          {`${a.filename} (${a.contentType}, ${l.bytes(a.size)}, ${day(a.uploadedAt)})`}
        </Text>
      ))}
    </View>
  );
}

/** Renders the export to PDF bytes. */
export async function renderDataSubjectPdf(data: DataSubjectPdf): Promise<Buffer> {
  const l = LABELS[data.language];
  const exportedOn = new Date(data.exportedAt).toLocaleDateString(l.intl, { timeZone: 'Europe/Amsterdam' });
  return renderToBuffer(
    <Document
      title={l.title}
      author={data.organisation}
      creator="Verbeterpunt"
      producer="Verbeterpunt"
      language={data.language === 'nl' ? 'nl-NL' : 'en-GB'}
      creationDate={new Date(data.exportedAt)}
      modificationDate={new Date(data.exportedAt)}
    >
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>{l.title}</Text>
        <Text style={styles.intro}>{l.intro(data.organisation, exportedOn, data.cases.length)}</Text>
        {data.cases.length === 0 ? <Text style={styles.line}>{l.none}</Text> : null}
        {data.cases.map((item) => (
          <Case key={item.form.id} item={item} l={l} lang={data.language} />
        ))}
        <Text
          style={styles.footer}
          fixed
          render={({ pageNumber, totalPages }) => l.page(pageNumber, totalPages ?? pageNumber)}
        />
      </Page>
    </Document>,
  );
}
