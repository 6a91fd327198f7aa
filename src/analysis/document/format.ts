/** Cell values as text, in the report's language (Dutch: 1.234 and 97,5%). Pure. */
import type { Language } from '../../domain/complaint.ts';
import { analysisMessages } from '../../i18n/staff/analysis.ts';
import type { Verdict } from '../statistics.ts';
import type { Cell, CellKind } from './types.ts';

const HIDDEN = { nl: '(afgeschermd)', en: '(hidden)' } as const;

const formatters = new Map<string, Intl.NumberFormat>();
function number(language: Language, decimals: number, value: number): string {
  const key = `${language}:${decimals}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(analysisMessages[language].meta.intl, {
      minimumFractionDigits: 0,
      maximumFractionDigits: decimals,
    });
    formatters.set(key, format);
  }
  return format.format(value);
}

/** '3 maart 2025' / '3 March 2025' for an ISO date. */
export function formatDate(date: string, language: Language): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return `${d} ${analysisMessages[language].months[(m ?? 1) - 1]} ${y}`;
}

export function formatCell(cell: Cell, kind: CellKind, language: Language): string {
  const t = analysisMessages[language];
  if (cell.suppressed) return kind === 'count' && !cell.complement ? t.suppressed : HIDDEN[language];
  const { value } = cell;
  if (value === null || value === undefined) return t.none;
  switch (kind) {
    case 'count':
      return number(language, 0, Number(value));
    case 'percent':
      return `${number(language, 1, Number(value))}%`;
    case 'decimal':
    case 'rate':
      return number(language, 1, Number(value));
    case 'pvalue':
      return Number(value) < 0.001 ? `< ${number(language, 3, 0.001)}` : number(language, 3, Number(value));
    case 'verdict':
      return t.verdicts[value as Verdict] ?? String(value);
    case 'date':
      return formatDate(String(value), language);
    case 'text':
      return String(value);
  }
}
