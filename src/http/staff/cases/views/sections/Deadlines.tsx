/** The three terms of the regulation with their traffic lights, and the extension with its reason. */
import { Paragraph, TableBody, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { CaseViewProps } from '../case-view.ts';
import { day, Light, Section, TableBox, TableHead, Text, termsOf } from '../ui.tsx';

export function Deadlines({ ctx, t, c }: Pick<CaseViewProps, 'ctx' | 't' | 'c'>) {
  const common = ctx.t.deadlines;
  const { overview } = c.deadlines;
  const terms = termsOf(overview);
  return (
    <Section id="deadlines" title={t.deadlines.heading}>
      <TableBox id="deadlines-table" caption={t.deadlines.heading} hiddenCaption>
        <TableHead columns={[t.deadlines.term, t.deadlines.due, t.deadlines.state]} />
        <TableBody>
          {terms.map(([term, { due, state }]) => (
            <TableRow key={term}>
              <TableHeaderCell scope="row">{common[term]}</TableHeaderCell>
              <TableCell>{day(ctx, due)}</TableCell>
              <TableCell>
                <Light state={state} label={common.states[state]} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </TableBox>
      {c.extension && (
        <Paragraph>
          {t.deadlines.extended(c.extension.workingDays, day(ctx, c.extension.previousResolveBy) ?? '')}{' '}
          <Text>{c.extension.reason}</Text>
        </Paragraph>
      )}
      <Paragraph className="vp-muted">{t.deadlines.calendar(c.deadlines.calendarId)}</Paragraph>
    </Section>
  );
}
