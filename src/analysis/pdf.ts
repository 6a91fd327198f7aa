/**
 * The report as a PDF (A4, pdfmake): the letterhead of the organisation, the key figures, every table with its
 * chart (the same SVG as on the page; pdfmake draws SVG strings as vectors), the judgement and how we counted.
 * DejaVu Sans is embedded, in text and in the charts, so ë and € print and copy as written.
 *
 * pdfmake's own Printer is used instead of its module-level singleton, whose fonts and access policies are
 * global state shared with anything else in the process that uses pdfmake.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Content, createPdf } from 'pdfmake';
import type { OrganisationSettings } from '../domain/settings.ts';
import { analysisMessages } from '../i18n/staff/analysis.ts';
import { CHART_FONT, chartSvg } from './charts.ts';
import { formatCell } from './document/format.ts';
import type { Block, CellKind, ReportDocument, Table } from './document/types.ts';

type TDocumentDefinitions = Parameters<typeof createPdf>[0];

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = {
  [CHART_FONT]: {
    normal: path.join(fontDir, 'DejaVuSans.ttf'),
    bold: path.join(fontDir, 'DejaVuSans-Bold.ttf'),
    italics: path.join(fontDir, 'DejaVuSans-Oblique.ttf'),
    bolditalics: path.join(fontDir, 'DejaVuSans-BoldOblique.ttf'),
  },
};
const FONT_FILES = new Set(Object.values(FONTS[CHART_FONT]));

interface PdfKitDocument {
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end' | 'error', listener: (error?: Error) => void): void;
  end(): void;
}
type PrinterClass = new (
  fonts: typeof FONTS,
  virtualfs: unknown,
  urlResolver: unknown,
  localAccessPolicy: (file: string) => boolean,
) => { createPdfKitDocument(doc: TDocumentDefinitions, options?: object): Promise<PdfKitDocument> };

const Printer = (require('pdfmake/js/Printer') as { default: PrinterClass }).default;
const URLResolver = (
  require('pdfmake/js/URLResolver') as {
    default: new (vfs: unknown) => { setUrlAccessPolicy(p: (url: string) => boolean): void };
  }
).default;
const virtualfs = (require('pdfmake/js/virtual-fs') as { default: unknown }).default;

function printer() {
  const resolver = new URLResolver(virtualfs);
  // Nothing is fetched: the report has no remote images.
  resolver.setUrlAccessPolicy(() => false);
  // Only the font files may be read from disk.
  return new Printer(FONTS, virtualfs, resolver, (file) => FONT_FILES.has(path.resolve(file)));
}

const MUTED = '#4d4d4d';

/**
 * Column widths in points by what a column holds: fixed, so that the label column gets the rest and long
 * headings wrap instead of squeezing the labels; a verdict fits "geen duidelijke verandering" on one line.
 */
const COLUMN_WIDTHS: Record<CellKind, number> = {
  count: 40,
  percent: 52,
  decimal: 44,
  rate: 44,
  pvalue: 58,
  verdict: 118,
  date: 64,
  text: 34,
};
/** Sections whose tables are too wide for a portrait page. */
const LANDSCAPE_SECTIONS = new Set(['trends']);

function tableContent(table: Table, language: ReportDocument['language']): Content {
  const header = [table.labelHeading, ...table.columns.map((c) => c.label)].map((text) => ({
    text,
    style: 'th',
  }));
  const body = table.rows.map((row) => [
    { text: row.label, bold: row.isTotal === true },
    ...table.columns.map((column) => {
      const cell = row.cells[column.key];
      return {
        text: cell ? formatCell(cell, column.kind, language) : '',
        alignment:
          column.kind === 'text' || column.kind === 'verdict' || column.kind === 'date'
            ? ('left' as const)
            : ('right' as const),
        bold: row.isTotal === true,
      };
    }),
  ]);
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ['*', ...table.columns.map((column) => COLUMN_WIDTHS[column.kind])],
      body: [header, ...body],
    },
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
        i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.3,
      vLineWidth: () => 0,
      hLineColor: () => '#8c8c8c',
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    fontSize: 8,
    margin: [0, 2, 0, 6],
  } as Content;
}

async function blockContent(block: Block, language: ReportDocument['language']): Promise<Content[]> {
  switch (block.type) {
    case 'figures':
      return [
        {
          table: {
            widths: ['*', 'auto', 'auto'],
            body: block.items.map((item) => [
              { text: item.label },
              { text: formatCell(item.cell, item.kind, language), bold: true, alignment: 'right' },
              {
                text: item.detail
                  ? `${item.detail.label}: ${formatCell(item.detail.cell, item.detail.kind, language)}`
                  : '',
                color: MUTED,
                alignment: 'right',
              },
            ]),
          },
          layout: 'lightHorizontalLines',
          margin: [0, 0, 0, 8],
        } as Content,
      ];
    case 'text':
      return [
        ...(block.heading ? [{ text: block.heading, style: 'h3' } as Content] : []),
        ...block.paragraphs.map((p) => ({ text: p, margin: [0, 0, 0, 4] }) as Content),
      ];
    case 'table': {
      const svg = await chartSvg(block, language);
      const parts: Content[] = [
        { text: block.caption, style: 'h3' },
        tableContent(block, language),
        ...(svg ? [{ svg, width: 360, margin: [0, 0, 0, 10] } as Content] : []),
      ];
      // A table with its chart stays on one page when it fits on one.
      return block.rows.length <= 16 ? [{ stack: parts, unbreakable: true } as Content] : parts;
    }
  }
}

export interface PdfOptions {
  organisation: Pick<OrganisationSettings, 'name' | 'address' | 'email' | 'phone' | 'website' | 'branding'>;
  /** Written into the PDF's metadata, so the same report renders to the same bytes. */
  createdAt: Date;
}

export async function renderReportPdf(document: ReportDocument, options: PdfOptions): Promise<Buffer> {
  const t = analysisMessages[document.language];
  const { organisation } = options;
  const color = organisation.branding.primaryColor;
  const content: Content[] = [
    {
      columns: [
        { text: organisation.name, fontSize: 18, bold: true, color },
        {
          stack: [
            organisation.address.street,
            `${organisation.address.postalCode} ${organisation.address.city}`,
            organisation.phone,
            organisation.email,
            organisation.website,
          ],
          alignment: 'right',
          fontSize: 7.5,
          color: MUTED,
        },
      ],
    },
    {
      canvas: [{ type: 'line', x1: 0, y1: 4, x2: 515, y2: 4, lineWidth: 2, lineColor: color }],
      margin: [0, 0, 0, 12],
    },
    { text: document.title, style: 'h1' },
    { text: document.subtitle, color: MUTED, margin: [0, 0, 0, 6] },
    ...document.notes.map(
      (note) => ({ text: note, fontSize: 8, color: MUTED, margin: [0, 0, 0, 2] }) as Content,
    ),
  ];
  let landscape = false;
  for (const section of document.sections) {
    const wide = LANDSCAPE_SECTIONS.has(section.id);
    // A wide section starts on a landscape page, and the section after it on a portrait one again.
    const turn =
      wide !== landscape ? { pageBreak: 'before', pageOrientation: wide ? 'landscape' : 'portrait' } : {};
    landscape = wide;
    const title = { text: section.title, style: 'h2', ...turn } as Content;
    const blocks: Content[] = [];
    for (const block of section.blocks) blocks.push(...(await blockContent(block, document.language)));
    // A section's title never stands alone at the foot of a page: it joins its first table when that is kept whole
    // (a title that turns the page starts one anyway; pdfmake turns pages only for a node at the top level).
    const [first, ...rest] = blocks;
    const kept = first as { stack?: Content[]; unbreakable?: boolean } | undefined;
    if (!('pageBreak' in turn) && kept?.unbreakable && kept.stack)
      content.push({ stack: [title, ...kept.stack], unbreakable: true } as Content, ...rest);
    else content.push(title, ...blocks);
  }
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 48],
    info: {
      title: document.title,
      author: organisation.name,
      subject: t.versions[document.version],
      creator: 'Verbeterpunt',
      producer: 'Verbeterpunt',
      creationDate: options.createdAt,
      modDate: options.createdAt,
    },
    language: document.language === 'nl' ? 'nl-NL' : 'en-GB',
    defaultStyle: { font: CHART_FONT, fontSize: 9, color: '#1a1a1a', lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 6], color },
      h3: { fontSize: 10, bold: true, margin: [0, 6, 0, 3] },
      th: { bold: true, fontSize: 7 },
    },
    footer: (page: number, pages: number) => ({
      columns: [
        {
          text: `${organisation.name} · ${document.title} · ${t.versions[document.version]}`,
          fontSize: 7,
          color: MUTED,
        },
        { text: `${page} / ${pages}`, alignment: 'right', fontSize: 7, color: MUTED },
      ],
      margin: [40, 16, 40, 0],
    }),
    content,
  };
  const pdf = await printer().createPdfKitDocument(definition);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', (error) => reject(error));
    pdf.end();
  });
}
