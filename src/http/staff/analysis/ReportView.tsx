/**
 * The report document on the page: per section its key figures and its tables, each table with its chart
 * beside it (inline SVG drawn on the server, an image with a title and a description; the table holds the same
 * figures for anyone who cannot see it). No JavaScript.
 */
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { formatCell } from '../../../analysis/document/format.ts';
import type { Block, ReportDocument, Section, Table } from '../../../analysis/document/types.ts';
import { TableWrap } from '../admin/components/TableWrap.tsx';

const NUMERIC = new Set(['count', 'percent', 'decimal', 'rate', 'pvalue']);

function ReportTable({ table, language }: { table: Table; language: ReportDocument['language'] }) {
  const captionId = `table-${table.id}`;
  return (
    <TableWrap labelledBy={captionId}>
      <table className="utrecht-table vp-report-table">
        <caption className="utrecht-table__caption vp-visually-hidden" id={captionId}>
          {table.caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {table.labelHeading}
            </th>
            {table.columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={`utrecht-table__header-cell${NUMERIC.has(column.kind) ? ' vp-num' : ''}`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {table.rows.map((row) => (
            <tr key={row.key} className={`utrecht-table__row${row.isTotal ? ' vp-total' : ''}`}>
              <th scope="row" className="utrecht-table__header-cell">
                {row.label}
              </th>
              {table.columns.map((column) => {
                const cell = row.cells[column.key];
                return (
                  <td
                    key={column.key}
                    className={`utrecht-table__cell${NUMERIC.has(column.kind) ? ' vp-num' : ''}`}
                  >
                    {cell ? formatCell(cell, column.kind, language) : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function BlockView({
  block,
  document,
  charts,
}: {
  block: Block;
  document: ReportDocument;
  charts: ReadonlyMap<string, string>;
}) {
  switch (block.type) {
    case 'figures':
      return (
        <dl className="vp-facts vp-key-figures">
          {block.items.map((item) => (
            <div key={item.key} className="vp-key-figure">
              <dt>{item.label}</dt>
              <dd>
                <strong>{formatCell(item.cell, item.kind, document.language)}</strong>
                {item.detail && (
                  <span className="vp-muted">{` (${item.detail.label}: ${formatCell(item.detail.cell, item.detail.kind, document.language)})`}</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      );
    case 'text':
      return (
        <div className="vp-report-text">
          {block.heading && <Heading level={3}>{block.heading}</Heading>}
          {block.paragraphs.map((paragraph) => (
            <Paragraph key={paragraph} className="vp-text">
              {paragraph}
            </Paragraph>
          ))}
        </div>
      );
    case 'table': {
      const svg = charts.get(block.id);
      return (
        <section className="vp-report-block" aria-labelledby={`heading-${block.id}`}>
          <Heading level={3} id={`heading-${block.id}`}>
            {block.caption}
          </Heading>
          <div className={svg ? 'vp-report-pair' : undefined}>
            <ReportTable table={block} language={document.language} />
            {svg && (
              // The SVG comes from our own chart code: Vega escapes every text it draws, and chartSvg its title.
              // biome-ignore lint/security/noDangerouslySetInnerHtml: server-drawn SVG of the table beside it
              <div className="vp-chart" dangerouslySetInnerHTML={{ __html: svg }} />
            )}
          </div>
        </section>
      );
    }
  }
}

export function ReportSections({
  document,
  charts,
  replace,
}: {
  document: ReportDocument;
  charts: ReadonlyMap<string, string>;
  /** A section to show differently (the judgement as a form): its id and what to show instead. */
  replace?: { id: string; node: ReactNode };
}) {
  return (
    <>
      {document.sections.map((section: Section) => (
        <section
          key={section.id}
          className="vp-section vp-report-section"
          aria-labelledby={`section-${section.id}`}
        >
          <Heading level={2} id={`section-${section.id}`}>
            {section.title}
          </Heading>
          {replace?.id === section.id
            ? replace.node
            : section.blocks.map((block) => (
                <BlockView key={block.id} block={block} document={document} charts={charts} />
              ))}
        </section>
      ))}
    </>
  );
}
