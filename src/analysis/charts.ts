/**
 * Charts of the report, drawn server-side as SVG from the report's own tables (Vega-Lite compiled to Vega,
 * rendered headless: `new vega.View(vega.parse(spec), { renderer: 'none' }).toSVG()`). The same SVG goes into
 * the page and the PDF. A chart is an image with a title and a description (role="img"); the table it was
 * drawn from stands beside it, so nobody depends on the picture. Colours reach at least 3:1 against white
 * (WCAG 1.4.11); hidden counts of the publishable version are left out of the drawing.
 */
import type * as vegaLite from 'vega-lite';
import type { Language } from '../domain/complaint.ts';
import { analysisMessages } from '../i18n/staff/analysis.ts';
import type { Table } from './document/types.ts';

export const CHART_FONT = 'DejaVu Sans';
const TEXT = '#1a1a1a';
/** Series colours, the chosen year (last series) in the organisation's blue; each ≥ 4.5:1 on white. */
const SERIES = ['#7a5000', '#6a3d9a', '#2e6b30', '#b34700', '#00598a'];
/** Parts of a whole (on time … no longer owed; satisfied … no reaction): green, orange, red, greys. */
const PARTS = ['#2e6b30', '#b34700', '#a4262c', '#595959', '#767676'];

const escapeXml = (text: string): string =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

interface Datum {
  label: string;
  order: number;
  series: string;
  seriesOrder: number;
  value: number;
}

function dataOf(table: Table): { data: Datum[]; hidden: boolean } {
  const plan = table.chart!;
  const data: Datum[] = [];
  let hidden = false;
  table.rows
    .filter((row) => !row.isTotal)
    .forEach((row, order) => {
      plan.series.forEach((key, seriesOrder) => {
        const cell = row.cells[key];
        if (!cell) return;
        if (cell.suppressed || typeof cell.value !== 'number') {
          hidden ||= cell.suppressed === true;
          return;
        }
        const column = table.columns.find((c) => c.key === key);
        data.push({ label: row.label, order, series: column?.label ?? key, seriesOrder, value: cell.value });
      });
    });
  return { data, hidden };
}

/** The Vega-Lite specification of a table's chart (exported for the tests). */
export function chartSpec(table: Table, language: Language): vegaLite.TopLevelSpec {
  const plan = table.chart!;
  const t = analysisMessages[language];
  const { data } = dataOf(table);
  const seriesLabels = plan.series.map((key) => table.columns.find((c) => c.key === key)?.label ?? key);
  const palette =
    plan.kind === 'stacked' ? PARTS.slice(0, seriesLabels.length) : SERIES.slice(-seriesLabels.length);
  const rows = table.rows.filter((r) => !r.isTotal).length;
  const many = seriesLabels.length > 1;
  const category = { field: 'label', type: 'nominal' as const, sort: { field: 'order' }, title: null };
  const value = {
    field: 'value',
    type: 'quantitative' as const,
    title: t.count,
    axis: { format: 'd', tickMinStep: 1 },
    ...(plan.kind === 'stacked' ? { stack: 'zero' as const } : {}),
  };
  const color = {
    field: 'series',
    type: 'nominal' as const,
    sort: seriesLabels,
    scale: { domain: seriesLabels, range: palette },
    legend: many ? { title: null, orient: 'bottom' as const, direction: 'horizontal' as const } : null,
  };
  const offset = many && plan.kind === 'bars' ? { field: 'series', sort: seriesLabels } : undefined;
  const encoding = plan.vertical
    ? {
        x: { ...category, axis: { labelAngle: -40 } },
        y: value,
        color,
        ...(offset ? { xOffset: offset } : {}),
      }
    : { y: category, x: value, color, ...(offset ? { yOffset: offset } : {}) };
  const band = plan.kind === 'bars' && many ? 10 * seriesLabels.length + 6 : 18;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: plan.vertical ? 440 : 300,
    height: plan.vertical ? 180 : Math.max(40, rows * band),
    background: 'white',
    padding: 4,
    config: {
      aria: false,
      font: CHART_FONT,
      view: { stroke: null },
      axis: {
        labelColor: TEXT,
        titleColor: TEXT,
        labelFontSize: 10,
        titleFontSize: 10,
        labelLimit: 180,
        domainColor: '#595959',
        tickColor: '#595959',
        gridColor: '#d9d9d9',
      },
      legend: { labelColor: TEXT, labelFontSize: 10, symbolType: 'square' },
    },
    data: { values: data },
    mark: { type: 'bar', stroke: 'white', strokeWidth: plan.kind === 'stacked' ? 1 : 0 },
    encoding,
  } as vegaLite.TopLevelSpec;
}

const cache = new Map<string, string>();
const CACHE_SIZE = 256;

/** Vega and Vega-Lite (about 30 MB) are loaded by the first chart, not when the server starts. */
async function chartLibraries() {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  return { vega, vegaLite };
}

/**
 * The table's chart as an SVG document with role="img", a <title> (the caption) and a <desc>; null for a table
 * without a chart or without anything to draw.
 */
export async function chartSvg(table: Table, language: Language): Promise<string | null> {
  if (!table.chart) return null;
  const { data, hidden } = dataOf(table);
  if (data.length === 0) return null;
  const t = analysisMessages[language];
  const spec = chartSpec(table, language);
  const key = JSON.stringify([spec, table.caption, hidden]);
  const cached = cache.get(key);
  if (cached) return cached;
  const { vega, vegaLite } = await chartLibraries();
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const id = `chart-${table.id}`;
  const description = [t.chartOf(table.caption), ...(hidden ? [t.chartSuppressedNote] : [])].join(' ');
  // One image with one name: the marks' own ARIA roles and labels (Vega adds some even with aria off) would make
  // the picture a tree of graphics for a screen reader, and role="img" allows no such children.
  const plain = svg.replace(/ (?:role|aria-[a-z]+)="[^"]*"/g, '');
  const accessible = plain
    .replace(/^<svg /, `<svg role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false" `)
    .replace(
      /^(<svg[^>]*>)/,
      `$1<title id="${id}-title">${escapeXml(table.caption)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>`,
    );
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, accessible);
  return accessible;
}
