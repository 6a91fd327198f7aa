/**
 * The building blocks of the case page: a section with its heading, a list of facts (label and value, "not
 * recorded" where empty), a table that scrolls inside its own box, the deadline traffic light (a word as
 * well as a colour), and a small form that posts one action with the case's version.
 */
import {
  Button,
  Heading,
  Paragraph,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { Fragment, type ReactNode } from 'react';
import { amsterdamDateOf } from '../../../../domain/calendar.ts';
import type { DeadlineOverview, DeadlineState } from '../../../../domain/deadlines.ts';
import type { CasesMessages } from '../../../../i18n/staff/cases.ts';
import { formatDateTime, formatMegabytes, formatShortDate } from '../../../pages/dates.ts';
import type { StaffPageContext } from '../../context.ts';

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="vp-case-section" aria-labelledby={`${id}-heading`} id={id}>
      <Heading level={2} id={`${id}-heading`}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

export function SubHeading({ children }: { children: ReactNode }) {
  return <Heading level={3}>{children}</Heading>;
}

export type Fact = readonly [label: string, value: ReactNode | null | undefined];

/** Label and value pairs; an empty value says "not recorded", so the form shows every field the regulation names. */
export function Facts({ t, rows }: { t: CasesMessages; rows: readonly Fact[] }) {
  return (
    <dl className="vp-facts">
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>
            {value === null || value === undefined || value === '' ? (
              <span className="vp-muted">{t.page.notRecorded}</span>
            ) : (
              value
            )}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** A table that scrolls sideways inside its own focusable box, never the page (reflow at 320 px). */
export function TableBox({
  id,
  caption,
  hiddenCaption = false,
  children,
}: {
  id: string;
  caption: string;
  /** For screen readers only, where a heading right above says the same. */
  hiddenCaption?: boolean;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
    <section className="vp-table-wrap" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="utrecht-table" id={id}>
        <caption
          className={hiddenCaption ? 'vp-visually-hidden' : 'utrecht-table__caption'}
          id={`${id}-caption`}
        >
          {caption}
        </caption>
        {children}
      </table>
    </section>
  );
}

/** The header row of a table: one column header per name. */
export function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <TableHeader>
      <TableRow>
        {columns.map((column) => (
          <TableHeaderCell key={column} scope="col">
            {column}
          </TableHeaderCell>
        ))}
      </TableRow>
    </TableHeader>
  );
}

/** The terms of a deadline overview in the regulation's order; the final report's once it is owed. */
export function termsOf(overview: DeadlineOverview) {
  return [
    ['acknowledge', overview.acknowledge],
    ['resolve', overview.resolve],
    ...(overview.report ? [['report', overview.report] as const] : []),
  ] as const;
}

export function Light({ state, label }: { state: DeadlineState; label: string }) {
  return <span className={`vp-light vp-light--${state}`}>{label}</span>;
}

export function Muted({ children }: { children: ReactNode }) {
  return <Paragraph className="vp-muted">{children}</Paragraph>;
}

/** Text as typed, line breaks kept (React escapes it: a complaint's text never becomes markup). */
export function Text({ children }: { children: string | null | undefined }) {
  return <span className="vp-text">{children}</span>;
}

export const when = (ctx: StaffPageContext, instant: string | null | undefined): string | null =>
  instant ? formatDateTime(ctx.t, instant) : null;

/** A file's size: bytes below 1 KB, otherwise KB or MB as the upload limits are told. */
export const size = (ctx: StaffPageContext, bytes: number): string =>
  bytes < 1024 ? `${bytes.toLocaleString(ctx.t.meta.intl)} B` : formatMegabytes(ctx.t, bytes);

export const day = (ctx: StaffPageContext, date: string | null | undefined): string | null =>
  date ? formatShortDate(ctx.t, date) : null;

/** The Amsterdam calendar day of an instant (a letter posted "on 4 May" is stored as its first moment). */
export const dayOf = (ctx: StaffPageContext, instant: string | null | undefined): string | null =>
  instant ? formatShortDate(ctx.t, amsterdamDateOf(instant)) : null;

/** One button that posts an action of this case, with the version the page showed (409 if it moved on). */
export function ActionButton({
  ctx,
  href,
  version,
  fields = {},
  label,
  hiddenLabel,
}: {
  ctx: StaffPageContext;
  href: string;
  version: number;
  fields?: Record<string, string>;
  label: string;
  /** Read after the label by screen readers, to tell one row's button from the next. */
  hiddenLabel?: string;
}) {
  return (
    <form method="post" action={href} className="vp-inline-form">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <input type="hidden" name="caseVersion" value={String(version)} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" appearance="secondary-action-button">
        {label}
        {hiddenLabel && <span className="vp-visually-hidden">{` ${hiddenLabel}`}</span>}
      </Button>
    </form>
  );
}
