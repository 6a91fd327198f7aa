/**
 * A letter as a PDF: A4, the organisation's letterhead, the recipient, date and reference, the subject in
 * bold, the body and the signature. DejaVu Sans is embedded (regular and bold), so Dutch characters (ë, é, €)
 * print and copy as written; react-pdf's built-in Helvetica would not be embedded at all.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { Document, Font, Page, renderToBuffer, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { Language } from '../domain/complaint.ts';
import type { LetterBlock } from './template.ts';

export interface LetterDocument {
  language: Language;
  organisation: {
    name: string;
    addressLines: string[];
    contactLines: string[];
    /** The branding colour of the letterhead. */
    color: string;
  };
  /** Name and, for a letter by post, the postal address; null for an anonymous reporter. */
  recipient: { name: string | null; addressLines: string[] } | null;
  date: string;
  reference: string;
  subject: string;
  blocks: LetterBlock[];
  /** The signature's lines: the handler's name, job title, the organisation. */
  signature: string[];
  /** Written into the PDF's metadata, so that the same letter renders to the same bytes. */
  createdAt: Date;
}

/** The embedded font family (registered when this module loads); other PDFs of the product use it too. */
export const FAMILY = 'DejaVu Sans';

// Registered once, when this module is first loaded.
const fontDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
Font.register({
  family: FAMILY,
  fonts: [
    { src: path.join(fontDir, 'DejaVuSans.ttf'), fontWeight: 'normal' },
    { src: path.join(fontDir, 'DejaVuSans-Bold.ttf'), fontWeight: 'bold' },
  ],
});
// react-pdf hyphenates with English patterns by default, which breaks Dutch words in odd places (and splits
// references and names when the text is read back). Letters wrap at spaces, except a "word" too long for a
// line (a long URL or code typed in a complaint), which react-pdf would otherwise cut off at the margin: it may
// break every 20 characters.
const LONGEST_UNBROKEN = 40;
Font.registerHyphenationCallback((word) =>
  word.length <= LONGEST_UNBROKEN ? [word] : (word.match(/.{1,20}/gsu) ?? [word]),
);

const LABELS = {
  nl: {
    date: 'Datum',
    reference: 'Ons kenmerk',
    page: (n: number, total: number) => `Pagina ${n} van ${total}`,
  },
  en: {
    date: 'Date',
    reference: 'Our reference',
    page: (n: number, total: number) => `Page ${n} of ${total}`,
  },
} satisfies Record<Language, unknown>;

// Line heights in points, per text style. react-pdf multiplies a unitless (numeric) line height by the font
// size of the same style, or by 18 when that style sets none; and a line height set on the page is also
// inherited by the footer's page number, which then vanishes and pushes a short letter onto two pages.
const LINE = '14.5pt';

const styles = StyleSheet.create({
  page: {
    fontFamily: FAMILY,
    fontSize: 10,
    color: '#1a1a1a',
    paddingTop: 42,
    paddingBottom: 64,
    paddingHorizontal: 62,
  },
  letterhead: {
    flexDirection: 'row',
    justifyContent: 'space-between',
    paddingBottom: 10,
    borderBottomWidth: 2,
  },
  organisationName: { fontSize: 18, fontWeight: 'bold' },
  contact: { fontSize: 8, lineHeight: '11pt', textAlign: 'right', color: '#444444' },
  // About where a Dutch window envelope shows the address (≈ 50 mm from the top).
  recipient: { marginTop: 48, minHeight: 64, lineHeight: LINE },
  recipientName: { fontWeight: 'bold' },
  meta: { flexDirection: 'row', marginTop: 18, fontSize: 9 },
  metaItem: { marginRight: 36 },
  metaLabel: { color: '#555555' },
  subject: { marginTop: 18, marginBottom: 14, fontSize: 11.5, fontWeight: 'bold' },
  heading: { marginTop: 4, marginBottom: 2, fontWeight: 'bold', lineHeight: LINE },
  paragraph: { marginBottom: 9 },
  line: { lineHeight: LINE },
  list: { marginBottom: 9 },
  listItem: { flexDirection: 'row', marginBottom: 2 },
  bullet: { width: 12, lineHeight: LINE },
  listText: { flex: 1, lineHeight: LINE },
  signature: { marginTop: 4, lineHeight: LINE },
  signatureName: { fontWeight: 'bold' },
  footer: { position: 'absolute', bottom: 30, left: 62, right: 62, fontSize: 7.5, color: '#666666' },
  footerRight: { textAlign: 'right' },
});

function Block({ block }: { block: LetterBlock }) {
  switch (block.type) {
    case 'heading':
      // Keeps a heading on the page of the text it introduces.
      return (
        <Text style={styles.heading} minPresenceAhead={30}>
          {block.text}
        </Text>
      );
    case 'paragraph':
      // One Text per line: a "\n" inside a Text has no glyph in DejaVu, and react-pdf then falls back to a
      // (non-embedded) Helvetica reference for it.
      return (
        <View style={styles.paragraph}>
          {block.lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines are static text in a fixed order
            <Text key={i} style={styles.line}>
              {line}
            </Text>
          ))}
        </View>
      );
    case 'list':
      return (
        <View style={styles.list}>
          {block.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the items are static text in a fixed order
            <View key={i} style={styles.listItem} wrap={false}>
              <Text style={styles.bullet}>•</Text>
              <Text style={styles.listText}>{item}</Text>
            </View>
          ))}
        </View>
      );
  }
}

function Letter({ letter }: { letter: LetterDocument }) {
  const labels = LABELS[letter.language];
  const { organisation, recipient } = letter;
  const [signatureName, ...signatureRest] = letter.signature;
  return (
    <Document
      title={letter.subject}
      author={organisation.name}
      subject={`${labels.reference} ${letter.reference}`}
      creator="Verbeterpunt"
      producer="Verbeterpunt"
      language={letter.language === 'nl' ? 'nl-NL' : 'en-GB'}
      creationDate={letter.createdAt}
      modificationDate={letter.createdAt}
    >
      <Page size="A4" style={styles.page}>
        <View style={[styles.letterhead, { borderBottomColor: organisation.color }]}>
          <Text style={[styles.organisationName, { color: organisation.color }]}>{organisation.name}</Text>
          <View>
            {[...organisation.addressLines, ...organisation.contactLines].map((line) => (
              <Text key={line} style={styles.contact}>
                {line}
              </Text>
            ))}
          </View>
        </View>

        <View style={styles.recipient}>
          {recipient?.name ? <Text style={styles.recipientName}>{recipient.name}</Text> : null}
          {recipient?.addressLines.map((line) => (
            <Text key={line}>{line}</Text>
          ))}
        </View>

        <View style={styles.meta}>
          <Text style={styles.metaItem}>
            <Text style={styles.metaLabel}>{labels.date}: </Text>
            {letter.date}
          </Text>
          <Text style={styles.metaItem}>
            <Text style={styles.metaLabel}>{labels.reference}: </Text>
            {letter.reference}
          </Text>
        </View>

        <Text style={styles.subject}>{letter.subject}</Text>

        {letter.blocks.map((block, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks are static text in a fixed order
          <Block key={i} block={block} />
        ))}

        <View style={styles.signature} wrap={false}>
          {signatureName ? <Text style={styles.signatureName}>{signatureName}</Text> : null}
          {signatureRest.map((line) => (
            <Text key={line}>{line}</Text>
          ))}
        </View>

        <Text style={styles.footer} fixed>
          {organisation.name} · {letter.reference}
        </Text>
        <Text
          style={[styles.footer, styles.footerRight]}
          fixed
          render={({ pageNumber, totalPages }) => labels.page(pageNumber, totalPages ?? pageNumber)}
        />
      </Page>
    </Document>
  );
}

/** Renders a letter to PDF bytes. */
export async function renderLetterPdf(letter: LetterDocument): Promise<Buffer> {
  return renderToBuffer(<Letter letter={letter} />);
}
